package org.polemos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.experiment.Location;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.experiment.SweepSpec;
import org.polemos.model.Scenario;
import org.polemos.sim.experiment.Designs;
import org.polemos.sim.experiment.Sweep;
import picocli.CommandLine;

/** A sweep file as a library {@link Sweep}: its design points, metric names and point scenarios. */
final class SweepFile {
  private SweepFile() {}

  /** The design points of a sweep file: its grid, or its Latin hypercube. */
  static List<double[]> points(SweepSpec sweep) {
    if (sweep.isGrid()) {
      return Designs.grid(sweep.gridValues());
    }
    int k = sweep.bounds().size();
    double[] min = new double[k];
    double[] max = new double[k];
    for (int j = 0; j < k; j++) {
      ParameterBounds b = sweep.bounds().get(j);
      min[j] = b.min();
      max[j] = b.max();
    }
    return Designs.latinHypercube(
        sweep.latinHypercube().points(), min, max, sweep.latinHypercube().seed());
  }

  /**
   * The sweep of a sweep file over {@code points}; metric names the engine does not write are
   * reported at the file's metrics line first.
   */
  static Sweep sweep(SweepSpec sweep, List<double[]> points, List<String> knownMetrics) {
    if (!sweep.metrics().isEmpty()) {
      List<Location> at = new ArrayList<>();
      sweep.metrics().forEach(m -> at.add(sweep.metricsLocation()));
      Experiments.checkMetrics(sweep.metrics(), at, knownMetrics);
    }
    return new Sweep(
        sweep.base(), sweep.paths(), points, sweep.seed(), sweep.replications(), sweep.metrics());
  }

  /** Every point's scenario, validated; an invalid point is a usage error naming {@code file}. */
  static List<Scenario> scenarios(Sweep design, Path file, CommandLine cmd) {
    try {
      return design.scenarios();
    } catch (Sweep.InvalidPointException e) {
      throw new CommandLine.ParameterException(cmd, file + ": " + e.getMessage());
    }
  }
}
