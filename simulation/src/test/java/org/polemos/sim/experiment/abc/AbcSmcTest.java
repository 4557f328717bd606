package org.polemos.sim.experiment.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class AbcSmcTest {

  /** y ~ N(theta, 1) observed at 2: the distance of one simulation keyed by its number. */
  private static final AbcSmc.Model NORMAL_MEAN =
      (values, simulation) -> {
        double noise =
            ZigguratSampler.NormalizedGaussian.of(
                    RandomSource.SPLIT_MIX_64.create(simulation * 31 + 7))
                .sample();
        return Math.abs(values[0] + noise - 2);
      };

  private static AbcSmc abc(int threads) {
    return new AbcSmc(
        List.of(Prior.uniform(-10, 10)),
        new AbcSmc.Settings(400, 7, 0.5, 0.01, 1_000_000, 11, threads));
  }

  /**
   * With a flat prior on [-10, 10] and one observation y = 2 of N(theta, 1), the posterior is N(2,
   * 1) (truncation negligible). ABC with a small final tolerance approaches it: the weighted mean
   * within 0.2 and the sd within 0.25 of 1 (Monte Carlo error of 400 particles about 0.05 for the
   * mean; the tolerance inflates the sd a little).
   */
  @Test
  void recoversTheAnalyticPosteriorOfANormalMean() {
    List<AbcSmc.Generation> gens = abc(2).run(NORMAL_MEAN, List.of(), new AbcSmc.Listener() {});
    AbcSmc.Generation last = gens.get(gens.size() - 1);
    double mean = 0;
    double sq = 0;
    for (int i = 0; i < last.particles().length; i++) {
      mean += last.weights()[i] * last.particles()[i][0];
    }
    for (int i = 0; i < last.particles().length; i++) {
      sq += last.weights()[i] * Math.pow(last.particles()[i][0] - mean, 2);
    }
    assertThat(mean).isCloseTo(2, within(0.2));
    assertThat(Math.sqrt(sq)).isCloseTo(1, within(0.25));
    // tolerances fall, weights are normalised, the ESS is between 1 and the population
    for (int g = 2; g < gens.size(); g++) {
      assertThat(gens.get(g).tolerance()).isLessThan(gens.get(g - 1).tolerance());
    }
    assertThat(java.util.Arrays.stream(last.weights()).sum()).isCloseTo(1, within(1e-9));
    assertThat(last.effectiveSampleSize()).isBetween(1.0, 400.0);
  }

  @Test
  void theSameGenerationsForAnyThreadCountAndAfterAResume() {
    List<AbcSmc.Generation> one = abc(1).run(NORMAL_MEAN, List.of(), new AbcSmc.Listener() {});
    List<AbcSmc.Generation> three = abc(3).run(NORMAL_MEAN, List.of(), new AbcSmc.Listener() {});
    List<AbcSmc.Generation> resumed =
        abc(2).run(NORMAL_MEAN, one.subList(0, 3), new AbcSmc.Listener() {});
    assertThat(three).hasSameSizeAs(one);
    assertThat(resumed).hasSameSizeAs(one);
    for (int g = 0; g < one.size(); g++) {
      assertThat(three.get(g).particles()).isDeepEqualTo(one.get(g).particles());
      assertThat(three.get(g).weights()).containsExactly(one.get(g).weights());
      assertThat(resumed.get(g).particles()).isDeepEqualTo(one.get(g).particles());
      assertThat(resumed.get(g).weights()).containsExactly(one.get(g).weights());
    }
  }

  @Test
  void priorsSampleInsideTheirSupportAndLogUniformSpansDecadesEvenly() {
    var rng = RandomSource.SPLIT_MIX_64.create(1L);
    Prior log = Prior.logUniform(0.001, 1);
    int below = 0;
    for (int i = 0; i < 30_000; i++) {
      double x = log.sample(rng);
      assertThat(x).isBetween(0.001, 1.0);
      below += x < 0.01 ? 1 : 0;
    }
    // a third of the draws in the first of three decades: binomial sd 0.0027, bound 7 sd
    assertThat(below / 30_000.0).isCloseTo(1 / 3.0, within(0.02));
    Prior truncated = Prior.normal(0, 1, 0, Double.POSITIVE_INFINITY);
    for (int i = 0; i < 1000; i++) {
      assertThat(truncated.sample(rng)).isGreaterThanOrEqualTo(0);
    }
    assertThat(truncated.logDensity(-0.1)).isEqualTo(Double.NEGATIVE_INFINITY);
    // the half-normal density at 0 is twice the normal's
    assertThat(Math.exp(truncated.logDensity(0)))
        .isCloseTo(2 / Math.sqrt(2 * Math.PI), within(1e-9));
  }

  @Test
  void aBudgetTooSmallForAGenerationKeepsOnlyTheCompleteOnes() {
    AbcSmc small =
        new AbcSmc(List.of(Prior.uniform(-10, 10)), new AbcSmc.Settings(50, 10, 0.5, 0, 200, 3, 1));
    List<AbcSmc.Generation> gens = small.run(NORMAL_MEAN, List.of(), new AbcSmc.Listener() {});
    long spent = gens.stream().mapToLong(AbcSmc.Generation::simulations).sum();
    assertThat(spent).isLessThanOrEqualTo(200);
    assertThat(gens).isNotEmpty().allSatisfy(g -> assertThat(g.particles().length).isEqualTo(50));
  }
}
