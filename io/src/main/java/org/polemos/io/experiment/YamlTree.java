package org.polemos.io.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;

/**
 * A small YAML (or JSON) document tree in which every node remembers its 1-based line and column, for the
 * experiment files (sweep, calibration, sensitivity), so every problem can be reported as {@code file:line:col}.
 */
final class YamlTree {
  /** Experiment files are small; larger input is refused before parsing. */
  static final int MAX_BYTES = 1024 * 1024;

  sealed interface YNode permits YMap, YList, YScalar {
    int line();

    int column();

    String describe();
  }

  record YEntry(String key, int line, int column, YNode value) {
  }

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

  private YamlTree() {
  }

  /** Parses {@code content}; a syntax error or a duplicate key throws with its location. */
  static YNode parse(String file, byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new ScenarioFileException(List.of(new Diagnostic(file, 0, 0, "",
          "file is larger than " + MAX_BYTES + " bytes; experiment files are small")));
    }
    try (JsonParser parser = new YAMLFactory().createParser(content)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new ScenarioFileException(List.of(new Diagnostic(file, 1, 1, "", "the file is empty")));
      }
      return node(file, parser, token, 0);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage().strip();
      message = message.replaceAll("\\s*\\R\\s*", "; ");
      throw new ScenarioFileException(List.of(new Diagnostic(file, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "", "not valid YAML: " + message)));
    } catch (IOException e) {
      throw new ScenarioFileException(List.of(new Diagnostic(file, 0, 0, "", "cannot read: " + e.getMessage())));
    }
  }

  private static YNode node(String file, JsonParser parser, JsonToken token, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (depth > 32) {
      throw new ScenarioFileException(List.of(new Diagnostic(file, line, column, "", "nested too deeply")));
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, YEntry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          JsonLocation keyAt = parser.currentTokenLocation();
          String key = parser.currentName();
          YNode value = node(file, parser, parser.nextToken(), depth + 1);
          if (entries.containsKey(key)) {
            throw new ScenarioFileException(List.of(new Diagnostic(file, keyAt.getLineNr(), keyAt.getColumnNr(),
                key, "duplicate key \"" + key + "\" (first at line " + entries.get(key).line() + ")")));
          }
          entries.put(key, new YEntry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
        }
        return new YMap(line, column, entries);
      }
      case START_ARRAY: {
        List<YNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(file, parser, t, depth + 1));
        }
        return new YList(line, column, items);
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new YScalar(line, column, parser.getText(), parser.getDecimalValue());
      case VALUE_NULL:
        return new YScalar(line, column, null, null);
      default:
        return new YScalar(line, column, parser.getText(), null);
    }
  }
}
