package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.results.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos compare}: paired differences between two runs made with the same seed (common
 * random numbers).
 */
@Command(
    name = "compare",
    header = "Paired differences between two runs made with the same seed.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Compares two run directories replication by replication: for every date, metric and key,",
      "the paired difference B - A (n, mean, sd, 95%% t interval) and, for reference, the unpaired (Welch)",
      "interval. Both runs must have the same seed and replications, so that replication i of A and of B",
      "share their random streams (common random numbers, docs/EXPERIMENTS.md). Writes the differences",
      "(FILE) and a page of charts (compare.html: A and B overlaid, B - A with its interval), and prints",
      "the series whose difference at the last date has an interval that excludes 0, largest relative",
      "change first."
    },
    footer = {
      "",
      "Columns of FILE: date,metric,key,n,mean_a,mean_b,mean_diff,sd_diff,ci_low,ci_high,",
      "unpaired_ci_low,unpaired_ci_high.",
      "",
      "Exit status: 0 done; 1 the runs cannot be paired (different seed, replications or rows) or a file is",
      "missing or malformed; 2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos run minimal -n 50 --out runs/base",
      "  polemos run minimal -n 50 --set corridors.tal-abyad.interdiction=0.6 --out runs/tight",
      "  polemos compare runs/base runs/tight --out tight-vs-base.csv",
      ""
    })
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR_A", description = "The baseline run directory.")
  Path dirA;

  @Parameters(index = "1", paramLabel = "DIR_B", description = "The variant run directory.")
  Path dirB;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "compare.csv",
      description = "Where to write the differences (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Where to write the comparison page (default: FILE of --out with the extension .html).")
  Path html;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "25",
      description =
          "Effects printed on the console, largest relative change first (default: ${DEFAULT-VALUE}).")
  int shown;

  /** A problem that makes the runs unpairable: reported in one line, exit status 1. */
  static final class Unpairable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unpairable(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return compare();
    } catch (Unpairable | RunDirectory.Unfinished e) {
      err.println("polemos compare: " + ErrorHandlers.oneLine(e.getMessage()));
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
  }

  private int compare() throws IOException {
    RunManifest a = RunDirectory.requireComplete(dirA);
    RunManifest b = RunDirectory.requireComplete(dirB);
    List<Path> inputs = new ArrayList<>(RunDirectory.inputs(dirA, a));
    inputs.addAll(RunDirectory.inputs(dirB, b));
    inputs.add(dirA.resolve("series.csv"));
    inputs.add(dirB.resolve("series.csv"));
    Outputs.requireNotInput("--out", out, spec.commandLine(), inputs);
    PairedSeries.requirePairable(a, b);
    PairedSeries paired = PairedSeries.read(dirA, dirB);
    CompareOutput.write(
        paired.cells(),
        paired.replications(),
        dirA,
        dirB,
        a,
        out,
        html != null ? html : htmlBeside(out),
        shown,
        spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** {@code compare.csv} gives {@code compare.html} beside it. */
  static Path htmlBeside(Path csv) {
    String name = csv.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return csv.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".html");
  }
}
