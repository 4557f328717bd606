package org.polemos.model.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polemos.model.validation.Suggestions;

/**
 * The parameters of every mechanism, one record per section of the scenario's {@code processes:}
 * mapping, keyed by section name in {@link ProcessRegistry} order. Every registered section is
 * present: a section the scenario omits holds its {@link ProcessDefinition#defaults()}. Only {@link
 * #defaults()} (and so {@link #of}) consult the registry; the other methods use the sections this
 * instance carries. Built-in and extension sections are handled alike; a mechanism reads its own
 * with {@link #get(Class)}.
 *
 * <p>Immutable.
 */
public final class Processes {
  private final Map<String, ProcessParameters> sections;

  private Processes(Map<String, ProcessParameters> sections) {
    this.sections = Collections.unmodifiableMap(sections);
  }

  /**
   * Every registered section at its defaults (see {@link BuiltInProcesses} for the built-in ones).
   */
  public static Processes defaults() {
    Map<String, ProcessParameters> map = new LinkedHashMap<>();
    for (ProcessDefinition<?> d : ProcessRegistry.definitions()) {
      map.put(d.name(), d.defaults());
    }
    return new Processes(map);
  }

  /**
   * The defaults with the sections in {@code given} replaced; keys are section names.
   *
   * @throws IllegalArgumentException for an unknown section, a null value or a value of the wrong
   *     type
   */
  public static Processes of(Map<String, ? extends ProcessParameters> given) {
    Processes result = defaults();
    for (Map.Entry<String, ? extends ProcessParameters> e : given.entrySet()) {
      result = result.with(e.getKey(), e.getValue());
    }
    return result;
  }

  /**
   * The defaults with the sections of {@code parameters} replaced, each found by its type.
   *
   * @throws IllegalArgumentException when a type is not registered
   */
  public static Processes of(ProcessParameters... parameters) {
    Processes result = defaults();
    for (ProcessParameters p : parameters) {
      result = result.with(p);
    }
    return result;
  }

  /**
   * The parameters of the section whose record type is {@code type}.
   *
   * @throws IllegalArgumentException when no section has that type
   */
  public <P extends ProcessParameters> P get(Class<P> type) {
    return type.cast(sections.get(nameOf(type)));
  }

  /**
   * The parameters of section {@code name}.
   *
   * @throws IllegalArgumentException when no section has that name
   */
  public ProcessParameters get(String name) {
    ProcessParameters p = sections.get(name);
    if (p == null) {
      throw unknown(name);
    }
    return p;
  }

  /** A copy with the section of {@code parameters}' type replaced. */
  public Processes with(ProcessParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("process parameters must not be null");
    }
    return with(nameOf(parameters.getClass()), parameters);
  }

  /**
   * A copy with section {@code name} replaced by {@code parameters}, a record of the section's
   * type.
   *
   * @throws IllegalArgumentException for an unknown section, null, or a record of another type
   */
  public Processes with(String name, ProcessParameters parameters) {
    ProcessParameters current = get(name);
    if (parameters == null || parameters.getClass() != current.getClass()) {
      throw new IllegalArgumentException(
          "processes."
              + name
              + " must be a "
              + current.getClass().getSimpleName()
              + ", was "
              + (parameters == null ? "null" : parameters.getClass().getSimpleName()));
    }
    Map<String, ProcessParameters> copy = new LinkedHashMap<>(sections);
    copy.put(name, parameters);
    return new Processes(copy);
  }

  /** The sections by name, in registry order; unmodifiable. */
  public Map<String, ProcessParameters> asMap() {
    return sections;
  }

  private String nameOf(Class<?> type) {
    for (Map.Entry<String, ProcessParameters> e : sections.entrySet()) {
      if (e.getValue().getClass() == type) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException(
        type.getName()
            + " is not the parameter type of any registered process;"
            + " register it with a ProcessProvider (see docs/EXTENDING.md)");
  }

  private IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "unknown process \""
            + name
            + "\""
            + Suggestions.didYouMean(name, sections.keySet())
            + "; known: "
            + String.join(", ", sections.keySet()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Processes other && sections.equals(other.sections);
  }

  @Override
  public int hashCode() {
    return sections.hashCode();
  }

  @Override
  public String toString() {
    return "Processes" + sections;
  }
}
