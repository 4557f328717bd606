package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.experiment.Identifiability;
import org.polemos.sim.random.RandomStreams;

/**
 * The identifiability check of a calibration ({@link Identifiability}): local sensitivities of
 * every target at the centre of the parameter box and at four random points, each a central
 * difference of 5% of a parameter's range with common random numbers (the calibration's seed and
 * replications). Writes {@code identifiability.csv} ({@code
 * quantity,key,date_from,date_to,metric,metric_key,max_relative_effect,parameter,identifiable}) and
 * warns about every target no parameter moves by at least 1% of its scale per full range.
 */
final class IdentifiabilityReport {
  static final int POINTS = 5;
  static final double THRESHOLD = 0.01;

  private IdentifiabilityReport() {}

  static Identifiability.Result write(
      TargetRuns runs,
      List<String> paths,
      double[] low,
      double[] high,
      long seed,
      int replications,
      Path file,
      PrintWriter out)
      throws IOException {
    List<CalibrationSpec.Target> targets = runs.targets();
    double[] scale = new double[targets.size()];
    for (int t = 0; t < scale.length; t++) {
      ObservedFigure f = targets.get(t).figure();
      scale[t] = Math.max(Math.abs((f.low() + f.high()) / 2), f.high() - f.low());
    }
    Identifiability.Result r =
        Identifiability.check(
            values -> {
              double[][] y = runs.run(values, RandomStreams.of(seed), 0, replications);
              return y == null ? null : TargetRuns.means(y);
            },
            low,
            high,
            scale,
            POINTS,
            seed,
            THRESHOLD);
    try (TableCsvWriter csv =
        new TableCsvWriter(
            file,
            List.of(
                "quantity",
                "key",
                "date_from",
                "date_to",
                "metric",
                "metric_key",
                "max_relative_effect",
                "parameter",
                "identifiable"))) {
      for (int t = 0; t < targets.size(); t++) {
        CalibrationSpec.Target target = targets.get(t);
        ObservedFigure f = target.figure();
        csv.row(
            f.quantity(),
            f.key(),
            f.dateFrom().toString(),
            f.dateTo().toString(),
            target.metric(),
            target.metricKey(),
            r.maxRelativeEffect()[t],
            r.parameter()[t] < 0 ? "" : paths.get(r.parameter()[t]),
            r.moved()[t] ? "yes" : "no");
      }
      csv.commit();
    }
    for (int t = 0; t < targets.size(); t++) {
      if (!r.moved()[t]) {
        ObservedFigure f = targets.get(t).figure();
        out.printf(
            Locale.ROOT,
            "Not identifiable: %s%s %s..%s: no free parameter moves it by 1%% of the figure "
                + "over its range (largest %.2g%%); it only adds a constant to the loss%n",
            f.quantity(),
            f.key().isEmpty() ? "" : " (" + f.key() + ")",
            f.dateFrom(),
            f.dateTo(),
            100 * r.maxRelativeEffect()[t]);
      }
    }
    return r;
  }
}
