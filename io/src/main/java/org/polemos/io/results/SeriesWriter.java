package org.polemos.io.results;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Where tidy series rows go: {@code series.csv} or {@code series.parquet}. Atomic: nothing appears
 * before commit.
 */
public interface SeriesWriter extends AutoCloseable {

  /** Appends one row. */
  void row(int replication, LocalDate date, String metric, String key, double value)
      throws IOException;

  /** Finishes the file and moves it into place. */
  void commit() throws IOException;

  /** Discards the file unless it was committed. */
  @Override
  void close() throws IOException;
}
