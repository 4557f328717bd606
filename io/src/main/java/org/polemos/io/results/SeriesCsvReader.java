package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Reads {@code series.csv} one row at a time, so files of any size stream in bounded memory. */
public final class SeriesCsvReader implements AutoCloseable {

  /** One row; {@code line} is its 1-based line number in the file. */
  public record Row(
      int replication, LocalDate date, String metric, String key, double value, long line) {}

  private final Path file;
  private final CsvTable in;

  public SeriesCsvReader(Path file) throws IOException {
    this.file = file;
    this.in = CsvTable.open(file);
    List<String> header;
    try {
      header = in.next();
    } catch (IOException e) {
      in.close();
      throw e;
    }
    if (header == null || !String.join(",", header).equals(SeriesCsvWriter.HEADER)) {
      in.close();
      throw new IOException(
          file + ":1: not a series file (expected the header " + SeriesCsvWriter.HEADER + ")");
    }
  }

  /** The next row, or null at the end. */
  public Row next() throws IOException {
    List<String> f = in.next();
    if (f == null) {
      return null;
    }
    long line = in.line();
    try {
      if (f.size() != 5) {
        throw new IOException(file + ":" + line + ": expected 5 fields, found " + f.size());
      }
      return new Row(
          Integer.parseInt(f.get(0)),
          LocalDate.parse(f.get(1)),
          f.get(2),
          f.get(3),
          Csv.parseNumber(f.get(4)),
          line);
    } catch (RuntimeException e) {
      throw new IOException(file + ":" + line + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
