package org.polemos.io.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The light document tree the reader builds: every node remembers where it starts (1-based line and
 * column). Nodes are immutable once built; a YAML alias shares the node of its anchor. Built by
 * {@link LocatedYaml}, the one reader of every YAML or JSON input file.
 */
public sealed interface Node {

  int line();

  int column();

  /** What the node is, for messages: "a mapping", "a list", "a string", "a number", "null"... */
  String describe();

  /** A mapping; {@code entries} keep document order. */
  record MapNode(int line, int column, Map<String, Entry> entries) implements Node {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping, with the key's own location. */
  record Entry(String key, int line, int column, Node value) {}

  /** A sequence. */
  record ListNode(int line, int column, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** What sort of scalar the parser saw. */
  enum ScalarKind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  /**
   * A scalar: {@code text} as written (for strings, the string itself), {@code number} set for
   * numbers.
   */
  record ScalarNode(int line, int column, ScalarKind kind, String text, BigDecimal number)
      implements Node {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "string \"" + abbreviate(text) + "\"";
        case INTEGER, DECIMAL -> "number " + abbreviate(text);
        case BOOLEAN -> "boolean " + text;
        case NULL -> "null";
      };
    }

    private static String abbreviate(String s) {
      String oneLine = s.replace("\n", "\\n");
      return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
  }
}
