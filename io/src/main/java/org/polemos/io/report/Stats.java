package org.polemos.io.report;

import java.util.Arrays;

/**
 * Summary of one simulated value across replications at one date.
 *
 * @param n replications with a finite value
 * @param mean their mean (NaN when n is 0)
 * @param p05 5th percentile
 * @param p50 median
 * @param p95 95th percentile
 */
public record Stats(int n, double mean, double p05, double p50, double p95) {

  /**
   * The summary of {@code values} (NaN ignored); percentiles interpolate linearly between order
   * statistics.
   */
  public static Stats of(double[] values, int count) {
    double[] sorted = Arrays.stream(values, 0, count).filter(Double::isFinite).sorted().toArray();
    if (sorted.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Stats(
        sorted.length,
        sum / sorted.length,
        quantile(sorted, 0.05),
        quantile(sorted, 0.5),
        quantile(sorted, 0.95));
  }

  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
