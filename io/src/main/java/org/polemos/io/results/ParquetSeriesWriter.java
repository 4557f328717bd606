package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes {@code series.parquet}: the tidy rows of {@code series.csv} (docs/OUTPUTS.md) with their
 * types kept: {@code replication} INT32, {@code date} INT32 with the DATE logical type (days since
 * 1970-01-01), {@code metric} and {@code key} STRING (key empty when the metric has none), {@code
 * value} DOUBLE (NaN kept). Same row API as {@link SeriesCsvWriter}; the file appears under its
 * name only after {@link #commit()}.
 */
public final class ParquetSeriesWriter implements SeriesWriter {
  /** The schema of {@code series.parquet}. */
  public static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.INT32)
          .named("replication")
          .required(PrimitiveTypeName.INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("date")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("metric")
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("key")
          .required(PrimitiveTypeName.DOUBLE)
          .named("value")
          .named("series");

  private record Row(int replication, int epochDay, String metric, String key, double value) {}

  private final ParquetTable<Row> table;

  public ParquetSeriesWriter(Path target) throws IOException {
    this.table =
        new ParquetTable<>(
            target,
            SCHEMA,
            (row, out) -> {
              ParquetFields.intField(out, 0, "replication", row.replication());
              ParquetFields.intField(out, 1, "date", row.epochDay());
              ParquetFields.stringField(out, 2, "metric", row.metric());
              ParquetFields.stringField(out, 3, "key", row.key());
              ParquetFields.doubleField(out, 4, "value", row.value());
            });
  }

  /** Appends one row. */
  @Override
  public void row(int replication, LocalDate date, String metric, String key, double value)
      throws IOException {
    table.write(
        new Row(
            replication,
            Math.toIntExact(date.toEpochDay()),
            metric,
            key == null ? "" : key,
            value));
  }

  /** Writes the footer and moves the finished file into place. */
  @Override
  public void commit() throws IOException {
    table.commit();
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
