package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.io.report.ComparePage;
import org.polemos.io.report.Numbers;
import org.polemos.io.report.ReportException;
import org.polemos.io.report.ScenarioInfo;
import org.polemos.io.results.AtomicOutput;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.PairedComparison;
import org.polemos.sim.experiment.SummaryStatistics.Cell;

/**
 * Writes a comparison of two paired runs: compare.csv (paired and unpaired 95% intervals of B - A
 * per cell), compare.html, and the differences whose interval excludes 0 on standard output
 * (docs/OUTPUTS.md).
 */
final class CompareOutput {
  private CompareOutput() {}

  /**
   * Writes the comparison of {@code cells} ({@code replications} paired) of run A (manifest {@code
   * a}) and run B into {@code out} and {@code page}, printing at most {@code shown} differences.
   */
  static void write(
      Map<Cell, PairedComparison> cells,
      int replications,
      Path dirA,
      Path dirB,
      RunManifest a,
      Path out,
      Path page,
      int shown,
      PrintWriter stdout)
      throws IOException {
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
    ScenarioInfo scenario;
    try {
      scenario =
          Files.isRegularFile(dirA.resolve("scenario.yaml"))
              ? ScenarioInfo.read(dirA.resolve("scenario.yaml"))
              : ScenarioInfo.unknown(a.scenarioId());
    } catch (ReportException e) {
      throw new CompareCommand.Unpairable(e.getMessage());
    }
    AtomicOutput.writeString(
        page, ComparePage.render(dirA.toString(), dirB.toString(), scenario, a.seed(), rows));
    LocalDate last =
        rows.stream().map(ComparePage.Row::date).max(LocalDate::compareTo).orElse(null);
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
  }
}
