package org.polemos.cli;

import java.util.ArrayList;
import java.util.List;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.Observation;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.random.RandomStreams;

/**
 * Runs the base scenario of a calibration at given parameter values and computes each target's
 * simulated number (its aggregate of the series over the figure's dates, times its scale), one
 * replication at a time; and the ABC distance of such numbers to the reported figures. Thread-safe.
 */
final class TargetRuns {
  private final Engine engine;
  private final Scenario base;
  private final List<String> paths;
  private final List<CalibrationSpec.Target> targets;

  TargetRuns(
      Engine engine, Scenario base, List<String> paths, List<CalibrationSpec.Target> targets) {
    this.engine = engine;
    this.base = base;
    this.paths = List.copyOf(paths);
    this.targets = List.copyOf(targets);
  }

  List<CalibrationSpec.Target> targets() {
    return targets;
  }

  /** The scenario at these values with this seed, or null when it is not valid. */
  Scenario variant(double[] values, long seed) {
    Scenario s = Experiments.variant(base, paths, values).with("seed", seed);
    return s.validate().isEmpty() ? s : null;
  }

  /**
   * The target numbers of replications {@code first .. first+count-1} of {@code streams} ({@code
   * [replication] [target]}), or null when the values give an invalid scenario.
   */
  double[][] run(double[] values, RandomStreams streams, int first, int count) {
    Scenario scenario = variant(values, streams.seed());
    if (scenario == null) {
      return null;
    }
    double[][] out = new double[count][];
    for (int r = 0; r < count; r++) {
      out[r] = run(scenario, streams, first + r);
    }
    return out;
  }

  /** The target numbers of one replication of a scenario. */
  double[] run(Scenario scenario, RandomStreams streams, int replication) {
    ObservationCollector collector = collector(scenario);
    engine.run(scenario, replication, streams, collector);
    List<CellSummary> s = collector.summaries();
    double[] y = new double[targets.size()];
    for (int t = 0; t < y.length; t++) {
      y[t] = targets.get(t).scale() * s.get(t).mean();
    }
    return y;
  }

  /** A collector of the targets' observations over the sample dates of {@code scenario}. */
  ObservationCollector collector(Scenario scenario) {
    List<Observation> observations = new ArrayList<>();
    for (CalibrationSpec.Target t : targets) {
      observations.add(
          new Observation(
              t.metric(),
              t.metricKey(),
              Observation.Aggregate.of(t.aggregate()),
              t.figure().dateFrom(),
              t.figure().dateTo()));
    }
    return new ObservationCollector(observations, Engine.sampleDates(scenario.calendar()));
  }

  /** The mean over replications of each target ({@code y[replication][target]}). */
  static double[] means(double[][] y) {
    double[] m = new double[y[0].length];
    for (double[] row : y) {
      for (int t = 0; t < m.length; t++) {
        m[t] += row[t] / y.length;
      }
    }
    return m;
  }

  /**
   * The ABC distance of target numbers to the figures: the square root of the weighted sum over
   * targets of the calibration loss (0 inside a reported range, the squared relative distance to
   * its nearer end outside).
   */
  double distance(double[] simulated) {
    double sum = 0;
    for (int t = 0; t < targets.size(); t++) {
      CalibrationSpec.Target target = targets.get(t);
      sum +=
          target.weight()
              * Observation.intervalLoss(
                  simulated[t], target.figure().low(), target.figure().high());
    }
    return Math.sqrt(sum);
  }

  /**
   * The seed of ABC simulation {@code simulation}: independent streams for every simulation of a
   * run.
   */
  static long simulationSeed(long seed, long simulation) {
    return org.polemos.sim.experiment.ParameterDraws.mix(seed, simulation);
  }
}
