package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polemos.io.InputFileException;
import org.polemos.io.report.ObservedFile;
import org.polemos.io.report.ReportException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code polemos run} that choose its tables and report (a picocli mixin), checked
 * before the simulation starts so a bad one is reported before hours of simulation.
 */
final class RunTableOptions {
  @Option(
      names = "--keep-series",
      paramLabel = "K",
      description =
          "Write series.csv rows for the first K replications only (summary.csv always covers all). "
              + "Default: all when N <= 100, else 100.")
  Integer keepSeries;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description =
          "Formats of the series and summary tables: csv, parquet, or both (csv,parquet). "
              + "summary.csv is always written (the report and compare read it). Default: ${DEFAULT-VALUE}.")
  List<TableFormat> formats;

  @Option(names = "--no-report", description = "Do not write report.html (see 'polemos report').")
  boolean noReport;

  @Option(
      names = "--observed",
      paramLabel = "FILE",
      description =
          "Observed series (replication,date,metric,key,value; e.g. from 'polemos import') to overlay "
              + "in the report.")
  Path observed;

  /** Table formats a run can write. */
  enum TableFormat {
    csv,
    parquet
  }

  /**
   * Checks the counts and the formats against the report; returns the number of replications whose
   * series rows are kept.
   */
  int keep(int replications, CommandLine cmd) {
    if (replications < 1) {
      throw new CommandLine.ParameterException(
          cmd, "--replications must be at least 1, was " + replications);
    }
    if (keepSeries != null && keepSeries < 0) {
      throw new CommandLine.ParameterException(
          cmd, "--keep-series must be at least 0, was " + keepSeries);
    }
    int keep = keepSeries != null ? keepSeries : Math.min(replications, 100);
    if (!noReport && !formats.contains(TableFormat.csv)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--format "
              + String.join(",", formats.stream().map(Enum::name).toList())
              + ": the report is drawn from"
              + " series.csv; use --format csv,parquet, or add --no-report");
    }
    if (!noReport && keep == 0) {
      throw new CommandLine.ParameterException(
          cmd,
          "--keep-series 0 keeps no series rows, and the report is drawn"
              + " from them; keep at least 1, or add --no-report");
    }
    return keep;
  }

  /** Reads the --observed file before the run. */
  void checkObserved(CommandLine cmd) throws IOException {
    if (observed == null) {
      return;
    }
    if (!Files.isRegularFile(observed)) {
      throw new CommandLine.ParameterException(cmd, "--observed " + observed + ": no such file");
    }
    try {
      ObservedFile.read(observed);
    } catch (ReportException e) {
      throw InputFileException.of("", "--observed: " + e.getMessage());
    }
  }

  boolean csv() {
    return formats.contains(TableFormat.csv);
  }

  boolean parquet() {
    return formats.contains(TableFormat.parquet);
  }
}
