package org.polemos.sim.experiment;

import java.util.Arrays;

/**
 * Scores of a predictive distribution, given as a sample (e.g. one value per posterior-predictive
 * replication), against an observed value (Gneiting and Raftery 2007, "Strictly proper scoring
 * rules, prediction, and estimation", JASA 102).
 *
 * <ul>
 *   <li>CRPS, the continuous ranked probability score, in the units of the quantity (lower is
 *       better; 0 only for a point forecast equal to the observation): for the empirical
 *       distribution of a sample {@code x_1..x_m}, {@code CRPS = (1/m) sum |x_i - y| - (1/(2 m^2))
 *       sum_ij |x_i - x_j|}, computed in O(m log m) from the sorted sample. For a normal predictive
 *       distribution it equals the closed form {@link #crpsNormal} as m grows.
 *   <li>Central intervals: the {@code level} central predictive interval is [q((1-level)/2),
 *       q((1+level)/2)] of the sample (quantiles by linear interpolation, "type 7").
 * </ul>
 */
public final class ProperScores {
  private ProperScores() {}

  /** The CRPS of the empirical distribution of {@code sample} at observation {@code y}. */
  public static double crps(double[] sample, double y) {
    int m = sample.length;
    if (m == 0) {
      return Double.NaN;
    }
    double[] x = sample.clone();
    Arrays.sort(x);
    double absToObservation = 0;
    for (double v : x) {
      absToObservation += Math.abs(v - y);
    }
    // sum_ij |x_i - x_j| = 2 sum_i (2i - m + 1) x_(i) for the sorted sample, i from 0
    double spread = 0;
    for (int i = 0; i < m; i++) {
      spread += (2.0 * i - m + 1) * x[i];
    }
    spread *= 2;
    return absToObservation / m - spread / (2.0 * m * m);
  }

  /**
   * The CRPS of a normal distribution N(mu, sigma^2) at {@code y}: {@code sigma (z (2 Phi(z) - 1) +
   * 2 phi(z) - 1 / sqrt(pi))}, {@code z = (y - mu) / sigma}.
   */
  public static double crpsNormal(double mu, double sigma, double y) {
    double z = (y - mu) / sigma;
    double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    double cdf =
        org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
            .cumulativeProbability(z);
    return sigma * (z * (2 * cdf - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
  }

  /**
   * The {@code p}-quantile of {@code sample} (linear interpolation between order statistics, "type
   * 7").
   */
  public static double quantile(double[] sample, double p) {
    double[] x = sample.clone();
    Arrays.sort(x);
    return sortedQuantile(x, p);
  }

  static double sortedQuantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Whether {@code y} lies in the central {@code level} interval of {@code sample} (bounds
   * included).
   */
  public static boolean inCentralInterval(double[] sample, double y, double level) {
    double[] x = sample.clone();
    Arrays.sort(x);
    return y >= sortedQuantile(x, (1 - level) / 2) && y <= sortedQuantile(x, (1 + level) / 2);
  }

  /** The mean of {@code sample}. */
  public static double mean(double[] sample) {
    double sum = 0;
    for (double v : sample) {
      sum += v;
    }
    return sum / sample.length;
  }
}
