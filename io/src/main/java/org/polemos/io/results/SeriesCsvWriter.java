package org.polemos.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes {@code series.csv}: tidy rows {@code replication,date,metric,key,value} (see
 * docs/OUTPUTS.md), atomically: the file appears under its name only after {@link #commit()}.
 */
public final class SeriesCsvWriter implements SeriesWriter {
  /** The header line, without line terminator. */
  public static final String HEADER = "replication,date,metric,key,value";

  private final AtomicOutput output;
  private final Writer writer;
  private final StringBuilder line = new StringBuilder(96);

  public SeriesCsvWriter(Path target) throws IOException {
    this.output = AtomicOutput.open(target);
    this.writer = output.writer();
    writer.write(HEADER);
    writer.write('\n');
  }

  /** Appends one row. */
  @Override
  public void row(int replication, LocalDate date, String metric, String key, double value)
      throws IOException {
    line.setLength(0);
    line.append(replication)
        .append(',')
        .append(date)
        .append(',')
        .append(Csv.field(metric))
        .append(',')
        .append(Csv.field(key))
        .append(',')
        .append(Csv.number(value))
        .append('\n');
    writer.append(line);
  }

  /** Moves the finished file into place. */
  @Override
  public void commit() throws IOException {
    output.commit();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
