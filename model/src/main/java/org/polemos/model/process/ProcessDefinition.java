package org.polemos.model.process;

import java.util.regex.Pattern;

/**
 * A section of the scenario's {@code processes:} mapping: its name (the key in the file and the
 * path segment in {@code processes.<name>.<field>}), its parameter record type and the values used
 * when a scenario omits the section. Provided to {@link ProcessRegistry} by a {@link
 * ProcessProvider}.
 *
 * @param name the section's key: a letter, then letters, digits or hyphens (no dots)
 * @param type the parameter record; one type per section
 * @param defaults the parameters of a scenario that omits the section; must pass their own checks
 * @param <P> the parameter record type
 */
public record ProcessDefinition<P extends ProcessParameters>(
    String name, Class<P> type, P defaults) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

  public ProcessDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "process name must match " + NAME.pattern() + ", was \"" + name + "\"");
    }
    if (type == null || !type.isRecord()) {
      throw new IllegalArgumentException(
          "the parameters of process \"" + name + "\" must be a record type, was " + type);
    }
    if (!type.isInstance(defaults)) {
      throw new IllegalArgumentException(
          "the defaults of process \"" + name + "\" must be a " + type.getName());
    }
  }

  /** A definition; shorthand for the constructor. */
  public static <P extends ProcessParameters> ProcessDefinition<P> of(
      String name, Class<P> type, P defaults) {
    return new ProcessDefinition<>(name, type, defaults);
  }
}
