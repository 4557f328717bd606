package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code summary.csv}: one row per (date, metric, key) summarising the replications: {@code
 * date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95} (docs/EXPERIMENTS.md).
 */
public final class SummaryCsv {
  public static final List<String> HEADER =
      List.of("date", "metric", "key", "n", "mean", "sd", "ci_low", "ci_high", "p05", "p50", "p95");

  /** One row of a summary. */
  public record Row(
      LocalDate date,
      String metric,
      String key,
      long n,
      double mean,
      double sd,
      double ciLow,
      double ciHigh,
      double p05,
      double p50,
      double p95) {}

  private SummaryCsv() {}

  /** Opens an atomic writer for a summary file. */
  public static TableCsvWriter open(Path target) throws IOException {
    return new TableCsvWriter(target, HEADER);
  }

  /** Writes one row. */
  public static void write(TableCsvWriter out, Row r) throws IOException {
    out.row(
        r.date().toString(),
        r.metric(),
        r.key(),
        r.n(),
        r.mean(),
        r.sd(),
        r.ciLow(),
        r.ciHigh(),
        r.p05(),
        r.p50(),
        r.p95());
  }

  /**
   * Reads a summary file row by row (Jackson CSV: a key with a line break reads back as written).
   */
  public static void read(Path file, Consumer<Row> rows) throws IOException {
    try (CsvTable in = CsvTable.open(file)) {
      List<String> header = in.next();
      if (header == null || !header.equals(HEADER)) {
        throw new IOException(
            file + ": not a summary file (header " + String.join(",", HEADER) + ")");
      }
      List<String> f;
      while ((f = in.next()) != null) {
        if (f.size() != HEADER.size()) {
          throw new IOException(file + ":" + in.line() + ": expected " + HEADER.size() + " fields");
        }
        try {
          rows.accept(
              new Row(
                  LocalDate.parse(f.get(0)),
                  f.get(1),
                  f.get(2),
                  Long.parseLong(f.get(3)),
                  Csv.parseNumber(f.get(4)),
                  Csv.parseNumber(f.get(5)),
                  Csv.parseNumber(f.get(6)),
                  Csv.parseNumber(f.get(7)),
                  Csv.parseNumber(f.get(8)),
                  Csv.parseNumber(f.get(9)),
                  Csv.parseNumber(f.get(10))));
        } catch (java.time.DateTimeException | NumberFormatException e) {
          throw new IOException(file + ":" + in.line() + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
