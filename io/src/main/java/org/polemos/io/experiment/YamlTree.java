package org.polemos.io.experiment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.scenario.LocatedYaml;
import org.polemos.io.scenario.Node;

/**
 * A small YAML (or JSON) document tree in which every node remembers its 1-based line and column,
 * for the experiment files (sweep, calibration, sensitivity), so every problem can be reported as
 * {@code file:line:col}.
 */
final class YamlTree {
  /** Experiment files are small; larger input is refused before parsing. */
  static final int MAX_BYTES = 1024 * 1024;

  sealed interface YNode permits YMap, YList, YScalar {
    int line();

    int column();

    String describe();
  }

  record YEntry(String key, int line, int column, YNode value) {}

  record YMap(int line, int column, Map<String, YEntry> entries) implements YNode {
    public String describe() {
      return "a mapping";
    }
  }

  record YList(int line, int column, List<YNode> items) implements YNode {
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code number} is set for numbers, {@code text} is null for a YAML null. */
  record YScalar(int line, int column, String text, BigDecimal number) implements YNode {
    public String describe() {
      if (text == null) {
        return "null";
      }
      return number != null ? "number " + text : "string \"" + text + "\"";
    }
  }

  private YamlTree() {}

  /**
   * The experiment file {@code path} as a located tree: read by {@link LocatedYaml}, the one reader
   * of YAML and JSON input with every hostile-input limit, then seen through this package's node
   * types.
   *
   * @throws org.polemos.io.InputFileException for a missing, oversized, binary, malformed or
   *     hostile file
   */
  static YNode read(Path path) {
    return convert(LocatedYaml.read(path, MAX_BYTES));
  }

  private static YNode convert(Node node) {
    if (node instanceof Node.MapNode map) {
      Map<String, YEntry> entries = new LinkedHashMap<>();
      for (Node.Entry e : map.entries().values()) {
        entries.put(e.key(), new YEntry(e.key(), e.line(), e.column(), convert(e.value())));
      }
      return new YMap(map.line(), map.column(), entries);
    }
    if (node instanceof Node.ListNode list) {
      List<YNode> items = new ArrayList<>();
      for (Node item : list.items()) {
        items.add(convert(item));
      }
      return new YList(list.line(), list.column(), items);
    }
    Node.ScalarNode scalar = (Node.ScalarNode) node;
    return switch (scalar.kind()) {
      case NULL -> new YScalar(scalar.line(), scalar.column(), null, null);
      case INTEGER, DECIMAL ->
          new YScalar(scalar.line(), scalar.column(), scalar.text(), scalar.number());
      default -> new YScalar(scalar.line(), scalar.column(), scalar.text(), null);
    };
  }
}
