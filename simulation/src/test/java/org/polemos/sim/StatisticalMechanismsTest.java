package org.polemos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.RoleShares;
import org.polemos.model.result.Metric;
import org.polemos.sim.random.RandomStreams;

/** Departures against Poisson theory and intake against M/M/c theory, over many replications. */
class StatisticalMechanismsTest {

  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);

  /**
   * One organisation region with no enemies, one source, one corridor; huge pool so the rate stays
   * constant.
   */
  private static Scenario quiet(
      LocalDate end,
      OutputStep step,
      long pool,
      double propensity,
      Processes processes,
      DistributionSpec delay) {
    return TestScenarios.scenario(
        end,
        step,
        List.of(TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0.0)),
        List.of(TestScenarios.region("raqqa", 100_000, 1000, 0, "is", Map.of("is", 1000))),
        List.of(TestScenarios.source("tn", pool, propensity, "arabic")),
        List.of(TestScenarios.corridor("c", "raqqa", delay, 0, 0, "tn")),
        List.of(),
        processes);
  }

  @Test
  void monthlyDeparturesArePoissonWithMeanPoolTimesPropensityTimesDays() {
    long pool = 1_000_000_000L;
    double perDay = 20.0;
    double propensity = perDay * 365 / pool;
    Scenario scenario =
        quiet(
            LocalDate.of(2014, 8, 31),
            OutputStep.MONTHLY,
            pool,
            propensity,
            TestScenarios.processes(),
            new DistributionSpec.Fixed(3));
    int n = 300;
    double[] counts = new double[n];
    RandomStreams streams = RandomStreams.of(2024);
    LocalDate from = LocalDate.of(2014, 6, 1);
    LocalDate to = LocalDate.of(2014, 7, 1);
    for (int r = 0; r < n; r++) {
      TestScenarios.Collector out = new TestScenarios.Collector();
      ENGINE.run(scenario, r, streams, out);
      // the sample of D is taken at the end of D, so the difference covers the 30 days 2 June .. 1
      // July
      counts[r] =
          out.value(to, Metric.DEPARTURES_CUMULATIVE, Metric.ALL)
              - out.value(from, Metric.DEPARTURES_CUMULATIVE, Metric.ALL);
    }
    double mu = perDay * 30;
    double mean = java.util.Arrays.stream(counts).average().orElseThrow();
    double ss = 0;
    for (double c : counts) {
      ss += (c - mean) * (c - mean);
    }
    // mean within the 99% normal-approximation interval of a Poisson(mu) mean of n draws
    assertThat(Math.abs(mean - mu)).isLessThan(2.576 * Math.sqrt(mu / n));
    // index of dispersion: sum (x - mean)^2 / mean ~ chi-square(n - 1) under Poisson; 99% two-sided
    double dispersion = ss / mean;
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(n - 1);
    assertThat(dispersion)
        .isBetween(
            chi.inverseCumulativeProbability(0.005), chi.inverseCumulativeProbability(0.995));
  }

  /** Erlang C: mean number waiting in an M/M/c queue with offered load a = lambda / mu. */
  static double erlangCQueueLength(double a, int c) {
    double term = 1;
    double sum = 0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double rho = a / c;
    double top = term / (1 - rho); // a^c / c! * 1 / (1 - rho)
    double pWait = top / (sum + top);
    return pWait * rho / (1 - rho);
  }

  @Test
  void intakeWithPoissonArrivalsAndExponentialServiceAgreesWithErlangC() {
    long pool = 1_000_000_000L;
    double lambda = 4.0; // arrivals per day
    double serviceMean = 1.0;
    int servers = 5;
    Processes base = TestScenarios.processes();
    Processes processes =
        base.with(
            new IntakeParameters(
                servers, new DistributionSpec.Exponential(serviceMean), new RoleShares(1, 0, 0)));
    Scenario scenario =
        quiet(
            TestScenarios.START.plusDays(499),
            OutputStep.DAILY,
            pool,
            lambda * 365 / pool,
            processes,
            new DistributionSpec.Fixed(1));
    int replications = 30;
    double[] means = new double[replications];
    RandomStreams streams = RandomStreams.of(77);
    LocalDate warmUp = TestScenarios.START.plusDays(50);
    for (int r = 0; r < replications; r++) {
      double[] sum = new double[2];
      ENGINE.run(
          scenario,
          r,
          streams,
          (rep, date, metric, key, value) -> {
            if (metric.equals(Metric.INTAKE_QUEUE_LENGTH) && date.isAfter(warmUp)) {
              sum[0] += value;
              sum[1]++;
            }
          });
      means[r] = sum[0] / sum[1];
    }
    double mean = java.util.Arrays.stream(means).average().orElseThrow();
    double var =
        java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (replications - 1);
    double half =
        TDistribution.of(replications - 1).inverseCumulativeProbability(0.995)
            * Math.sqrt(var / replications);
    double theory = erlangCQueueLength(lambda * serviceMean, servers);
    assertThat(theory).isCloseTo(2.2165, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(theory).isBetween(mean - half, mean + half);
  }
}
