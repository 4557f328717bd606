package org.polemos.io.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The rows of a CSV file read with Jackson's CSV module (RFC 4180: quoted fields may hold commas,
 * doubled quotes and newlines), each with the line it starts on. Blank lines are skipped; a
 * byte-order mark before the header is dropped. The report and the public-figures reader read every
 * CSV through this class; a malformed row throws {@link CsvException} with {@code FILE:LINE:
 * reason}.
 */
public final class CsvRows implements AutoCloseable {
  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private final MappingIterator<String[]> rows;
  private final String name;
  private long line;

  /** Rows of {@code reader}; {@code name} (usually the path) starts every error message. */
  public CsvRows(Reader reader, String name) throws IOException {
    this.rows = MAPPER.readerFor(String[].class).readValues(reader);
    this.name = name;
  }

  /**
   * The next non-blank row, or null at the end; a malformed row throws {@link CsvException} with
   * its line.
   */
  public String[] next() {
    while (true) {
      long start = rows.getParser().currentLocation().getLineNr();
      try {
        if (!rows.hasNextValue()) {
          return null;
        }
        String[] row = rows.nextValue();
        line = start;
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        if (start == 1 && row.length > 0 && row[0].startsWith("\uFEFF")) {
          row[0] = row[0].substring(1);
        }
        return row;
      } catch (IOException | RuntimeException e) {
        String reason =
            e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage()
                : e.getMessage();
        if (e instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
          reason = unchecked.getCause().getMessage();
        }
        throw new CsvException(name, Math.max(start, 1), "malformed CSV (" + reason + ")", e);
      }
    }
  }

  /** The line the last row returned by {@link #next()} starts on (1 for the header). */
  public long line() {
    return line;
  }

  /** Where the last row starts, as {@code FILE:LINE: }. */
  public String where() {
    return name + ":" + line + ": ";
  }

  /** A number written by the project's CSV writers ("NaN", "Inf" and "-Inf" included). */
  public static double number(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
