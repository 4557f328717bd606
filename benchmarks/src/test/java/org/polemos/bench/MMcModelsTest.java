package org.polemos.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peer benchmark's M/M/c model is right on both kernels: across 20 independent replications of
 * 100,000 customers (the first 2,000 of each discarded as warm-up), the 99.9% Student-t confidence
 * interval of the mean waiting time in queue contains the Erlang-C value {@code C(c, a) / (c mu -
 * lambda)} (0.2046 for c = 10, lambda = 8, mu = 1). False-failure rate: 0.1% per implementation for
 * an unbiased estimator (0.2% for the pair), plus the small warm-up bias; with the fixed seeds the
 * outcome is deterministic.
 */
class MMcModelsTest {

  private static final int REPLICATIONS = 20;
  private static final int CUSTOMERS = 100_000;
  private static final int WARMUP = 2_000;

  @Test
  void erlangCMatchesAKnownValue() {
    // c = 2, a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3; Wq = C / (c mu - lambda) = 1/3 for mu = 1.
    assertThat(MMcModels.erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(MMcModels.erlangCWait(2, 1.0, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    // c = 1 is M/M/1: C = rho.
    assertThat(MMcModels.erlangC(1, 0.7)).isCloseTo(0.7, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polemos", "ssj"})
  void meanWaitMatchesErlangC(String impl) {
    MMcModels.Model model = MMcModels.create(impl);
    double[] means = new double[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      MMcModels.Result result = model.run(1000 + r, CUSTOMERS, WARMUP);
      assertThat(result.events()).isEqualTo(2L * CUSTOMERS);
      assertThat(result.waited()).isEqualTo(CUSTOMERS - WARMUP);
      means[r] = result.meanWait();
    }
    double mean = 0;
    for (double m : means) {
      mean += m;
    }
    mean /= REPLICATIONS;
    double var = 0;
    for (double m : means) {
      var += (m - mean) * (m - mean);
    }
    double se = Math.sqrt(var / (REPLICATIONS - 1) / REPLICATIONS);
    double t = TDistribution.of(REPLICATIONS - 1).inverseSurvivalProbability(0.0005);
    double expected = MMcModels.erlangCWait(MMcModels.SERVERS, MMcModels.LAMBDA, MMcModels.MU);
    assertThat(expected).isCloseTo(0.2046, within(0.0005));
    assertThat(expected)
        .as("%s: mean wait %.4f +- %.4f", impl, mean, t * se)
        .isBetween(mean - t * se, mean + t * se);
    // The interval is informative (a few percent of the value), not vacuous.
    assertThat(t * se).isLessThan(0.1 * expected);
  }

  /** Same seed, same streams, same FIFO rule: both kernels produce the same trajectory. */
  @Test
  void bothKernelsGiveTheSameReplication() {
    for (long seed = 1; seed <= 3; seed++) {
      MMcModels.Result p = MMcModels.create("polemos").run(seed, 20_000, 0);
      MMcModels.Result s = MMcModels.create("ssj").run(seed, 20_000, 0);
      assertThat(p.events()).isEqualTo(s.events());
      assertThat(p.meanWait()).isEqualTo(s.meanWait());
    }
  }
}
