package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes {@code summary.parquet}: the across-replication summary of {@code summary.csv} ({@code
 * date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95}) with {@code date} as DATE, {@code metric}
 * and {@code key} STRING, {@code n} INT32 and the statistics DOUBLE (NaN kept). Atomic like every
 * output.
 */
public final class ParquetSummaryWriter implements AutoCloseable {
  /** The statistic columns, in file order, after {@code date, metric, key, n}. */
  public static final String[] STATISTICS = {
    "mean", "sd", "ci_low", "ci_high", "p05", "p50", "p95"
  };

  /** The schema of {@code summary.parquet}. */
  public static final MessageType SCHEMA;

  static {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    builder
        .required(PrimitiveTypeName.INT32)
        .as(LogicalTypeAnnotation.dateType())
        .named("date")
        .required(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named("metric")
        .required(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named("key")
        .required(PrimitiveTypeName.INT32)
        .named("n");
    for (String statistic : STATISTICS) {
      builder.required(PrimitiveTypeName.DOUBLE).named(statistic);
    }
    SCHEMA = builder.named("summary");
  }

  private record Row(int epochDay, String metric, String key, int n, double[] statistics) {}

  private final ParquetTable<Row> table;

  public ParquetSummaryWriter(Path target) throws IOException {
    this.table =
        new ParquetTable<>(
            target,
            SCHEMA,
            (row, out) -> {
              ParquetFields.intField(out, 0, "date", row.epochDay());
              ParquetFields.stringField(out, 1, "metric", row.metric());
              ParquetFields.stringField(out, 2, "key", row.key());
              ParquetFields.intField(out, 3, "n", row.n());
              for (int i = 0; i < STATISTICS.length; i++) {
                ParquetFields.doubleField(out, 4 + i, STATISTICS[i], row.statistics()[i]);
              }
            });
  }

  /** Appends the summary of one (date, metric, key) over {@code n} replications. */
  public void row(
      LocalDate date,
      String metric,
      String key,
      int n,
      double mean,
      double sd,
      double ciLow,
      double ciHigh,
      double p05,
      double p50,
      double p95)
      throws IOException {
    table.write(
        new Row(
            Math.toIntExact(date.toEpochDay()),
            metric,
            key == null ? "" : key,
            n,
            new double[] {mean, sd, ciLow, ciHigh, p05, p50, p95}));
  }

  /** Writes the footer and moves the finished file into place. */
  public void commit() throws IOException {
    table.commit();
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
