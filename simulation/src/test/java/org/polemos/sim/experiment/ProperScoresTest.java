package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProperScoresTest {

  /** The empirical CRPS of a large normal sample agrees with the closed form for N(mu, sigma^2). */
  @ParameterizedTest
  @CsvSource({"0, 1, 0", "0, 1, 1.5", "10, 2, 4", "-3, 0.5, -3.2", "1000, 100, 1300"})
  void sampleCrpsOfANormalSampleMatchesTheClosedForm(double mu, double sigma, double y) {
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(42L);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] sample = new double[200_000];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = mu + sigma * gauss.sample();
    }
    double exact = ProperScores.crpsNormal(mu, sigma, y);
    // The Monte Carlo error of the sample CRPS is below 0.005 sigma here (sd about sigma /
    // sqrt(m)).
    assertThat(ProperScores.crps(sample, y)).isCloseTo(exact, within(0.01 * sigma));
  }

  @Test
  void closedFormValues() {
    // CRPS of N(0,1) at its mean: 2 phi(0) - 1/sqrt(pi) = (sqrt(2) - 1) / sqrt(pi)
    assertThat(ProperScores.crpsNormal(0, 1, 0))
        .isCloseTo((Math.sqrt(2) - 1) / Math.sqrt(Math.PI), within(1e-12));
    // far from the mean the CRPS approaches the absolute error
    assertThat(ProperScores.crpsNormal(0, 1, 50))
        .isCloseTo(50 - 1 / Math.sqrt(Math.PI), within(1e-9));
    assertThat(ProperScores.crpsNormal(5, 2, 5))
        .isCloseTo(2 * ProperScores.crpsNormal(0, 1, 0), within(1e-12));
  }

  @Test
  void smallSamplesByHand() {
    // {0, 1} at 0: mean |x - y| = 0.5; (1/(2 m^2)) sum |x_i - x_j| = 2/8 = 0.25
    assertThat(ProperScores.crps(new double[] {1, 0}, 0)).isCloseTo(0.25, within(1e-15));
    // a point forecast scores its absolute error
    assertThat(ProperScores.crps(new double[] {3, 3, 3}, 5)).isCloseTo(2, within(1e-15));
    assertThat(ProperScores.crps(new double[] {3}, 3)).isZero();
  }

  @Test
  void centralIntervalsAndQuantiles() {
    double[] sample = new double[101];
    for (int i = 0; i <= 100; i++) {
      sample[100 - i] = i;
    }
    assertThat(ProperScores.quantile(sample, 0.05)).isEqualTo(5);
    assertThat(ProperScores.quantile(sample, 0.5)).isEqualTo(50);
    assertThat(ProperScores.inCentralInterval(sample, 25, 0.5)).isTrue();
    assertThat(ProperScores.inCentralInterval(sample, 24.9, 0.5)).isFalse();
    assertThat(ProperScores.inCentralInterval(sample, 95, 0.9)).isTrue();
    assertThat(ProperScores.inCentralInterval(sample, 95.5, 0.9)).isFalse();
  }
}
