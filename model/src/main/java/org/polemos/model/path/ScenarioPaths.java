package org.polemos.model.path;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polemos.model.Coded;
import org.polemos.model.Scenario;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.Suggestions;

/**
 * Reads and replaces single parameters of a scenario (or any record tree) by a dotted path, for
 * variants, sweeps and calibration.
 *
 * <p>Path syntax: segments separated by dots. On a record a segment is a component name ({@code
 * seed}, {@code processes.intake.servers}); on a list of records that have an {@code id} component
 * it is an element's id ({@code corridors.tal-abyad.interdiction}, {@code
 * regions.raqqa.forces.islamic-state}); on any other list it is a zero-based index ({@code
 * processes.intake.serviceDays.values.0}); on a map it is an existing key; on {@code processes} it
 * is a registered section name ({@code processes.intake}, or an extension's section, see {@link
 * org.polemos.model.process.ProcessRegistry}), present even when the file omitted it. On a
 * distribution the segments are the parameters of its concrete type ({@code serviceDays.mean} for
 * an exponential, {@code serviceDays.sigma} for a log-normal).
 *
 * <p>Values are converted to the type of the component: numbers (or numeric strings) to {@code
 * double}, {@code int}, {@code long} and their boxes, rejecting fractions and out-of-range values
 * for integers; strings to enum constants by their {@link Coded} code (or constant name); strings
 * in ISO form (2015-06-01) to {@link LocalDate}; lists and maps element by element. {@code null} is
 * accepted only for reference types; the record constructors supply defaults for omittable
 * components.
 *
 * <p>{@link #with} returns a new tree and never changes its argument. The result is NOT validated:
 * callers run {@link org.polemos.model.validation.ScenarioValidator#validate(Scenario)} on it.
 * Every failure is an {@link IllegalArgumentException} naming the path, the segment that failed and
 * the valid choices.
 */
public final class ScenarioPaths {
  private ScenarioPaths() {}

  /** A copy of {@code root} with the value at {@code path} replaced by {@code value}, converted. */
  @SuppressWarnings("unchecked")
  public static <R extends Record> R with(R root, String path, Object value) {
    String[] segments = split(path);
    return (R) set(root, root.getClass(), segments, 0, value, path);
  }

  /**
   * The value at {@code path}: a number, string, date, enum constant, list, map, record or null.
   */
  public static Object get(Record root, String path) {
    String[] segments = split(path);
    Object node = root;
    for (int i = 0; i < segments.length; i++) {
      node = child(node, segments, i, path);
    }
    return node;
  }

  /** The number at {@code path}, as a double. */
  public static double getDouble(Record root, String path) {
    Object value = get(root, path);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(
        "path \"" + path + "\" does not lead to a number but to " + describe(value));
  }

  /**
   * Every path of {@code root} that leads to a number (double, int or long, including {@code seed},
   * region forces and the parameters of distributions), in document order. Elements whose id is
   * missing are skipped.
   */
  public static List<String> numericPaths(Record root) {
    Set<String> paths = new LinkedHashSet<>();
    collect(root, "", paths);
    return List.copyOf(paths);
  }

  /** {@link #numericPaths(Record)} of a scenario. */
  public static List<String> numericPaths(Scenario scenario) {
    return numericPaths((Record) scenario);
  }

  // ---------------------------------------------------------------------------------------------
  // navigation

