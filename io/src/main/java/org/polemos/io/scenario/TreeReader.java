package org.polemos.io.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns the bytes of a scenario file into a {@link Node} tree, with every limit of {@link
 * ScenarioReader} enforced while reading so that hostile input fails fast in bounded memory.
 * Problems that end parsing throw {@link ScenarioFileException}; problems that do not (duplicate
 * keys) are collected in {@link #problems()}.
 */
final class TreeReader {

  private static final Pattern CLASS_NAMES =
      Pattern.compile("\\s*\\(?[^()`]*`[\\w.$()]+`\\)?|\\b(?:com|org)\\.[\\w.$]+");

  /** Jackson's message for NaN, Infinity and -Infinity literals, which JSON does not have. */
  private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']+)'");

  private static final Pattern SOURCE_REF =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private final String file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Map<String, Built> anchors = new HashMap<>();
  private final Set<String> open = new HashSet<>();
  private int collectionAliases;
  private long expandedSize;

  private record Built(Node node, long size) {}

  /** What the file is, for messages: "scenario" or "experiment". */
  private final String kind;

  TreeReader(String file) {
    this(file, "scenario");
  }

  TreeReader(String file, String kind) {
    this.file = file;
    this.kind = kind;
  }

  /** Problems found that did not stop reading (duplicate keys). */
  List<Diagnostic> problems() {
    return problems;
  }

  /**
   * Reads one document. {@code format} null means: sniff the content.
   *
   * @throws ScenarioFileException for empty, binary, oversized, malformed or hostile input
   */
  Node read(byte[] content, ScenarioFormat format) {
    if (content.length > ScenarioReader.MAX_BYTES) {
      throw fatal(0, 0, "", tooLarge(content.length));
    }
    String text = decode(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw fatal(0, 0, "", "the file is empty" + startHint());
    }
    ScenarioFormat actual = format == null ? ScenarioFormat.sniff(text) : format;
    if (actual == ScenarioFormat.YAML) {
      longestLine(text);
    }
    try (JsonParser parser = factory(actual).createParser(new StringReader(text))) {
      return parse(parser, actual).node();
    } catch (IOException e) {
      throw fatal(0, 0, "", "cannot read: " + clean(e.getMessage()));
    }
  }

  private Built parse(JsonParser parser, ScenarioFormat format) {
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fatal(0, 0, "", "the file holds no content, only comments" + startHint());
      }
      Built root = build(parser, "", 1);
      JsonToken next = parser.nextToken();
      if (next != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw fatal(
            at.getLineNr(),
            at.getColumnNr(),
            "",
            format == ScenarioFormat.YAML
                ? "a second YAML document starts here; a " + kind + " file holds exactly one"
                : "unexpected content after the end of the JSON document");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw translate(e, parser.currentLocation());
    } catch (YAMLException e) {
      throw translate(e);
    } catch (IOException e) {
      throw fatal(0, 0, "", "cannot read: " + clean(e.getMessage()));
    }
  }

  private String startHint() {
    return kind.equals("scenario") ? "; a scenario file starts with \"schemaVersion: 1\"" : "";
  }

  static String tooLarge(long size) {
    return "the file is "
        + size
        + " bytes, larger than the limit of "
        + ScenarioReader.MAX_BYTES
        + " bytes ("
        + (ScenarioReader.MAX_BYTES >> 20)
        + " MiB) for scenario files";
  }

  private static JsonFactory factory(ScenarioFormat format) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(ScenarioReader.MAX_DEPTH)
            .maxDocumentLength(ScenarioReader.MAX_BYTES)
            .maxStringLength(ScenarioReader.MAX_BYTES)
            .maxNumberLength(100)
            .build();
    if (format == ScenarioFormat.JSON) {
      return JsonFactory.builder().streamReadConstraints(constraints).build();
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(ScenarioReader.MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(ScenarioReader.MAX_DEPTH);
    options.setAllowDuplicateKeys(true); // reported by this reader, with both lines
    options.setCodePointLimit(ScenarioReader.MAX_BYTES);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }

  /** UTF-8 text of {@code content}, or a fatal problem at the first NUL or invalid byte. */
  private String decode(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int[] at = lineColumn(out.flip());
      throw fatal(
          at[0],
          at[1],
          "",
          String.format(
              "not a text file: byte 0x%02X at offset %d is not valid UTF-8; "
                  + kind
                  + " files are UTF-8 text"
                  + (content.length >= 2
                          && (content[0] & 0xFF) >= 0xFE
                          && (content[1] & 0xFF) >= 0xFE
                      ? " (this one starts with a UTF-16 byte-order mark: save it as UTF-8)"
                      : ""),
              content[in.position()] & 0xFF,
              in.position()));
    }
    decoder.flush(out);
    out.flip();
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == '\0') {
        int[] at = lineColumn(out.subSequence(0, i));
        throw fatal(
            at[0],
            at[1],
            "",
            "not a text file: NUL byte at offset "
                + i
                + "; "
                + kind
                + " files are UTF-8 text"
                + (i <= 1 ? " (this one looks like UTF-16: save it as UTF-8)" : ""));
      }
    }
    return out.toString();
  }

  /**
   * Refuses a YAML line longer than {@link ScenarioReader#MAX_LINE_CHARS}: the YAML scanner copies
   * its look-ahead window for each step of a long line, so its time grows with the square of the
   * line's length (a 15 MB line took minutes). A text at its limit ({@code
   * Limits.MAX_TEXT_LENGTH}), written with escapes, stays under it.
   */
  private void longestLine(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > ScenarioReader.MAX_LINE_CHARS) {
          throw fatal(
              line,
              1,
              "",
              "line "
                  + line
                  + " is "
                  + (i - start)
                  + " characters long, more than the limit"
                  + " of "
                  + ScenarioReader.MAX_LINE_CHARS
                  + " for YAML "
                  + kind
                  + " files; break the text over"
                  + " several lines (a folded block, >-)");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static int[] lineColumn(CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** Builds the node at the parser's current token, which starts a value. */
  private Built build(JsonParser parser, String path, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (depth > ScenarioReader.MAX_DEPTH) {
      throw fatal(line, column, path, depthMessage());
    }
    YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
    if (yaml != null && yaml.isCurrentAlias()) {
      return alias(yaml.getText(), line, column, path);
    }
    String anchor = yaml == null ? null : yaml.getObjectId();
    if (anchor != null) {
      open.add(anchor);
    }
    Built built =
        switch (parser.currentToken()) {
          case START_OBJECT -> buildMap(parser, path, depth, line, column);
          case START_ARRAY -> buildList(parser, path, depth, line, column);
          case VALUE_STRING -> scalar(line, column, Node.ScalarKind.STRING, parser.getText(), null);
          case VALUE_NUMBER_INT ->
              scalar(
                  line,
                  column,
                  Node.ScalarKind.INTEGER,
                  parser.getText(),
                  new BigDecimal(parser.getBigIntegerValue()));
          case VALUE_NUMBER_FLOAT -> decimal(parser, line, column);
          case VALUE_TRUE, VALUE_FALSE ->
              scalar(line, column, Node.ScalarKind.BOOLEAN, parser.getText(), null);
          case VALUE_NULL -> scalar(line, column, Node.ScalarKind.NULL, "null", null);
          case VALUE_EMBEDDED_OBJECT ->
              throw fatal(
                  line,
                  column,
                  path,
                  "binary data (a !!binary value) is not"
                      + " supported; write the value as plain text or a number");
          default -> throw fatal(line, column, path, "unexpected " + parser.currentToken());
        };
    if (anchor != null) {
      open.remove(anchor);
      anchors.put(anchor, built);
    }
    return built;
  }

  private Built decimal(JsonParser parser, int line, int column) throws IOException {
    BigDecimal number;
    try {
      double value = parser.getDoubleValue();
      number = Double.isFinite(value) ? parser.getDecimalValue() : null;
    } catch (JsonProcessingException e) {
      // YAML's .inf and .nan: a float to YAML, no number to Jackson; a string field may still take
      // the text.
      number = null;
    }
    return scalar(line, column, Node.ScalarKind.DECIMAL, parser.getText(), number);
  }

  private Built scalar(int line, int column, Node.ScalarKind kind, String text, BigDecimal number) {
    count(1, line, column);
    return new Built(new Node.ScalarNode(line, column, kind, text, number), 1);
  }

  private Built alias(String name, int line, int column, String path) {
    Built target = anchors.get(name);
    if (target == null) {
      throw fatal(
          line,
          column,
          path,
          open.contains(name)
              ? "alias *"
                  + name
                  + " refers to the mapping or list that contains it; recursive aliases are not allowed"
              : "alias *"
                  + name
                  + " refers to no anchor &"
                  + name
                  + " on a mapping or list before it (anchors on "
                  + "single values are not supported)");
    }
    if (!(target.node() instanceof Node.ScalarNode)) {
      collectionAliases++;
      if (collectionAliases > ScenarioReader.MAX_ALIASES) {
        throw fatal(
            line,
            column,
            path,
            "more than "
                + ScenarioReader.MAX_ALIASES
                + " aliases to mappings or lists; the limit guards against alias bombs");
      }
    }
    count(target.size(), line, column);
    return target;
  }

  private void count(long size, int line, int column) {
    expandedSize += size;
    if (expandedSize > ScenarioReader.MAX_NODES) {
      throw fatal(
          line,
          column,
          "",
          "the document has more than "
              + ScenarioReader.MAX_NODES
              + " values once aliases are expanded; the limit guards against alias bombs");
    }
  }

  private Built buildMap(JsonParser parser, String path, int depth, int line, int column)
      throws IOException {
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    long size = 1;
    count(1, line, column);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation keyAt = parser.currentTokenLocation();
      String key = parser.currentName();
      String childPath = FieldPath.field(path, key);
      parser.nextToken();
      Built value = build(parser, childPath, depth + 1);
      size += value.size();
      Node.Entry previous = entries.get(key);
      if (previous != null) {
        problems.add(
            new Diagnostic(
                file,
                keyAt.getLineNr(),
                keyAt.getColumnNr(),
                childPath,
                "duplicate key \""
                    + key
                    + "\" (first at line "
                    + previous.line()
                    + "); each key may appear once"));
      } else {
        entries.put(key, new Node.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value.node()));
      }
    }
    return new Built(new Node.MapNode(line, column, entries), size);
  }

  private Built buildList(JsonParser parser, String path, int depth, int line, int column)
      throws IOException {
    List<Node> items = new ArrayList<>();
    long size = 1;
    count(1, line, column);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Built item = build(parser, path + "[" + items.size() + "]", depth + 1);
      size += item.size();
      items.add(item.node());
    }
    return new Built(new Node.ListNode(line, column, items), size);
  }

  private String depthMessage() {
    return "the document nests deeper than "
        + ScenarioReader.MAX_DEPTH
        + " levels, the limit for "
        + kind
        + " files";
  }

  private ScenarioFileException translate(JsonProcessingException e, JsonLocation current) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof YAMLException yaml) {
        return translate(yaml);
      }
    }
    JsonLocation at = e.getLocation() != null ? e.getLocation() : current;
    int line = at == null ? 0 : at.getLineNr();
    int column = at == null ? 0 : at.getColumnNr();
    if (e instanceof StreamConstraintsException
        && String.valueOf(e.getOriginalMessage()).contains("nesting")) {
      return fatal(line, column, "", depthMessage());
    }
    String format = e.getProcessor() instanceof YAMLParser ? "YAML" : "JSON";
    String original = String.valueOf(e.getOriginalMessage());
    java.util.regex.Matcher token = NON_STANDARD.matcher(original);
    if (token.find()) {
      return fatal(
          line,
          column,
          "",
          "malformed "
              + format
              + ": "
              + token.group(1)
              + " is not a number in JSON;"
              + " give a finite number (NaN and infinities are never valid values)");
    }
    return fatal(line, column, "", "malformed " + format + ": " + clean(original));
  }

  private ScenarioFileException translate(YAMLException e) {
    if (e instanceof MarkedYAMLException marked) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String message = clean(marked.getProblem());
      Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message +=
            " ("
                + clean(marked.getContext())
                + " at line "
                + (context.getLine() + 1)
                + ", column "
                + (context.getColumn() + 1)
                + ")";
      }
      return fatal(
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "",
          "malformed YAML: " + message);
    }
    return fatal(0, 0, "", "malformed YAML: " + clean(e.getMessage()));
  }

  /**
   * A message without class names, backtick-quoted method references or trailing location blocks.
   */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    String firstLines =
        SOURCE_REF.matcher(message.split("\n at \\[Source", 2)[0]).replaceAll("line $1, column $2");
    String cleaned = CLASS_NAMES.matcher(firstLines).replaceAll("").replaceAll("\\s+", " ").trim();
    return cleaned.isEmpty() ? "unreadable input" : cleaned;
  }

  private ScenarioFileException fatal(int line, int column, String path, String message) {
    List<Diagnostic> all = new ArrayList<>(problems);
    all.add(new Diagnostic(file, line, column, path, message));
    return new ScenarioFileException(all);
  }
}
