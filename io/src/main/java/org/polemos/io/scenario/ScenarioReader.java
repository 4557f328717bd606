package org.polemos.io.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Problem;
import org.polemos.model.validation.ScenarioValidator;

/**
 * Reads scenario files (YAML or JSON, one schema, see docs/SCENARIO-FORMAT.md) into {@link
 * Scenario}s.
 *
 * <p>Every problem is reported at once, each with file, line, column and field path: malformed
 * syntax, wrong types, unknown fields (with a did-you-mean), missing required fields, unknown
 * codes, bad dates, duplicate keys, then, when the file binds, the problems {@link
 * ScenarioValidator} finds, located through their paths.
 *
 * <p>Hostile input fails fast in bounded memory: files above {@link #MAX_BYTES} are refused before
 * they are read, binary content before it is parsed, and nesting, alias use and alias expansion are
 * capped while parsing ({@link #MAX_DEPTH}, {@link #MAX_ALIASES}, {@link #MAX_NODES}).
 *
 * <p>Thread-safe: instances hold no state.
 */
public final class ScenarioReader {

  /** The schema version this reader understands, and the one {@link ScenarioWriter} writes. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Largest scenario file read: 2 MiB (levant-2014 is 60 KB; a file at the limit validates in
   * seconds).
   */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /**
   * Longest line of a YAML file, characters: long lines make the YAML scanner slow (its time grows
   * with the square of a line's length); a text at its limit of 100,000 characters, escaped, fits.
   */
  public static final int MAX_LINE_CHARS = 250_000;

  /** Deepest nesting of mappings and lists (a scenario needs 6). */
  public static final int MAX_DEPTH = 64;

  /**
   * Most YAML aliases (*name) that refer to a mapping or list; aliases to scalars are not limited.
   */
  public static final int MAX_ALIASES = 20;

  /** Most values (scalars, mappings and lists) in a document once aliases are expanded. */
  public static final int MAX_NODES = 1_000_000;

  private static final String VERSION_FIELD = "schemaVersion";

  /**
   * Reads {@code file}, its format chosen by extension ({@code .json} is JSON, {@code .yaml}/{@code
   * .yml} YAML, anything else sniffed). The file's display name in diagnostics is the path as
   * given.
   *
   * @throws ScenarioFileException with every problem found, including a missing or unreadable file
   */
  public Scenario read(Path file) {
    String name = file.toString();
    byte[] content = LocatedYaml.scenarioBytes(file);
    return read(name, content, ScenarioFormat.byName(name));
  }

  /**
   * Reads a scenario from memory; {@code displayName} names it in diagnostics and, by its
   * extension, chooses the format (sniffed from the content when the name has no known extension).
   *
   * @throws ScenarioFileException with every problem found
   */
  public Scenario read(String displayName, byte[] content) {
    return read(displayName, content, ScenarioFormat.byName(displayName));
  }

  /**
   * Reads a scenario from memory in the given format (null: sniff the content).
   *
   * @throws ScenarioFileException with every problem found
   */
  public Scenario read(String displayName, byte[] content, ScenarioFormat format) {
    String file = displayName == null ? "" : displayName;
    try {
      return parse(file, content, format);
    } catch (ScenarioFileException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of this reader or of the validator must still reach the user as a diagnostic, not a
      // stack trace.
      throw single(file, "internal error while reading (please report it): " + e);
    }
  }

