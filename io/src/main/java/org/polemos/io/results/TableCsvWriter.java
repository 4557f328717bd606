package org.polemos.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a CSV table with a fixed header atomically (see {@link AtomicOutput}): text fields quoted
 * as needed, numbers in the shared {@link Csv#number} form.
 */
public final class TableCsvWriter implements AutoCloseable {
  private final AtomicOutput output;
  private final Writer writer;
  private final int columns;
  private final StringBuilder line = new StringBuilder(128);

  public TableCsvWriter(Path target, List<String> header) throws IOException {
    this.output = AtomicOutput.open(target);
    this.writer = output.writer();
    this.columns = header.size();
    row(header.toArray());
  }

  /** One row: each value a String (quoted as needed), a Number (Csv.number) or null (empty). */
  public void row(Object... values) throws IOException {
    if (values.length != columns) {
      throw new IllegalArgumentException(
          "row has " + values.length + " fields, header has " + columns);
    }
    line.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      Object v = values[i];
      if (v instanceof Double d) {
        line.append(Csv.number(d));
      } else if (v instanceof Float f) {
        line.append(Csv.number(f));
      } else if (v instanceof Number n) {
        line.append(n);
      } else if (v != null) {
        line.append(Csv.field(v.toString()));
      }
    }
    line.append('\n');
    writer.append(line);
  }

  public void commit() throws IOException {
    output.commit();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
