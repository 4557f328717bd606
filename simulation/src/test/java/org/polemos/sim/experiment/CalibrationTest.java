package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.model.result.Metric;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;

/** Calibration from Java: the loss of an evaluation, and a whole run. */
class CalibrationTest {
  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
  private static final Scenario BASE = TestScenarios.minimal();
  private static final List<String> PATHS = List.of("sources.tn.annualPropensity");
  private static final Observation ARRIVALS =
      new Observation(
          Metric.FOREIGN_ARRIVALS_CUMULATIVE,
          Metric.ALL,
          Observation.Aggregate.AT_END,
          LocalDate.of(2015, 1, 1),
          LocalDate.of(2015, 12, 31));

  private static Calibration calibration(double low, double high, double weight) {
    return new Calibration(
        BASE, PATHS, List.of(new Calibration.Target(ARRIVALS, low, high, 1, weight)), 3, 4);
  }

  @Test
  void theLossIsTheWeightedIntervalLossOfTheSimulatedMean() {
    Calibration.Fit inside = calibration(0, 1e12, 1).evaluate(ENGINE, new double[] {0.01}, 2);
    assertThat(inside.loss()).isZero();
    double mean = inside.simulated().get(0).mean();
    assertThat(mean).isPositive();
    Calibration.Fit above =
        calibration(2 * mean, 3 * mean, 2.5).evaluate(ENGINE, new double[] {0.01}, 1);
    assertThat(above.simulated().get(0).mean()).as("same seed, any thread count").isEqualTo(mean);
    assertThat(above.loss())
        .isEqualTo(2.5 * Observation.intervalLoss(mean, 2 * mean, 3 * mean))
        .isPositive();
    assertThat(above.losses()).containsExactly(above.loss());
  }

  @Test
  void anInvalidVariantCostsInfinity() {
    Calibration.Fit fit = calibration(0, 1, 1).evaluate(ENGINE, new double[] {-1}, 1);
    assertThat(fit.loss()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(fit.simulated()).isEmpty();
  }

  @Test
  void aRunReturnsItsHistoryTheBestAndTheFitAtTheBest() {
    Calibration calibration = calibration(3_000, 4_000, 1);
    Calibrator calibrator =
        new Calibrator(
            new double[] {0.001}, new double[] {0.05}, Calibrator.Method.NELDER_MEAD, 8, 1);
    int[] told = {0};
    Calibration.Result r =
        calibration.run(ENGINE, calibrator, new double[] {0.02}, 2, (e, best) -> told[0]++);
    assertThat(r.history()).hasSize(told[0]).isNotEmpty();
    assertThat(r.bestSoFar())
        .hasSize(r.history().size())
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    double min = r.history().stream().mapToDouble(Calibrator.Evaluation::loss).min().orElseThrow();
    assertThat(r.best().loss())
        .isEqualTo(min)
        .isEqualTo(r.bestSoFar().get(r.bestSoFar().size() - 1));
    assertThat(r.fitted().getDouble(PATHS.get(0))).isEqualTo(r.best().values()[0]);
    assertThat(r.fitted().seed()).isEqualTo(BASE.seed());
    // re-evaluating the best values with the same seed and replications gives the same loss
    assertThat(r.fit().loss()).isEqualTo(r.best().loss());
  }
}
