package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * How sure the sensitivity indices are: bootstrap confidence intervals and a convergence check.
 *
 * <ul>
 *   <li>Morris mu*: the trajectories are resampled with replacement {@code resamples} times and mu*
 *       recomputed; the interval is the 2.5% and 97.5% percentiles of the resampled values
 *       (percentile bootstrap, Efron and Tibshirani 1993). Convergence: mu* from the first half of
 *       the trajectories.
 *   <li>Sobol S1 and ST: the N base rows (a row j brings f(A)_j, f(B)_j and every f(A_B^(i))_j) are
 *       resampled with replacement and the indices (with their variance) recomputed; percentile
 *       intervals as above (Archer, Saltelli and Sobol 1997). Convergence: the indices from the
 *       first N/2 rows, which are themselves a Sobol design (a prefix of the sequence).
 * </ul>
 *
 * A large gap between the indices at N/2 and N, or a wide interval, says to raise the sample size
 * before reading the ranking. Deterministic for a given seed.
 */
public final class SensitivityUncertainty {
  /** The bootstrap resamples used by the commands. */
  public static final int RESAMPLES = 1000;

  /** A 95% percentile interval. */
  public record Interval(double low, double high) {}

  /** Per parameter: intervals for S1 and ST, and both indices from the first half of the rows. */
  public record SobolUncertainty(Interval s1, Interval st, Sobol.Index half) {}

  private SensitivityUncertainty() {}

  /**
   * Per parameter: the bootstrap interval of mu* ({@code y[t][s]}: output at point s of trajectory
   * t).
   */
  public static Interval[] morrisMuStar(
      List<Morris.Trajectory> design, double[][] y, int resamples, long seed) {
    int r = design.size();
    int k = design.get(0).order().length;
    double[][] values = new double[k][resamples];
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    for (int b = 0; b < resamples; b++) {
      List<Morris.Trajectory> d = new ArrayList<>(r);
      double[][] yy = new double[r][];
      for (int t = 0; t < r; t++) {
        int pick = rng.nextInt(r);
        d.add(design.get(pick));
        yy[t] = y[pick];
      }
      Morris.Effect[] e = Morris.effects(d, yy);
      for (int i = 0; i < k; i++) {
        values[i][b] = e[i].muStar();
      }
    }
    Interval[] intervals = new Interval[k];
    for (int i = 0; i < k; i++) {
      intervals[i] = percentile(values[i]);
    }
    return intervals;
  }

  /** The Morris effects from the first half of the trajectories (at least one). */
  public static Morris.Effect[] morrisHalf(List<Morris.Trajectory> design, double[][] y) {
    int half = Math.max(1, design.size() / 2);
    return Morris.effects(design.subList(0, half), Arrays.copyOf(y, half));
  }

  /** Per parameter: bootstrap intervals of S1 and ST and the indices from the first N/2 rows. */
  public static SobolUncertainty[] sobol(
      double[] yA, double[] yB, double[][] yAB, int resamples, long seed) {
    int n = yA.length;
    int k = yAB.length;
    double[][] s1 = new double[k][resamples];
    double[][] st = new double[k][resamples];
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    for (int b = 0; b < resamples; b++) {
      int[] rows = new int[n];
      for (int j = 0; j < n; j++) {
        rows[j] = rng.nextInt(n);
      }
      Sobol.Index[] idx = Sobol.indices(pick(yA, rows), pick(yB, rows), pick(yAB, rows));
      for (int i = 0; i < k; i++) {
        s1[i][b] = idx[i].s1();
        st[i][b] = idx[i].st();
      }
    }
    int half = Math.max(2, n / 2);
    int[] first = new int[half];
    for (int j = 0; j < half; j++) {
      first[j] = j;
    }
    Sobol.Index[] halfIndices = Sobol.indices(pick(yA, first), pick(yB, first), pick(yAB, first));
    SobolUncertainty[] out = new SobolUncertainty[k];
    for (int i = 0; i < k; i++) {
      out[i] = new SobolUncertainty(percentile(s1[i]), percentile(st[i]), halfIndices[i]);
    }
    return out;
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int j = 0; j < rows.length; j++) {
      out[j] = v[rows[j]];
    }
    return out;
  }

  private static double[][] pick(double[][] v, int[] rows) {
    double[][] out = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = pick(v[i], rows);
    }
    return out;
  }

  /** The 2.5% and 97.5% percentiles (type 7), ignoring NaN resamples; NaN when all are NaN. */
  static Interval percentile(double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    return new Interval(
        ProperScores.sortedQuantile(finite, 0.025), ProperScores.sortedQuantile(finite, 0.975));
  }
}
