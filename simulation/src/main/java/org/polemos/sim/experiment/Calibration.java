package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.random.RandomStreams;

/**
 * A calibration as a library: free parameters (paths) of a base scenario fitted to observed
 * intervals by a {@link Calibrator}. Each evaluation runs the replications of one parameter vector
 * (the sweep's seed and number of replications at every evaluation: common random numbers) and sums
 * the weighted interval losses ({@link Observation#intervalLoss}) of the targets. An invalid
 * variant costs {@code +infinity}. The {@code polemos calibrate} command is a layer over this class
 * that reads the file and writes the results.
 *
 * <pre>{@code
 * Calibration calibration = new Calibration(base, List.of("sources.tunisia.annualPropensity"),
 *     List.of(new Calibration.Target(new Observation("foreign_arrivals_cumulative", "", Aggregate.LAST,
 *         from, to), 1_000, 3_000, 1, 1)), 1, 20);
 * Calibration.Result r = calibration.run(engine, new Calibrator(min, max, Method.CMA_ES, 60, 1), initial, 2,
 *     (e, best) -> { });
 * }</pre>
 *
 * <p>Immutable; {@link #evaluate} may run concurrently on one instance.
 */
public final class Calibration {

  /**
   * One target: what to compute from the simulated series, the observed interval, and how to weigh
   * it.
   *
   * @param observation the metric, key, aggregate and date window
   * @param low lower end of the observed interval
   * @param high upper end of the observed interval
   * @param scale factor from the simulated quantity to the observed one
   * @param weight weight of this target's loss in the total
   */
  public record Target(
      Observation observation, double low, double high, double scale, double weight) {}

  /**
   * The result of one evaluation: the total loss and, per target, its summary and weighted loss.
   */
  public record Fit(double loss, List<CellSummary> simulated, List<Double> losses) {}

  /**
   * The evaluations in order, the best loss after each one, the best evaluation, the base scenario
   * with the best values (its seed unchanged), and the fit at those values.
   */
  public record Result(
      List<Calibrator.Evaluation> history,
      List<Double> bestSoFar,
      Calibrator.Evaluation best,
      Scenario fitted,
      Fit fit) {}

  private final Scenario base;
  private final List<String> paths;
  private final List<Target> targets;
  private final long seed;
  private final int replications;

  public Calibration(
      Scenario base, List<String> paths, List<Target> targets, long seed, int replications) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1, was " + replications);
    }
    this.base = base;
    this.paths = List.copyOf(paths);
    this.targets = List.copyOf(targets);
    this.seed = seed;
    this.replications = replications;
  }

  /** A collector of the targets' observations over the sample dates of {@code scenario}. */
  public ObservationCollector collector(Scenario scenario) {
    List<Observation> observations = new ArrayList<>();
    for (Target t : targets) {
      observations.add(t.observation());
    }
    return new ObservationCollector(observations, Engine.sampleDates(scenario.calendar()));
  }

  /** Runs the replications of {@code values} on {@code threads} workers and computes the loss. */
  public Fit evaluate(Engine engine, double[] values, int threads) {
    Scenario scenario = Sweep.variant(base, paths, values).with("seed", seed);
    if (!scenario.validate().isEmpty()) {
      return new Fit(Double.POSITIVE_INFINITY, List.of(), List.of());
    }
    ObservationCollector collector = collector(scenario);
    new Replications(engine)
        .run(
            scenario,
            RandomStreams.of(seed),
            0,
            replications,
            threads,
            collector,
            Replications.Progress.NONE);
    List<CellSummary> simulated = collector.summaries();
    double loss = 0;
    List<Double> losses = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      double l =
          target.weight()
              * Observation.intervalLoss(
                  target.scale() * simulated.get(t).mean(), target.low(), target.high());
      losses.add(l);
      loss += l;
    }
    return new Fit(loss, simulated, losses);
  }

  /**
   * Minimises the loss with {@code calibrator} from {@code initial}, telling {@code listener} after
   * each evaluation, then evaluates the best values once more for the fit.
   */
  public Result run(
      Engine engine,
      Calibrator calibrator,
      double[] initial,
      int threads,
      Calibrator.Listener listener) {
    List<Double> bestSoFar = new ArrayList<>();
    List<Calibrator.Evaluation> history =
        calibrator.minimise(
            values -> evaluate(engine, values, threads).loss(),
            initial,
            (e, best) -> {
              bestSoFar.add(best.loss());
              listener.evaluated(e, best);
            });
    Calibrator.Evaluation best = Calibrator.best(history);
    Scenario fitted = Sweep.variant(base, paths, best.values());
    Fit fit = evaluate(engine, best.values(), threads);
    return new Result(history, bestSoFar, best, fitted, fit);
  }
}
