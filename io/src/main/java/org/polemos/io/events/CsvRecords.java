package org.polemos.io.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of a CSV text one at a time with the line each starts on, using Jackson's CSV
 * parser (RFC 4180 quoting, quoted fields may span lines, CRLF or LF). One record is held in memory
 * at a time. Parse errors do not stop the stream: the record they occur in is returned flagged with
 * the error, and reading goes on with the next record.
 */
final class CsvRecords implements Closeable {
  /**
   * One record: its fields, the 1-based line it starts on, and the parse error inside it, if any.
   */
  record Raw(List<String> fields, long line, RejectReason error, String errorDetail) {
    boolean blank() {
      return fields.size() == 1 && fields.get(0).isEmpty() && error == null;
    }
  }

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private static final int MAX_CONSECUTIVE_ERRORS = 1000;

  private final JsonParser parser;
  private int depth;
  private boolean done;

  CsvRecords(Reader reader) throws IOException {
    this.parser = MAPPER.getFactory().createParser(reader);
    ((CsvParser) parser).setSchema(CsvSchema.emptySchema());
  }

  /** The next record, or null at the end of the input. */
  Raw next() throws IOException {
    if (done) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    long line = -1;
    RejectReason error = null;
    String detail = null;
    int errors = 0;
    while (true) {
      JsonToken token;
      try {
        token = parser.nextToken();
      } catch (JsonProcessingException e) {
        if (++errors > MAX_CONSECUTIVE_ERRORS) {
          done = true;
          return new Raw(
              fields,
              line,
              RejectReason.MALFORMED_CSV,
              "the parser cannot recover; rest of file skipped");
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing closing quote")) {
          error = RejectReason.TRUNCATED_RECORD;
          detail = "file ends inside a quoted field (unterminated quote)";
        } else if (error == null) {
          error = RejectReason.MALFORMED_CSV;
          detail = message == null ? "malformed CSV" : message.lines().findFirst().orElse(message);
        }
        continue;
      }
      if (token == null) {
        done = true;
        return fields.isEmpty() && error == null
            ? null
            : new Raw(fields, Math.max(line, 1), error, detail);
      }
      switch (token) {
        case START_ARRAY -> {
          // The whole document is one outer array (WRAP_AS_ARRAY) of row arrays.
          if (++depth == 2) {
            // Jackson's row counter is 0-based and reports -1 for the first record.
            line = Math.max(1, parser.currentTokenLocation().getLineNr() + 1);
          }
        }
        case END_ARRAY -> {
          if (--depth == 1) {
            return new Raw(fields, line, error, detail);
          }
        }
        default -> fields.add(parser.getText());
      }
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
