package org.polemos.sim.experiment;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Streaming summary of one cell (one date, metric and key) across replications: count, mean and
 * standard deviation by Welford's update, a Student-t 95% confidence interval for the mean, and the
 * 5%, 50% and 95% quantiles.
 *
 * <p>Quantiles are exact (linear interpolation between order statistics, "type 7") while at most
 * {@link #EXACT_LIMIT} values have been seen; beyond that each quantile is tracked by the P-square
 * algorithm (Jain and Chlamtac, 1985), started from the exact order statistics of the first {@code
 * EXACT_LIMIT} values. Memory is therefore bounded whatever the number of replications, and the
 * result depends only on the values and their order, so the same input gives the same bytes.
 *
 * <p>NaN values (e.g. a mean wait in a period without arrivals) are not counted: {@link #n()} is
 * the number of non-NaN values.
 */
public final class CellSummary {
  /** Values kept for exact quantiles before switching to P-square estimates. */
  public static final int EXACT_LIMIT = 200;

  /** The quantiles reported. */
  public static final double[] QUANTILES = {0.05, 0.5, 0.95};

  private long n;
  private double mean;
  private double m2;
  private double[] kept = new double[8];
  private PSquare[] estimators;

  /** Adds one value; NaN is ignored. */
  public void add(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    n++;
    double delta = value - mean;
    mean += delta / n;
    m2 += delta * (value - mean);
    if (estimators == null) {
      if (n <= EXACT_LIMIT) {
        if (n > kept.length) {
          kept = Arrays.copyOf(kept, Math.min(EXACT_LIMIT, kept.length * 2));
        }
        kept[(int) n - 1] = value;
        return;
      }
      double[] sorted = Arrays.copyOf(kept, EXACT_LIMIT);
      Arrays.sort(sorted);
      estimators = new PSquare[QUANTILES.length];
      for (int i = 0; i < QUANTILES.length; i++) {
        estimators[i] = new PSquare(QUANTILES[i], sorted);
      }
      kept = null;
    }
    for (PSquare estimator : estimators) {
      estimator.add(value);
    }
  }

  public long n() {
    return n;
  }

  /** Mean, NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sample standard deviation (n - 1 denominator), NaN when fewer than two values. */
  public double sd() {
    return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2 / (n - 1)));
  }

  /**
   * Half-width of the Student-t interval at {@code level} (e.g. 0.95); NaN when fewer than two
   * values.
   */
  public double halfWidth(double level) {
    if (n < 2) {
      return Double.NaN;
    }
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + level / 2);
    return t * sd() / Math.sqrt(n);
  }

  /** Lower end of the 95% Student-t interval for the mean. */
  public double ciLow() {
    return mean() - halfWidth(0.95);
  }

  /** Upper end of the 95% Student-t interval for the mean. */
  public double ciHigh() {
    return mean() + halfWidth(0.95);
  }

  /**
   * The {@code p} quantile, {@code p} one of {@link #QUANTILES}: exact while n <= {@link
   * #EXACT_LIMIT}, the P-square estimate after; NaN when empty.
   */
  public double quantile(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    if (estimators == null) {
      double[] sorted = Arrays.copyOf(kept, (int) n);
      Arrays.sort(sorted);
      return exactQuantile(sorted, p);
    }
    for (int i = 0; i < QUANTILES.length; i++) {
      if (QUANTILES[i] == p) {
        return estimators[i].estimate();
      }
    }
    throw new IllegalArgumentException(
        "quantile " + p + " is not tracked; tracked: " + Arrays.toString(QUANTILES));
  }

  /** Type-7 quantile of sorted values: linear interpolation at position (n - 1) p. */
  public static double exactQuantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** One P-square estimator: five markers whose middle one tracks the p quantile. */
  static final class PSquare {
    private final double[] q = new double[5];
    private final double[] pos = new double[5];
    private final double[] desired = new double[5];
    private final double[] increment;

    /** Starts from the sorted first values: markers at their exact order statistics. */
    PSquare(double p, double[] sorted) {
      increment = new double[] {0, p / 2, p, (1 + p) / 2, 1};
      int m = sorted.length;
      for (int i = 0; i < 5; i++) {
        desired[i] = 1 + (m - 1) * increment[i];
        pos[i] = 1 + Math.round((m - 1) * increment[i]);
        if (i > 0 && pos[i] <= pos[i - 1]) {
          pos[i] = pos[i - 1] + 1;
        }
        q[i] = sorted[(int) pos[i] - 1];
      }
    }

    void add(double x) {
      int k;
      if (x < q[0]) {
        q[0] = x;
        k = 0;
      } else if (x >= q[4]) {
        q[4] = x;
        k = 3;
      } else {
        k = 0;
        while (k < 3 && x >= q[k + 1]) {
          k++;
        }
      }
      for (int i = k + 1; i < 5; i++) {
        pos[i]++;
      }
      for (int i = 0; i < 5; i++) {
        desired[i] += increment[i];
      }
      for (int i = 1; i <= 3; i++) {
        double d = desired[i] - pos[i];
        if ((d >= 1 && pos[i + 1] - pos[i] > 1) || (d <= -1 && pos[i - 1] - pos[i] < -1)) {
          int s = d > 0 ? 1 : -1;
          double candidate = parabolic(i, s);
          if (q[i - 1] < candidate && candidate < q[i + 1]) {
            q[i] = candidate;
          } else {
            q[i] = q[i] + s * (q[i + s] - q[i]) / (pos[i + s] - pos[i]);
          }
          pos[i] += s;
        }
      }
    }

    private double parabolic(int i, int s) {
      return q[i]
          + s
              / (pos[i + 1] - pos[i - 1])
              * ((pos[i] - pos[i - 1] + s) * (q[i + 1] - q[i]) / (pos[i + 1] - pos[i])
                  + (pos[i + 1] - pos[i] - s) * (q[i] - q[i - 1]) / (pos[i] - pos[i - 1]));
    }

    double estimate() {
      return q[2];
    }
  }
}
