package org.polemos.io.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV tables the project writes (series, summaries, sweep tables) record by record with
 * Jackson's CSV parser: RFC 4180 quoting, quoted fields that span lines (a key or a free-text field
 * with a line break reads back as written), CRLF or LF, a leading byte-order mark ignored. Strict:
 * a malformed record ends reading with an {@link IOException} naming the file and the line the
 * record starts on. One record is held at a time.
 */
public final class CsvTable implements Closeable {
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  private final String name;
  private final JsonParser parser;
  private int depth;
  private long line;
  private boolean first = true;

  private CsvTable(String name, Reader reader) throws IOException {
    this.name = name;
    this.parser = MAPPER.getFactory().createParser(reader);
    ((CsvParser) parser).setSchema(CsvSchema.emptySchema());
  }

  /** Opens {@code file} (UTF-8). */
  public static CsvTable open(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      return new CsvTable(file.toString(), reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The fields of one CSV record held in {@code text} (its quoted fields may span lines). */
  public static List<String> parse(String text) {
    try (CsvTable table = new CsvTable("", new StringReader(text))) {
      List<String> fields = table.next();
      if (fields == null) {
        return new ArrayList<>(List.of(""));
      }
      if (table.next() != null) {
        throw new IllegalArgumentException("more than one record");
      }
      return fields;
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^:\\d+: ", ""), e);
    }
  }

  /** The 1-based line the last record returned by {@link #next()} starts on. */
  public long line() {
    return line;
  }

  /** The next record's fields, or null at the end. */
  public List<String> next() throws IOException {
    List<String> fields = new ArrayList<>();
    while (true) {
      JsonToken token;
      try {
        token = parser.nextToken();
      } catch (JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed CSV" : e.getOriginalMessage();
        if (message.startsWith("Missing closing quote")) {
          message = "the file ends inside a quoted field (unterminated quote)";
        }
        throw new IOException(
            name + ":" + Math.max(line, 1) + ": " + message.lines().findFirst().orElse(message), e);
      }
      if (token == null) {
        return null;
      }
      switch (token) {
        case START_ARRAY -> {
          if (++depth == 2) {
            // Jackson's row counter is 0-based and reports -1 for the first record.
            line = Math.max(1, parser.currentTokenLocation().getLineNr() + 1);
          }
        }
        case END_ARRAY -> {
          if (--depth == 1) {
            return fields;
          }
        }
        default -> {
          String text = parser.getText();
          if (first) {
            first = false;
            if (text.startsWith("\uFEFF")) {
              text = text.substring(1);
            }
          }
          fields.add(text);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
