package org.polemos.io.scenario;

import java.nio.file.Path;
import java.util.Locale;

/** The two spellings of the one scenario schema. */
public enum ScenarioFormat {
  YAML,
  JSON;

  /**
   * The format a file name says, by extension ({@code .yaml}, {@code .yml}, {@code .json}, any
   * case); null when the name says nothing.
   */
  public static ScenarioFormat byName(String fileName) {
    String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return JSON;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML;
    }
    return null;
  }

  /** The format of {@code file} by extension, YAML when the extension says nothing. */
  public static ScenarioFormat of(Path file) {
    Path name = file.getFileName();
    ScenarioFormat format = byName(name == null ? "" : name.toString());
    return format == null ? YAML : format;
  }

  /**
   * The format of a document whose name says nothing: JSON when its first character other than
   * white space is '{' or '[', YAML otherwise (YAML is a superset of JSON, so this only picks the
   * better error messages).
   */
  static ScenarioFormat sniff(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[' ? JSON : YAML;
      }
    }
    return YAML;
  }
}