  private Scenario parse(String file, byte[] content, ScenarioFormat format) {
    TreeReader tree = new TreeReader(file);
    Node root = tree.read(content, format);
    List<Diagnostic> problems = new ArrayList<>(tree.problems());
    if (!(root instanceof Node.MapNode map)) {
      problems.add(
          new Diagnostic(
              file,
              root.line(),
              root.column(),
              "",
              "the top level must be a mapping of scenario fields (schemaVersion: 1, id: ..., name: ...), found "
                  + root.describe()));
      throw new ScenarioFileException(problems);
    }
    if (!checkVersion(file, map, problems)) {
      throw new ScenarioFileException(problems);
    }
    Binder binder = new Binder(file);
    Optional<Scenario> scenario = binder.bindRoot(map, Scenario.class, Set.of(VERSION_FIELD));
    problems.addAll(binder.problems());
    problems.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    if (!problems.isEmpty() || scenario.isEmpty()) {
      throw new ScenarioFileException(problems);
    }
    for (Problem problem : ScenarioValidator.validate(scenario.get())) {
      int[] at = locate(map, problem.path());
      problems.add(new Diagnostic(file, at[0], at[1], problem.path(), problem.message()));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioFileException(problems);
    }
    return scenario.get();
  }

  /**
   * Checks {@code schemaVersion}; false when reading must stop (a wrong version, not a missing
   * one).
   */
  private static boolean checkVersion(String file, Node.MapNode root, List<Diagnostic> problems) {
    Node.Entry entry = root.entries().get(VERSION_FIELD);
    if (entry == null) {
      problems.add(
          new Diagnostic(
              file,
              root.line(),
              root.column(),
              "",
              "missing schemaVersion; start the file with \"schemaVersion: "
                  + SCHEMA_VERSION
                  + "\""));
      return true;
    }
    Node value = entry.value();
    if (value instanceof Node.ScalarNode scalar && scalar.kind() == Node.ScalarKind.INTEGER) {
      int cmp = scalar.number().compareTo(java.math.BigDecimal.valueOf(SCHEMA_VERSION));
      if (cmp == 0) {
        return true;
      }
      problems.add(
          new Diagnostic(
              file,
              value.line(),
              value.column(),
              VERSION_FIELD,
              cmp > 0
                  ? "version "
                      + scalar.text()
                      + " is newer than this version of Polemos reads ("
                      + SCHEMA_VERSION
                      + "); upgrade Polemos"
                  : "unknown version "
                      + scalar.text()
                      + "; this version of Polemos reads schemaVersion "
                      + SCHEMA_VERSION));
      return false;
    }
    problems.add(
        new Diagnostic(
            file,
            value.line(),
            value.column(),
            VERSION_FIELD,
            "expected the whole number " + SCHEMA_VERSION + ", found " + value.describe()));
    return false;
  }

  /**
   * The line and column of the value a validator path such as {@code
   * regions[0].forces.islamic-state} names: the deepest node of the path present in the file (the
   * key's position for mappings and lists, which start on the next line in YAML block style).
   */
  static int[] locate(Node root, String path) {
    Node current = root;
    int[] best = {root.line(), root.column()};
    int i = 0;
    String p = path == null ? "" : path;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '[') {
        int close = p.indexOf(']', i);
        if (close < 0 || !(current instanceof Node.ListNode list)) {
          break;
        }
        int index;
        try {
          index = Integer.parseInt(p.substring(i + 1, close));
        } catch (NumberFormatException e) {
          break;
        }
        if (index < 0 || index >= list.items().size()) {
          break;
        }
        current = list.items().get(index);
        best = new int[] {current.line(), current.column()};
        i = close + 1;
        continue;
      }
      if (c == '.') {
        i++;
      }
      if (!(current instanceof Node.MapNode map)) {
        break;
      }
      Node.Entry found = null;
      for (Node.Entry entry : map.entries().values()) {
        String key = entry.key();
        int end = i + key.length();
        if (p.startsWith(key, i)
            && (end == p.length() || p.charAt(end) == '.' || p.charAt(end) == '[')
            && (found == null || key.length() > found.key().length())) {
          found = entry;
        }
      }
      if (found == null) {
        break;
      }
      current = found.value();
      best =
          current instanceof Node.ScalarNode
              ? new int[] {current.line(), current.column()}
              : new int[] {found.line(), found.column()};
      i += found.key().length();
    }
    return best;
  }

  private static ScenarioFileException single(String file, String message) {
    return new ScenarioFileException(List.of(new Diagnostic(file, 0, 0, "", message)));
  }
}
