package org.polemos.io.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.polemos.model.Coded;
import org.polemos.model.Omittable;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ProcessDefinition;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.process.ProcessRegistry;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.Suggestions;

/**
 * Binds a {@link Node} tree to the model's records by reflection, collecting every problem instead
 * of stopping at the first. Field names are record component names; components without {@link
 * Omittable} are required; {@link Coded} enums are written by code; {@link DistributionSpec} is a
 * mapping with a {@code type} field; {@link Processes} is a mapping of the sections {@link
 * ProcessRegistry} knows.
 */
final class Binder {

  /** Returned in place of a value that could not be bound; its problem has been recorded. */
  private static final Object FAILED = new Object();

  private final String file;
  private final List<Diagnostic> problems = new ArrayList<>();

  Binder(String file) {
    this.file = file;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  /** The bound record, or empty when any problem was found (see {@link #problems()}). */
  <T extends Record> Optional<T> bindRoot(Node.MapNode root, Class<T> type, Set<String> extraKeys) {
    Object value = bindRecord(root, type, "", extraKeys);
    return value == FAILED ? Optional.empty() : Optional.of(type.cast(value));
  }

  private Object bind(Node node, Type type, String path) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return bindList(node, args[0], path);
      }
      if (raw == Map.class && args[0] == String.class) {
        return bindMap(node, args[1], path);
      }
      throw new IllegalStateException("unsupported type in the model: " + type);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      return bindString(node, path);
    }
    if (cls == double.class || cls == Double.class) {
      return bindDouble(node, path);
    }
    if (cls == long.class || cls == Long.class) {
      return bindWhole(node, path, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }
    if (cls == int.class || cls == Integer.class) {
      return bindWhole(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return bindBoolean(node, path);
    }
    if (cls == LocalDate.class) {
      return bindDate(node, path);
    }
    if (cls.isEnum() && Coded.class.isAssignableFrom(cls)) {
      return bindEnum(node, cls, path);
    }
    if (cls == DistributionSpec.class) {
      return bindDistribution(node, path);
    }
    if (cls == Processes.class) {
      return bindProcesses(node, path);
    }
    if (cls.isRecord()) {
      return bindRecord(node, cls, path, Set.of());
    }
    throw new IllegalStateException("unsupported type in the model: " + type);
  }

  private Object bindRecord(Node node, Class<?> type, String path, Set<String> extraKeys) {
    if (!(node instanceof Node.MapNode map)) {
      return expected(node, path, "a mapping");
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> names =
        Arrays.stream(components)
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> suggested = new LinkedHashSet<>();
    for (Node.Entry entry : map.entries().values()) {
      if (!names.contains(entry.key()) && !extraKeys.contains(entry.key())) {
        unknownField(entry, names, FieldPath.field(path, entry.key())).ifPresent(suggested::add);
      }
    }
    return construct(map, type, path, components, suggested);
  }

  /**
   * Builds the record from the mapping's entries. A required field that is missing is reported,
   * unless an unknown field was already reported with it as the did-you-mean ({@code suggested}):
   * one typo, one problem.
   */
  private Object construct(
      Node.MapNode map,
      Class<?> type,
      String path,
      RecordComponent[] components,
      Set<String> suggested) {
    Object[] args = new Object[components.length];
    boolean failed = false;
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = component.getName();
      Node.Entry entry = map.entries().get(name);
      boolean omittable = component.isAnnotationPresent(Omittable.class);
      if (entry == null || (omittable && isNull(entry.value()))) {
        if (!omittable) {
          failed = true;
        }
        if (!omittable && !suggested.contains(name)) {
          problems.add(
              new Diagnostic(
                  file, map.line(), map.column(), path, "missing required field \"" + name + "\""));
          failed = true;
        }
        args[i] = null;
      } else {
        Object value = bind(entry.value(), component.getGenericType(), FieldPath.field(path, name));
        failed |= value == FAILED;
        args[i] = value;
      }
    }
    if (failed) {
      return FAILED;
    }
    try {
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problems.add(
          new Diagnostic(file, map.line(), map.column(), path, String.valueOf(cause.getMessage())));
      return FAILED;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** Reports an unknown field; returns the field it was probably meant to be. */
  private Optional<String> unknownField(Node.Entry entry, Set<String> names, String path) {
    Optional<String> suggestion = Suggestions.closest(entry.key(), names);
    String message =
        "unknown field \""
            + entry.key()
            + "\""
            + suggestion
                .map(s -> " (did you mean \"" + s + "\"?)")
                .orElse("; expected one of: " + String.join(", ", names));
    problems.add(new Diagnostic(file, entry.line(), entry.column(), path, message));
    return suggestion;
  }

  private Object bindDistribution(Node node, String path) {
    if (!(node instanceof Node.MapNode map)) {
      return expected(node, path, "a distribution (a mapping with a \"type\" field)");
    }
    Map<String, Class<?>> types = distributionTypes();
    Node.Entry typeEntry = map.entries().get("type");
    if (typeEntry == null) {
      problems.add(
          new Diagnostic(
              file,
              map.line(),
              map.column(),
              path,
              "missing required field \"type\"; expected one of: "
                  + String.join(", ", types.keySet())));
      return FAILED;
    }
    if (!(typeEntry.value() instanceof Node.ScalarNode scalar)
        || scalar.kind() != Node.ScalarKind.STRING) {
      return expected(
          typeEntry.value(),
          FieldPath.field(path, "type"),
          "a distribution type (" + String.join(", ", types.keySet()) + ")");
    }
    Class<?> type = types.get(scalar.text());
    if (type == null) {
      problems.add(
          new Diagnostic(
              file,
              scalar.line(),
              scalar.column(),
              FieldPath.field(path, "type"),
              "unknown distribution type \""
                  + scalar.text()
                  + "\"; expected one of: "
                  + String.join(", ", types.keySet())
                  + didYouMean(scalar.text(), types.keySet())));
      return FAILED;
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> names = new LinkedHashSet<>();
    names.add("type");
    Arrays.stream(components).map(RecordComponent::getName).forEach(names::add);
    Set<String> suggested = new LinkedHashSet<>();
    for (Node.Entry entry : map.entries().values()) {
      if (!names.contains(entry.key())) {
        unknownField(entry, names, FieldPath.field(path, entry.key())).ifPresent(suggested::add);
      }
    }
    return construct(map, type, path, components, suggested);
  }

  /** The distribution records by their file {@code type}, in declaration order. */
  static Map<String, Class<?>> distributionTypes() {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (Class<?> sub : DistributionSpec.class.getPermittedSubclasses()) {
      types.put(distributionType(sub), sub);
    }
    return types;
  }

  /**
   * The {@code type} code of a distribution record, read from an instance built with zero
   * arguments.
   */
  static String distributionType(Class<?> sub) {
    try {
      RecordComponent[] components = sub.getRecordComponents();
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Object[] args =
          Arrays.stream(types).map(t -> t == double.class ? (Object) 0.0 : null).toArray();
      return ((DistributionSpec) sub.getDeclaredConstructor(types).newInstance(args)).type();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the type of " + sub.getName(), e);
    }
  }

  /**
   * The {@code processes:} mapping: each key a section registered in {@link ProcessRegistry}
   * (built-in or an extension's), bound to that section's record; sections the file omits keep
   * their defaults.
   */
  private Object bindProcesses(Node node, String path) {
    if (!(node instanceof Node.MapNode map)) {
      return expected(
          node,
          path,
          "a mapping of process sections (" + String.join(", ", ProcessRegistry.names()) + ")");
    }
    Map<String, ProcessParameters> sections = new LinkedHashMap<>();
    boolean failed = false;
    for (Node.Entry entry : map.entries().values()) {
      Optional<ProcessDefinition<?>> definition = ProcessRegistry.byName(entry.key());
      String sectionPath = FieldPath.field(path, entry.key());
      if (definition.isEmpty()) {
        unknownField(entry, ProcessRegistry.names(), sectionPath);
        failed = true;
        continue;
      }
      Object value = bindRecord(entry.value(), definition.get().type(), sectionPath, Set.of());
      if (value == FAILED) {
        failed = true;
      } else {
        sections.put(entry.key(), (ProcessParameters) value);
      }
    }
    return failed ? FAILED : Processes.of(sections);
  }

  private Object bindList(Node node, Type itemType, String path) {
    if (!(node instanceof Node.ListNode list)) {
      return expected(node, path, "a list");
    }
    List<Object> items = new ArrayList<>(list.items().size());
    boolean failed = false;
    for (int i = 0; i < list.items().size(); i++) {
      Object item = bind(list.items().get(i), itemType, FieldPath.index(path, i));
      failed |= item == FAILED;
      items.add(item);
    }
    return failed ? FAILED : items;
  }

  private Object bindMap(Node node, Type valueType, String path) {
    if (!(node instanceof Node.MapNode map)) {
      return expected(node, path, "a mapping");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    boolean failed = false;
    for (Node.Entry entry : map.entries().values()) {
      Object value = bind(entry.value(), valueType, FieldPath.field(path, entry.key()));
      failed |= value == FAILED;
      values.put(entry.key(), value);
    }
    return failed ? FAILED : values;
  }

  private Object bindString(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar && scalar.kind() != Node.ScalarKind.NULL) {
      return scalar.text();
    }
    return expected(node, path, "text");
  }

  private Object bindDouble(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar
        && (scalar.kind() == Node.ScalarKind.INTEGER || scalar.kind() == Node.ScalarKind.DECIMAL)) {
      double value = scalar.number() == null ? Double.NaN : scalar.number().doubleValue();
      if (!Double.isFinite(value)) {
        problems.add(
            new Diagnostic(
                file,
                node.line(),
                node.column(),
                path,
                "expected a finite number, found " + scalar.text()));
        return FAILED;
      }
      return value;
    }
    return expected(node, path, "a number");
  }

  private Object bindWhole(Node node, String path, long min, long max, boolean isInt) {
    if (node instanceof Node.ScalarNode scalar && scalar.number() != null) {
      BigDecimal number = scalar.number();
      if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
        return expected(node, path, "a whole number");
      }
      if (number.compareTo(BigDecimal.valueOf(min)) < 0
          || number.compareTo(BigDecimal.valueOf(max)) > 0) {
        problems.add(
            new Diagnostic(
                file,
                node.line(),
                node.column(),
                path,
                "number "
                    + scalar.text()
                    + " is out of range; expected a whole number from "
                    + min
                    + " to "
                    + max));
        return FAILED;
      }
      long value = number.longValueExact();
      return isInt ? (Object) (int) value : (Object) value;
    }
    return expected(node, path, "a whole number");
  }

  private Object bindBoolean(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar && scalar.kind() == Node.ScalarKind.BOOLEAN) {
      return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
    }
    return expected(node, path, "true or false");
  }

  private Object bindDate(Node node, String path) {
    if (node instanceof Node.ScalarNode scalar && scalar.kind() == Node.ScalarKind.STRING) {
      try {
        return LocalDate.parse(scalar.text());
      } catch (DateTimeParseException e) {
        problems.add(
            new Diagnostic(
                file,
                node.line(),
                node.column(),
                path,
                scalar.text().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")
                    ? "no such date: \"" + scalar.text() + "\""
                    : "not a valid date: \""
                        + scalar.text()
                        + "\"; expected YYYY-MM-DD, e.g. 2014-06-10"));
        return FAILED;
      }
    }
    return expected(node, path, "a date (YYYY-MM-DD, e.g. 2014-06-10)");
  }

  private Object bindEnum(Node node, Class<?> type, String path) {
    List<String> codes =
        Arrays.stream(type.getEnumConstants()).map(c -> ((Coded) c).code()).toList();
    if (node instanceof Node.ScalarNode scalar && scalar.kind() == Node.ScalarKind.STRING) {
      for (Object constant : type.getEnumConstants()) {
        if (((Coded) constant).code().equals(scalar.text())) {
          return constant;
        }
      }
      problems.add(
          new Diagnostic(
              file,
              node.line(),
              node.column(),
              path,
              "unknown value \""
                  + scalar.text()
                  + "\"; expected one of: "
                  + String.join(", ", codes)
                  + didYouMean(scalar.text(), codes)));
      return FAILED;
    }
    return expected(node, path, "one of: " + String.join(", ", codes));
  }

  private static String didYouMean(String wrong, java.util.Collection<String> candidates) {
    return Suggestions.closest(wrong, candidates)
        .map(s -> " (did you mean \"" + s + "\"?)")
        .orElse("");
  }

  private static boolean isNull(Node node) {
    return node instanceof Node.ScalarNode scalar && scalar.kind() == Node.ScalarKind.NULL;
  }

  private Object expected(Node node, String path, String what) {
    problems.add(
        new Diagnostic(
            file,
            node.line(),
            node.column(),
            path,
            "expected " + what + ", found " + node.describe()));
    return FAILED;
  }
}
