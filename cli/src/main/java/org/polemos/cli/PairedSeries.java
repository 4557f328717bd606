package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvReader;
import org.polemos.sim.experiment.PairedComparison;
import org.polemos.sim.experiment.SummaryStatistics.Cell;

/**
 * The series of two runs paired replication by replication (common random numbers): one {@link
 * PairedComparison} per cell. Rows that do not line up make the runs {@link
 * CompareCommand.Unpairable}.
 *
 * @param cells the paired comparison of each (date, metric, key), in file order
 * @param replications the number of replications paired
 */
record PairedSeries(Map<Cell, PairedComparison> cells, int replications) {

  /** Runs can be paired only with the same seed and number of replications (shared streams). */
  static void requirePairable(RunManifest a, RunManifest b) {
    List<String> differences = new ArrayList<>();
    if (a.seed() != b.seed()) {
      differences.add("seeds differ (A " + a.seed() + ", B " + b.seed() + ")");
    }
    if (a.replications() != b.replications()) {
      differences.add(
          "replication counts differ (A " + a.replications() + ", B " + b.replications() + ")");
    }
    if (!differences.isEmpty()) {
      throw new CompareCommand.Unpairable(
          "cannot pair the runs: "
              + String.join("; ", differences)
              + "; rerun the variant with the baseline's --seed and --replications so replications share streams");
    }
  }

  /** Pairs the series.csv of run directories {@code dirA} and {@code dirB}. */
  static PairedSeries read(Path dirA, Path dirB) throws IOException {
    Map<Cell, PairedComparison> cells = new LinkedHashMap<>();
    Path seriesA = series(dirA);
    Path seriesB = series(dirB);
    int replications = 0;
    try (SeriesCsvReader ra = new SeriesCsvReader(seriesA);
        SeriesCsvReader rb = new SeriesCsvReader(seriesB)) {
      while (true) {
        SeriesCsvReader.Row x = ra.next();
        SeriesCsvReader.Row y = rb.next();
        if (x == null && y == null) {
          break;
        }
        if (x == null || y == null) {
          throw new CompareCommand.Unpairable(
              (x == null ? seriesA : seriesB)
                  + " ends before "
                  + (x == null ? seriesB : seriesA)
                  + " (line "
                  + (x == null ? y.line() : x.line())
                  + "): the runs do not hold the same replications");
        }
        if (x.replication() != y.replication()
            || !x.date().equals(y.date())
            || !x.metric().equals(y.metric())
            || !x.key().equals(y.key())) {
          throw new CompareCommand.Unpairable(
              "rows differ: "
                  + seriesA
                  + ":"
                  + x.line()
                  + " is "
                  + describe(x)
                  + " but "
                  + seriesB
                  + ":"
                  + y.line()
                  + " is "
                  + describe(y)
                  + " (same scenario structure, seed and kept replications needed)");
        }
        replications = Math.max(replications, x.replication() + 1);
        cells
            .computeIfAbsent(new Cell(x.date(), x.metric(), x.key()), c -> new PairedComparison())
            .add(x.value(), y.value());
      }
    }
    if (cells.isEmpty()) {
      throw new CompareCommand.Unpairable(
          seriesA
              + " and "
              + seriesB
              + " hold no series rows (runs made with --keep-series 0?);"
              + " compare pairs replications row by row, so rerun both with --keep-series of at least 2");
    }
    return new PairedSeries(cells, replications);
  }

  private static String describe(SeriesCsvReader.Row r) {
    return "replication "
        + r.replication()
        + ", "
        + r.date()
        + ", "
        + r.metric()
        + ", \""
        + r.key()
        + "\"";
  }

  private static Path series(Path dir) {
    Path file = dir.resolve("series.csv");
    if (!Files.isRegularFile(file)) {
      throw new CompareCommand.Unpairable(dir + ": no series.csv");
    }
    return file;
  }
}
