package org.polemos.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.shard.ReplicationSource;

/**
 * Keeps each replication's target numbers ({@code y[replication][target]}, each the target's scale
 * times its aggregate); replications arrive in order. Call {@link #finish} after the last one.
 */
final class TargetValues implements RunListener {
  private final TargetRuns runs;
  private final Scenario base;
  private final double[][] y;
  private ObservationCollector current;
  private int replication = -1;

  /**
   * Runs {@code count} replications from {@code source}, replication {@code i} running {@code
   * scenarios.apply(i)}; returns each one's target numbers ({@code [replication][target]}).
   */
  static double[][] run(
      Engine engine,
      ReplicationSource source,
      Scenario base,
      List<CalibrationSpec.Target> targets,
      IntFunction<Scenario> scenarios,
      long seed,
      int count,
      int workers,
      Progress progress) {
    double[][] y = new double[count][];
    TargetValues values =
        new TargetValues(new TargetRuns(engine, base, List.of(), targets), base, y);
    source.run(0, scenarios, RandomStreams.of(seed), 0, count, workers, values, progress);
    values.finish();
    return y;
  }

  TargetValues(TargetRuns runs, Scenario base, double[][] y) {
    this.runs = runs;
    this.base = base;
    this.y = y;
  }

  @Override
  public void series(int r, LocalDate date, String metric, String key, double value) {
    if (r != replication) {
      finish();
      current = runs.collector(base);
      replication = r;
    }
    current.series(r, date, metric, key, value);
  }

  void finish() {
    if (current != null) {
      List<CalibrationSpec.Target> targets = runs.targets();
      List<CellSummary> s = current.summaries();
      double[] v = new double[targets.size()];
      for (int t = 0; t < v.length; t++) {
        v[t] = targets.get(t).scale() * s.get(t).mean();
      }
      y[replication] = v;
      current = null;
    }
  }
}
