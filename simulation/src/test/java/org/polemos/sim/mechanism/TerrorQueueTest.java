package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.random.RandomStreams;

/**
 * The terror queue of {@link ExternalOperations} against the queueing result it is built on
 * (Kaplan, "Terror queues", Operations Research 2010). With Poisson arrivals of plots (rate
 * lambda), exponential plot durations (rate theta), c intelligence teams each detecting the plot it
 * investigates at rate delta, and first-come-first-served waiting, the number of plots present is a
 * birth-death chain with births lambda and deaths min(n, c) delta + n theta; detections happen at
 * rate delta min(N, c), so the chance a plot is detected before it is carried out is {@code delta
 * E[min(N, c)] / lambda} under the stationary distribution (with unlimited teams, {@code delta /
 * (delta + theta)}).
 *
 * <p>Statistics: 12 independent replications (separate random streams), each the detected share of
 * the plots arriving after a warm-up; the 99.9% Student-t interval of the replication means must
 * contain the closed form. The replication means are close to normal (thousands of plots each), so
 * a correct queue fails a case with probability about 0.1% over seeds; the seeds are fixed, so the
 * test is deterministic.
 */
class TerrorQueueTest {

  /** The closed form: delta E[min(N, c)] / lambda for the birth-death chain (c <= 0: unlimited). */
  static double detectedShare(double lambda, double theta, double delta, int c) {
    if (c <= 0) {
      return delta / (delta + theta);
    }
    // stationary distribution by the product formula, in logs, truncated where it is negligible
    double logP = 0;
    double sum = 0;
    double served = 0;
    double[] logs = new double[20_000];
    double max = 0;
    for (int n = 1; n < logs.length; n++) {
      logP += Math.log(lambda / (Math.min(n, c) * delta + n * theta));
      logs[n] = logP;
      max = Math.max(max, logP);
    }
    for (int n = 0; n < logs.length; n++) {
      double w = Math.exp(logs[n] - max);
      sum += w;
      served += w * Math.min(n, c);
    }
    return delta * (served / sum) / lambda;
  }

  /** One replication: the detected share of the plots arriving in [warmup, horizon). */
  static double simulate(
      double lambda, double theta, double delta, int c, double horizon, double warmup, int rep) {
    RandomStreams streams = RandomStreams.of(1414);
    UniformRandomProvider rng = streams.stream(rep, "terror-queue");
    ContinuousSampler unit = ZigguratSampler.Exponential.of(rng);
    Simulation sim = new Simulation();
    ExternalOperations.TerrorQueue queue =
        new ExternalOperations.TerrorQueue(() -> c <= 0 ? Integer.MAX_VALUE : c, () -> delta, unit);
    long[] counts = new long[2]; // detected, all (arrivals after the warm-up)
    sim.schedule(
        unit.sample() / lambda,
        new org.polemos.sim.kernel.Action() {
          @Override
          public void fire(Simulation s) {
            boolean counted = s.now() >= warmup;
            queue.arrive(
                s,
                unit.sample() / theta,
                (s2, detected) -> {
                  if (counted) {
                    counts[1]++;
                    if (detected) {
                      counts[0]++;
                    }
                  }
                });
            if (s.now() < horizon) {
              s.schedule(unit.sample() / lambda, this);
            }
          }
        });
    sim.run();
    assertThat(queue.investigated()).isZero();
    assertThat(queue.waiting()).isZero();
    return counts[0] / (double) counts[1];
  }

  @ParameterizedTest(name = "lambda {0}, theta {1}, delta {2}, c {3}")
  @CsvSource({
    "1.0, 0.0166667, 0.0333333, 0", // unlimited teams: 2/3 whatever the load
    "0.5, 0.0166667, 0.05, 5", // heavy load: about 30 plots present for 5 teams
    "0.2, 0.0166667, 0.05, 10", // moderate load
    "0.3, 0.1, 0.2, 1" // a single team
  })
  void theDetectedShareMatchesTheClosedForm(double lambda, double theta, double delta, int c) {
    int reps = 12;
    double warmup = 20 / theta;
    double horizon = warmup + 6000 / lambda; // ~6,000 plots counted per replication
    double[] x = new double[reps];
    double mean = 0;
    for (int r = 0; r < reps; r++) {
      x[r] = simulate(lambda, theta, delta, c, horizon, warmup, r);
      mean += x[r] / reps;
    }
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean) / (reps - 1);
    }
    double half =
        TDistribution.of(reps - 1).inverseCumulativeProbability(0.9995) * Math.sqrt(var / reps);
    double exact = detectedShare(lambda, theta, delta, c);
    assertThat(Math.abs(mean - exact))
        .as("mean %.4f, closed form %.4f, half-width %.4f", mean, exact, half)
        .isLessThanOrEqualTo(half);
  }

  @Test
  void aDetectionRateNearZeroDetectsNothingAndTheRunEnds() {
    // a detection due after the plot is carried out is never scheduled, so rates near 0 (an
    // intelligence effectiveness of 1e-300) put no far-future events in the queue
    assertThat(simulate(0.5, 1 / 60.0, 1e-300, 5, 2000, 0, 0)).isZero();
  }

  @Test
  void detectionFallsUnderLoadAndCapacityRestoresIt() {
    double theta = 1 / 60.0;
    double delta = 1 / 20.0;
    double light = detectedShare(0.05, theta, delta, 5);
    double heavy = detectedShare(0.5, theta, delta, 5);
    double shared = detectedShare(0.5, theta, delta, 10);
    assertThat(light).isGreaterThan(heavy);
    assertThat(shared).isGreaterThan(heavy);
    assertThat(detectedShare(0.5, theta, delta, 0)).isEqualTo(0.75);
    assertThat(light).isLessThan(0.75);
  }
}