  private static String[] split(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    String[] segments = path.split("\\.", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].isEmpty()) {
        throw new IllegalArgumentException(
            "path \"" + path + "\" has an empty segment at position " + (i + 1));
      }
    }
    return segments;
  }

  private static IllegalArgumentException fail(
      String path, String[] segments, int i, String reason) {
    return new IllegalArgumentException(
        "path \""
            + path
            + "\", segment \""
            + segments[i]
            + "\" ("
            + (i + 1)
            + " of "
            + segments.length
            + "): "
            + reason);
  }

  private static String choices(String wrong, Collection<String> valid) {
    return Suggestions.didYouMean(wrong, valid)
        + "; valid: "
        + (valid.isEmpty() ? "(none)" : String.join(", ", valid));
  }

  private static String where(String[] segments, int i) {
    return i == 0
        ? "the scenario"
        : "\"" + String.join(".", Arrays.copyOfRange(segments, 0, i)) + "\"";
  }

  /** The child of {@code node} named by {@code segments[i]}. */
  private static Object child(Object node, String[] segments, int i, String path) {
    String segment = segments[i];
    if (node == null) {
      throw fail(path, segments, i, where(segments, i) + " is not set");
    }
    if (node instanceof Record record) {
      RecordComponent component = component(record, segments, i, path);
      return read(record, component);
    }
    if (node instanceof Processes processes) {
      return section(processes, segments, i, path);
    }
    if (node instanceof List<?> list) {
      return list.get(index(list, segments, i, path));
    }
    if (node instanceof Map<?, ?> map) {
      if (!map.containsKey(segment)) {
        throw fail(
            path,
            segments,
            i,
            "no key \"" + segment + "\" in " + where(segments, i) + choices(segment, keys(map)));
      }
      return map.get(segment);
    }
    throw fail(
        path,
        segments,
        i,
        where(segments, i) + " is " + describe(node) + " and has no field \"" + segment + "\"");
  }

  private static RecordComponent component(Record record, String[] segments, int i, String path) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    List<String> names = new ArrayList<>();
    for (RecordComponent component : components) {
      if (component.getName().equals(segments[i])) {
        return component;
      }
      names.add(component.getName());
    }
    throw fail(
        path,
        segments,
        i,
        "\""
            + segments[i]
            + "\" is not a field of "
            + typeName(record.getClass())
            + " at "
            + where(segments, i)
            + choices(segments[i], names));
  }

  private static Object read(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }

  /**
   * The index of the list element named by {@code segments[i]}: by id on lists of records with ids.
   */
  private static int index(List<?> list, String[] segments, int i, String path) {
    String segment = segments[i];
    if (hasIds(list)) {
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < list.size(); k++) {
        String id = idOf(list.get(k));
        if (segment.equals(id)) {
          return k;
        }
        if (id != null) {
          ids.add(id);
        }
      }
      throw fail(
          path,
          segments,
          i,
          "no element with id \""
              + segment
              + "\" in "
              + where(segments, i)
              + choices(segment, ids));
    }
    int k;
    try {
      k = Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      throw fail(
          path,
          segments,
          i,
          where(segments, i)
              + " is a list addressed by index, 0 to "
              + (list.size() - 1)
              + ", not \""
              + segment
              + "\"");
    }
    if (k < 0 || k >= list.size()) {
      throw fail(
          path,
          segments,
          i,
          "index "
              + k
              + " is out of range for "
              + where(segments, i)
              + " (size "
              + list.size()
              + ")");
    }
    return k;
  }

  private static boolean hasIds(List<?> list) {
    for (Object element : list) {
      if (element instanceof Record record) {
        return Arrays.stream(record.getClass().getRecordComponents())
            .anyMatch(c -> c.getName().equals("id"));
      }
    }
    return false;
  }

  private static String idOf(Object element) {
    if (element instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        if (component.getName().equals("id") && read(record, component) instanceof String id) {
          return id;
        }
      }
    }
    return null;
  }

  /** The section of {@code processes} named by {@code segments[i]}. */
  private static ProcessParameters section(
      Processes processes, String[] segments, int i, String path) {
    ProcessParameters section = processes.asMap().get(segments[i]);
    if (section == null) {
      throw fail(
          path,
          segments,
          i,
          "no process \""
              + segments[i]
              + "\" in "
              + where(segments, i)
              + choices(segments[i], processes.asMap().keySet()));
    }
    return section;
  }

  private static List<String> keys(Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }

  // ------------------------------------------------------------------------------------------------ update

  private static Object set(
      Object node, Type declared, String[] segments, int i, Object value, String path) {
    if (i == segments.length) {
      return convert(value, declared, segments, i - 1, path);
    }
    String segment = segments[i];
    if (node == null) {
      throw fail(path, segments, i, where(segments, i) + " is not set; set it whole first");
    }
    if (node instanceof Record record) {
      RecordComponent target = component(record, segments, i, path);
      RecordComponent[] components = record.getClass().getRecordComponents();
      Object[] arguments = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int k = 0; k < components.length; k++) {
        types[k] = components[k].getType();
        arguments[k] =
            components[k].getName().equals(target.getName())
                ? set(read(record, target), target.getGenericType(), segments, i + 1, value, path)
                : read(record, components[k]);
      }
      try {
        Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException e) {
        throw fail(
            path,
            segments,
            segments.length - 1,
            "rejected by " + typeName(record.getClass()) + ": " + e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + record.getClass(), e);
      }
    }
    if (node instanceof Processes processes) {
      ProcessParameters current = section(processes, segments, i, path);
      Object replaced = set(current, current.getClass(), segments, i + 1, value, path);
      try {
        return processes.with(segment, (ProcessParameters) replaced);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw fail(path, segments, i, e.getMessage());
      }
    }
    if (node instanceof List<?> list) {
      int k = index(list, segments, i, path);
      List<Object> copy = new ArrayList<>(list);
      copy.set(k, set(list.get(k), typeArgument(declared, 0), segments, i + 1, value, path));
      return copy;
    }
    if (node instanceof Map<?, ?> map) {
      if (!map.containsKey(segment)) {
        throw fail(
            path,
            segments,
            i,
            "no key \"" + segment + "\" in " + where(segments, i) + choices(segment, keys(map)));
      }
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put(
          segment, set(map.get(segment), typeArgument(declared, 1), segments, i + 1, value, path));
      return copy;
    }
    throw fail(
        path,
        segments,
        i,
        where(segments, i) + " is " + describe(node) + " and has no field \"" + segment + "\"");
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      return parameterized.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  /**
   * {@code value} converted to {@code type}, the declared type of the component at segment {@code
   * i}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Object value, Type type, String[] segments, int i, String path) {
    Class<?> target = raw(type);
    if (value == null) {
      if (target.isPrimitive()) {
        throw fail(path, segments, i, "expected " + typeName(target) + ", was null");
      }
      return null;
    }
    if (target == double.class || target == Double.class) {
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      if (value instanceof String text) {
        try {
          return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
          throw fail(path, segments, i, "expected a number, was \"" + text + "\"");
        }
      }
      throw fail(path, segments, i, "expected a number, was " + describe(value));
    }
    if (target == int.class
        || target == Integer.class
        || target == long.class
        || target == Long.class) {
      boolean isInt = target == int.class || target == Integer.class;
      BigDecimal decimal;
      try {
        if (value instanceof Number || value instanceof String) {
          decimal = new BigDecimal(value.toString().trim());
        } else {
          throw fail(path, segments, i, "expected a whole number, was " + describe(value));
        }
      } catch (NumberFormatException e) {
        throw fail(path, segments, i, "expected a whole number, was " + describe(value));
      }
      try {
        return isInt ? (Object) decimal.intValueExact() : (Object) decimal.longValueExact();
      } catch (ArithmeticException e) {
        throw fail(
            path,
            segments,
            i,
            "expected a whole number within the range of "
                + (isInt ? "int" : "long")
                + ", was "
                + plain(value));
      }
    }
    if (target == LocalDate.class) {
      if (value instanceof LocalDate) {
        return value;
      }
      if (value instanceof String text) {
        try {
          return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
          throw fail(path, segments, i, "expected a date like 2015-06-01, was \"" + text + "\"");
        }
      }
      throw fail(path, segments, i, "expected a date, was " + describe(value));
    }
    if (target.isEnum()) {
      if (target.isInstance(value)) {
        return value;
      }
      if (value instanceof String text) {
        List<String> codes = new ArrayList<>();
        for (Object constant : target.getEnumConstants()) {
          String code =
              constant instanceof Coded coded ? coded.code() : ((Enum<?>) constant).name();
          if (code.equals(text) || ((Enum<?>) constant).name().equals(text)) {
            return constant;
          }
          codes.add(code);
        }
        throw fail(
            path,
            segments,
            i,
            "unknown " + typeName(target) + " \"" + text + "\"" + choices(text, codes));
      }
      throw fail(path, segments, i, "expected a " + typeName(target) + ", was " + describe(value));
    }
    if (target == String.class) {
      if (value instanceof String) {
        return value;
      }
      throw fail(path, segments, i, "expected a string, was " + describe(value));
    }
    if (List.class.isAssignableFrom(target)) {
      if (!(value instanceof Collection<?> collection)) {
        throw fail(path, segments, i, "expected a list, was " + describe(value));
      }
      List<Object> converted = new ArrayList<>();
      for (Object element : collection) {
        converted.add(convert(element, typeArgument(type, 0), segments, i, path));
      }
      return converted;
    }
    if (Map.class.isAssignableFrom(target)) {
      if (!(value instanceof Map<?, ?> map)) {
        throw fail(path, segments, i, "expected a map, was " + describe(value));
      }
      Map<Object, Object> converted = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        converted.put(
            entry.getKey(), convert(entry.getValue(), typeArgument(type, 1), segments, i, path));
      }
      return converted;
    }
    if (target.isInstance(value)) {
      return value;
    }
    throw fail(path, segments, i, "expected a " + typeName(target) + ", was " + describe(value));
  }

  // ------------------------------------------------------------------------------------------
  // numeric paths

  /**
   * The path (in the terms of {@link #with}) of the very object {@code target} (compared by
   * identity) inside {@code root}, e.g. {@code corridors.tal-abyad.transitDelayDays} for a
   * corridor's distribution: how a failure inside a run that only knows the object names the field
   * to blame. Empty when {@code target} is not part of {@code root}.
   */
  public static java.util.Optional<String> pathOf(Record root, Object target) {
    return java.util.Optional.ofNullable(find(root, target, ""));
  }

  private static String find(Object node, Object target, String path) {
    if (node == target && node != null) {
      return path;
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node instanceof Processes processes) {
      return find(processes.asMap(), target, path);
    } else if (node instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        String found = find(read(record, component), target, prefix + component.getName());
        if (found != null) {
          return found;
        }
      }
    } else if (node instanceof List<?> list) {
      boolean byId = hasIds(list);
      for (int k = 0; k < list.size(); k++) {
        Object element = list.get(k);
        String segment = byId ? idOf(element) : Integer.toString(k);
        String found = find(element, target, prefix + segment);
        if (found != null) {
          return found;
        }
      }
    } else if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String found = find(entry.getValue(), target, prefix + entry.getKey());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void collect(Object node, String prefix, Set<String> out) {
    if (node instanceof Processes processes) {
      collect(processes.asMap(), prefix, out);
    } else if (node instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object value = read(record, component);
        String path = prefix + component.getName();
        if (isNumeric(component.getType()) && value != null) {
          out.add(path);
        } else {
          collect(value, path + ".", out);
        }
      }
    } else if (node instanceof List<?> list) {
      boolean byId = hasIds(list);
      for (int k = 0; k < list.size(); k++) {
        Object element = list.get(k);
        String segment = byId ? idOf(element) : Integer.toString(k);
        if (segment == null || segment.isEmpty() || segment.contains(".")) {
          continue;
        }
        if (element instanceof Number) {
          out.add(prefix + segment);
        } else {
          collect(element, prefix + segment + ".", out);
        }
      }
    } else if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (key.isEmpty() || key.contains(".")) {
          continue;
        }
        if (entry.getValue() instanceof Number) {
          out.add(prefix + key);
        } else {
          collect(entry.getValue(), prefix + key + ".", out);
        }
      }
    }
  }

  private static boolean isNumeric(Class<?> type) {
    return type == double.class
        || type == int.class
        || type == long.class
        || type == Double.class
        || type == Integer.class
        || type == Long.class;
  }

  /** Whole doubles without the exponent or ".0" that Double.toString gives them. */
  private static String plain(Object value) {
    if (value instanceof Double d
        && Double.isFinite(d)
        && d == Math.rint(d)
        && Math.abs(d) < 1e18) {
      return new BigDecimal(d).toPlainString();
    }
    return String.valueOf(value);
  }

  private static String typeName(Class<?> type) {
    return type.getSimpleName();
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return "\"" + text + "\" (a string)";
    }
    if (value instanceof Record || value instanceof Collection || value instanceof Map) {
      return "a " + typeName(value.getClass());
    }
    return value + " (a " + typeName(value.getClass()) + ")";
  }

  /**
   * A validator path ({@code corridors[0].interdiction}, {@code regions[2].forces.islamic-state})
   * in the terms of {@link #with}: an element of a list of records with an {@code id} is named by
   * its id ({@code corridors.tal-abyad.interdiction}), of any other list by its index. Parts that
   * cannot be followed are kept as written.
   */
  public static String idPath(Record root, String validatorPath) {
    StringBuilder out = new StringBuilder();
    Object node = root;
    for (String part : validatorPath.split("\\.", -1)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(.*?)((?:\\[\\d+\\])*)").matcher(part);
      if (!m.matches()) {
        return validatorPath;
      }
      String name = m.group(1);
      out.append(out.length() == 0 ? "" : ".").append(name);
      node = child(node, name);
      java.util.regex.Matcher index =
          java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
      while (index.find()) {
        int i = Integer.parseInt(index.group(1));
        Object element = node instanceof List<?> list && i < list.size() ? list.get(i) : null;
        Object id = element instanceof Record r ? child(r, "id") : null;
        out.append('.').append(id instanceof String text ? text : Integer.toString(i));
        node = element;
      }
    }
    return out.toString();
  }

  /** The component {@code name} of a record or the entry of a map, or null. */
  private static Object child(Object node, String name) {
    if (node instanceof Record r) {
      for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getName().equals(name)) {
          try {
            return c.getAccessor().invoke(r);
          } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
          }
        }
      }
      return null;
    }
    return node instanceof java.util.Map<?, ?> map ? map.get(name) : null;
  }
}
