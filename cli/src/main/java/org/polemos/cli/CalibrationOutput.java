package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.experiment.Calibration;
import org.polemos.sim.experiment.Calibrator;
import org.polemos.sim.experiment.CellSummary;

/**
 * Writes a finished optimiser calibration (docs/EXPERIMENTS.md): loss-history.csv,
 * best-parameters.csv, fitted.yaml, fit.csv and identifiability.csv, and prints the fit.
 */
final class CalibrationOutput {
  private CalibrationOutput() {}

  /**
   * Writes {@code result} of the calibration file {@code cal} into {@code out}; {@code runs} are
   * the identifiability check's, {@code t0} is when the calibration started ({@link
   * System#nanoTime}).
   */
  static void write(
      CalibrationSpec cal,
      Calibration.Result result,
      TargetRuns runs,
      double[] min,
      double[] max,
      double[] initial,
      Path file,
      Path out,
      long t0,
      PrintWriter stdout)
      throws IOException {
    List<String> paths = cal.parameters().stream().map(ParameterBounds::path).toList();
    int k = paths.size();
    List<Calibrator.Evaluation> history = result.history();
    List<Double> bestSoFar = result.bestSoFar();
    Calibrator.Evaluation best = result.best();
    Scenario fitted = result.fitted();
    Calibration.Fit fit = result.fit();

    List<String> header = new ArrayList<>(List.of("evaluation", "loss", "best_loss"));
    header.addAll(paths);
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("loss-history.csv"), header)) {
      for (int e = 0; e < history.size(); e++) {
        Object[] row = new Object[header.size()];
        row[0] = history.get(e).number();
        row[1] = history.get(e).loss();
        row[2] = bestSoFar.get(e);
        for (int i = 0; i < k; i++) {
          row[3 + i] = history.get(e).values()[i];
        }
        csv.row(row);
      }
      csv.commit();
    }
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("best-parameters.csv"),
            List.of("path", "value", "min", "max", "initial"))) {
      for (int i = 0; i < k; i++) {
        csv.row(paths.get(i), fitted.getDouble(paths.get(i)), min[i], max[i], initial[i]);
      }
      csv.commit();
    }
    new ScenarioWriter().write(fitted, out.resolve("fitted.yaml"));
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("fit.csv"),
            List.of(
                "quantity",
                "key",
                "date_from",
                "date_to",
                "low",
                "high",
                "metric",
                "metric_key",
                "aggregate",
                "scale",
                "simulated_mean",
                "simulated_p05",
                "simulated_p95",
                "weight",
                "loss"))) {
      for (int t = 0; t < cal.targets().size(); t++) {
        CalibrationSpec.Target target = cal.targets().get(t);
        ObservedFigure f = target.figure();
        CellSummary s = fit.simulated().get(t);
        csv.row(
            f.quantity(),
            f.key(),
            f.dateFrom().toString(),
            f.dateTo().toString(),
            f.low(),
            f.high(),
            target.metric(),
            target.metricKey(),
            target.aggregate(),
            target.scale(),
            target.scale() * s.mean(),
            target.scale() * s.quantile(0.05),
            target.scale() * s.quantile(0.95),
            target.weight(),
            fit.losses().get(t));
      }
      csv.commit();
    }
    IdentifiabilityReport.write(
        runs,
        paths,
        min,
        max,
        cal.seed(),
        cal.replications(),
        out.resolve("identifiability.csv"),
        stdout);
    stdout.printf(
        "%s: %d evaluations (%s) x %d replications, seed %d, %.1f s -> %s%n",
        file,
        history.size(),
        cal.optimiser(),
        cal.replications(),
        cal.seed(),
        (System.nanoTime() - t0) / 1e9,
        out);
    stdout.printf("Best loss %.6g at evaluation %d:%n", best.loss(), best.number());
    for (int i = 0; i < k; i++) {
      stdout.printf(
          "  %-50s %14.6g  [%g, %g]%n",
          paths.get(i), fitted.getDouble(paths.get(i)), min[i], max[i]);
    }
    stdout.printf(
        "%-34s %-12s %-10s %14s %14s %14s %10s%n",
        "target", "key", "to", "low", "high", "simulated", "loss");
    for (int t = 0; t < cal.targets().size(); t++) {
      ObservedFigure f = cal.targets().get(t).figure();
      stdout.printf(
          "%-34s %-12s %-10s %14.6g %14.6g %14.6g %10.4g%n",
          f.quantity(),
          f.key().isEmpty() ? "-" : f.key(),
          f.dateTo(),
          f.low(),
          f.high(),
          cal.targets().get(t).scale() * fit.simulated().get(t).mean(),
          fit.losses().get(t));
    }
    stdout.flush();
  }
}
