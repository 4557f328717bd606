package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.Location;
import org.polemos.io.results.ParquetSummaryWriter;
import org.polemos.io.results.SummaryCsv;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Problem;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.SummaryStatistics;
import org.polemos.sim.experiment.Sweep;
import picocli.CommandLine;

/**
 * What the experiment commands share: output directories, parameter variants, metric checks,
 * summaries.
 */
final class Experiments {
  private Experiments() {}

  /**
   * "directory is not empty: it holds a, b and 3 more", saying which are temporary files of a
   * killed process.
   */
  static String notEmpty(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String list =
        String.join(", ", names.subList(0, shown))
            + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    long partial = names.stream().filter(org.polemos.io.results.AtomicOutput::isTemporary).count();
    return "directory is not empty: it holds "
        + list
        + (partial == 0
            ? ""
            : " ("
                + partial
                + " hidden temporary "
                + (partial == 1 ? "file" : "files")
                + " *.partial left by a killed process)");
  }

  /**
   * Deletes {@code dir} if it is an empty directory; failures are ignored (an earlier error matters
   * more).
   */
  static void deleteIfEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // the original failure is what the user needs to see
    }
  }

  /** Work that writes into a claimed output directory. */
  @FunctionalInterface
  interface DirectoryWork {
    int run() throws IOException;
  }

  /**
   * Claims {@code out} (new or empty) and runs {@code work} in it; when the work fails (an invalid
   * design point, an output key the series lack) a directory it created is not left behind empty
   * (checked once the lock is released).
   */
  static int inNewDirectory(Path out, CommandLine cmd, DirectoryWork work) throws IOException {
    boolean created = !Files.exists(out);
    boolean finished = false;
    try {
      try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
        int status = work.run();
        finished = true;
        return status;
      }
    } finally {
      if (!finished && created && Files.isDirectory(out)) {
        deleteIfEmpty(out);
      }
    }
  }

  /**
   * The worker count: the option, or the processors, never more than {@code work} (idle threads)
   * nor than the processors (at least 2, so that thread-independence can be seen on any machine):
   * more would only add contention. Outputs do not depend on it.
   */
  static int threads(Integer option, int work, CommandLine cmd) {
    if (option != null && option < 1) {
      throw new CommandLine.ParameterException(cmd, "--threads must be at least 1, was " + option);
    }
    int processors = Runtime.getRuntime().availableProcessors();
    int wanted = option != null ? Math.min(option, Math.max(2, processors)) : processors;
    return Math.max(1, Math.min(wanted, work));
  }

  /**
   * {@code base} with each path set to its value; the problems of the result, if any, are returned.
   */
  static Scenario variant(Scenario base, List<String> paths, double[] values) {
    return Sweep.variant(base, paths, values);
  }

  /** Describes the validation problems of a variant in one line. */
  static String problems(List<Problem> problems) {
    List<String> parts = new ArrayList<>();
    for (Problem p : problems) {
      parts.add(p.toString());
    }
    return String.join("; ", parts);
  }

  /** Reports metric names the engine does not write, at their location in the experiment file. */
  static void checkMetrics(List<String> metrics, List<Location> locations, List<String> known) {
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      String m = metrics.get(i);
      if (!known.contains(m)) {
        problems.add(
            locations
                .get(i)
                .problem(
                    "unknown metric \""
                        + m
                        + "\""
                        + Suggestions.didYouMean(m, known)
                        + " (metrics: docs/OUTPUTS.md)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputFileException(problems);
    }
  }

  /**
   * Writes a summary atomically as {@code summary.csv} rows. A cell no replication gave a value to
   * ({@code n = 0}: every value NaN, e.g. {@code intake_wait_days_mean} in a period nobody entered
   * intake) has no row.
   */
  static void writeSummary(SummaryStatistics summary, Path target) throws IOException {
    try (TableCsvWriter out = SummaryCsv.open(target)) {
      for (Map.Entry<SummaryStatistics.Cell, CellSummary> e : summary.cells().entrySet()) {
        SummaryStatistics.Cell c = e.getKey();
        CellSummary s = e.getValue();
        if (s.n() == 0) {
          continue; // no replication had a value (e.g. a mean over no recruits): no row rather than
          // NaN
        }
        SummaryCsv.write(
            out,
            new SummaryCsv.Row(
                c.date(),
                c.metric(),
                c.key(),
                s.n(),
                s.mean(),
                s.sd(),
                s.ciLow(),
                s.ciHigh(),
                s.quantile(0.05),
                s.quantile(0.5),
                s.quantile(0.95)));
      }
      out.commit();
    }
  }

  /**
   * Writes {@code summary.parquet}: the same rows as summary.csv, dates as DATE and counts as
   * INT32.
   */
  static void writeSummaryParquet(SummaryStatistics summary, Path target) throws IOException {
    try (ParquetSummaryWriter out = new ParquetSummaryWriter(target)) {
      for (Map.Entry<SummaryStatistics.Cell, CellSummary> e : summary.cells().entrySet()) {
        SummaryStatistics.Cell c = e.getKey();
        CellSummary s = e.getValue();
        if (s.n() == 0) {
          continue; // as in summary.csv
        }
        out.row(
            c.date(),
            c.metric(),
            c.key(),
            Math.toIntExact(s.n()),
            s.mean(),
            s.sd(),
            s.ciLow(),
            s.ciHigh(),
            s.quantile(0.05),
            s.quantile(0.5),
            s.quantile(0.95));
      }
      out.commit();
    }
  }
}
