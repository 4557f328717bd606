package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polemos.io.report.ComparePage;
import org.polemos.io.report.Numbers;
import org.polemos.io.report.ReportException;
import org.polemos.io.report.ScenarioInfo;
import org.polemos.io.results.AtomicOutput;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvReader;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.PairedComparison;
import org.polemos.sim.experiment.SummaryStatistics.Cell;
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
    List<String> differences = new ArrayList<>();
    if (a.seed() != b.seed()) {
      differences.add("seeds differ (A " + a.seed() + ", B " + b.seed() + ")");
    }
    if (a.replications() != b.replications()) {
      differences.add(
          "replication counts differ (A " + a.replications() + ", B " + b.replications() + ")");
    }
    if (!differences.isEmpty()) {
      throw new Unpairable(
          "cannot pair the runs: "
              + String.join("; ", differences)
              + "; rerun the variant with the baseline's --seed and --replications so replications share streams");
    }
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
          throw new Unpairable(
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
          throw new Unpairable(
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
      throw new Unpairable(
          seriesA
              + " and "
              + seriesB
              + " hold no series rows (runs made with --keep-series 0?);"
              + " compare pairs replications row by row, so rerun both with --keep-series of at least 2");
    }
    List<ComparePage.Row> rows = new ArrayList<>();
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out,
            List.of(
                "date",
                "metric",
                "key",
                "n",
                "mean_a",
                "mean_b",
                "mean_diff",
                "sd_diff",
                "ci_low",
                "ci_high",
                "unpaired_ci_low",
                "unpaired_ci_high"))) {
      for (Map.Entry<Cell, PairedComparison> e : cells.entrySet()) {
        Cell c = e.getKey();
        PairedComparison p = e.getValue();
        CellSummary d = p.difference();
        double meanDiff = p.b().mean() - p.a().mean();
        double unpaired = p.unpairedHalfWidth();
        csv.row(
            c.date().toString(),
            c.metric(),
            c.key(),
            d.n(),
            p.a().mean(),
            p.b().mean(),
            d.mean(),
            d.sd(),
            d.ciLow(),
            d.ciHigh(),
            meanDiff - unpaired,
            meanDiff + unpaired);
        rows.add(
            new ComparePage.Row(
                c.date(),
                c.metric(),
                c.key(),
                (int) d.n(),
                p.a().mean(),
                p.b().mean(),
                d.mean(),
                d.ciLow(),
                d.ciHigh()));
      }
      csv.commit();
    }
    Path page = html != null ? html : htmlBeside(out);
    ScenarioInfo scenario;
    try {
      scenario =
          Files.isRegularFile(dirA.resolve("scenario.yaml"))
              ? ScenarioInfo.read(dirA.resolve("scenario.yaml"))
              : ScenarioInfo.unknown(a.scenarioId());
    } catch (ReportException e) {
      throw new Unpairable(e.getMessage());
    }
    AtomicOutput.writeString(
        page, ComparePage.render(dirA.toString(), dirB.toString(), scenario, a.seed(), rows));
    LocalDate last =
        rows.stream().map(ComparePage.Row::date).max(LocalDate::compareTo).orElse(null);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s vs %s: %d paired replications, seed %d -> %s, %s%n",
        dirB, dirA, replications, a.seed(), out, page);
    List<ComparePage.Row> effects = last == null ? List.of() : ComparePage.effects(rows, last);
    if (effects.isEmpty()) {
      stdout.printf(
          "No difference at %s has a 95%% interval that excludes 0.%n",
          last == null ? "any date" : last);
    } else {
      stdout.printf(
          "Differences B - A at %s whose 95%% interval excludes 0, largest relative change first:%n",
          last);
      stdout.printf(
          "  %-34s %-20s %12s %12s %12s %25s %9s%n",
          "metric", "key", "A", "B", "B - A", "95% interval", "change");
      for (ComparePage.Row r : effects.subList(0, Math.min(effects.size(), shown))) {
        stdout.printf(
            "  %-34s %-20s %12s %12s %12s %25s %9s%n",
            r.metric(),
            r.key().isEmpty() ? "-" : r.key(),
            Numbers.format(r.meanA()),
            Numbers.format(r.meanB()),
            Numbers.format(r.diff()),
            Numbers.format(r.ciLow()) + " to " + Numbers.format(r.ciHigh()),
            ComparePage.percent(r.relativeChange()));
      }
      if (effects.size() > shown) {
        stdout.printf(
            "  ... and %d more (--top to show more; all in %s and %s)%n",
            effects.size() - shown, page, out);
      }
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** {@code compare.csv} gives {@code compare.html} beside it. */
  static Path htmlBeside(Path csv) {
    String name = csv.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return csv.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".html");
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
      throw new Unpairable(dir + ": no series.csv");
    }
    return file;
  }
}
