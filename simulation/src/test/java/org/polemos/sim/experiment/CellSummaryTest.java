package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSummaryTest {

  /**
   * About 95% of the t intervals of many independent experiments of n = 10 contain the known mean.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tIntervalCoversTheKnownMeanAboutNinetyFivePercentOfTheTime(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double trueMean = 50;
    int covered = 0;
    int experiments = 1000;
    for (int e = 0; e < experiments; e++) {
      CellSummary s = new CellSummary();
      for (int i = 0; i < 10; i++) {
        s.add(trueMean + 7 * normal.sample());
      }
      if (s.ciLow() <= trueMean && trueMean <= s.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered / (double) experiments).isBetween(0.93, 0.97);
  }

  @Test
  void welfordMatchesTwoPassAndNaNIsNotCounted() {
    double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    CellSummary s = new CellSummary();
    for (double v : values) {
      s.add(v);
    }
    s.add(Double.NaN);
    double mean = Arrays.stream(values).average().orElseThrow();
    double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    assertThat(s.n()).isEqualTo(values.length);
    assertThat(s.mean()).isCloseTo(mean, within(1e-12));
    assertThat(s.sd()).isCloseTo(Math.sqrt(ss / (values.length - 1)), within(1e-12));
    // t(10) 0.975 quantile is 2.228138852
    assertThat(s.ciHigh() - s.mean())
        .isCloseTo(2.228138852 * s.sd() / Math.sqrt(values.length), within(1e-8));
    assertThat(s.quantile(0.5)).isEqualTo(4);
  }

  @Test
  void fewerThanTwoValuesGiveNaNSpread() {
    CellSummary s = new CellSummary();
    assertThat(s.mean()).isNaN();
    s.add(2);
    assertThat(s.mean()).isEqualTo(2);
    assertThat(s.sd()).isNaN();
    assertThat(s.ciLow()).isNaN();
    assertThat(s.quantile(0.95)).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 37, 200})
  void quantilesAreExactUpToTheLimit(int n) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(n);
    CellSummary s = new CellSummary();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rng.nextDouble() * 100;
      s.add(values[i]);
    }
    Arrays.sort(values);
    for (double p : CellSummary.QUANTILES) {
      assertThat(s.quantile(p)).isEqualTo(CellSummary.exactQuantile(values, p));
    }
  }

  /**
   * Beyond the exact limit the P-square estimates stay close to the exact quantiles of the same
   * data.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void streamingQuantilesAreCloseToExactOnes(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = 20_000;
    double[] values = new double[n];
    CellSummary s = new CellSummary();
    for (int i = 0; i < n; i++) {
      // a skewed mixture: log-normal
      values[i] = Math.exp(0.5 * normal.sample());
      s.add(values[i]);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double spread =
        CellSummary.exactQuantile(sorted, 0.95) - CellSummary.exactQuantile(sorted, 0.05);
    for (double p : CellSummary.QUANTILES) {
      assertThat(s.quantile(p))
          .as("quantile %s", p)
          .isCloseTo(CellSummary.exactQuantile(sorted, p), within(0.02 * spread));
    }
  }

  @Test
  void sameInputGivesTheSameEstimates() {
    CellSummary a = new CellSummary();
    CellSummary b = new CellSummary();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
    for (int i = 0; i < 1000; i++) {
      double v = rng.nextDouble();
      a.add(v);
      b.add(v);
    }
    for (double p : CellSummary.QUANTILES) {
      assertThat(Double.doubleToLongBits(a.quantile(p)))
          .isEqualTo(Double.doubleToLongBits(b.quantile(p)));
    }
  }
}
