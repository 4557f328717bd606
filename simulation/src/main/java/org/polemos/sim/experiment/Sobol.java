package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Variance-based (Sobol) sensitivity indices by the sampling scheme of Saltelli et al. (2010),
 * "Variance based sensitivity analysis of model output. Design and estimator for the total
 * sensitivity index", Computer Physics Communications 181. Parameters live in the unit cube
 * (callers map them to their bounds).
 *
 * <p>Design: the {@code N x 2k} points of a Sobol low-discrepancy sequence (Commons Math 3, Joe-Kuo
 * direction numbers; the all-zero first point skipped) are given a random shift modulo 1 drawn from
 * {@code seed} (Cranley-Patterson rotation); the first {@code k} columns form matrix {@code A}, the
 * last {@code k} matrix {@code B}, and {@code A_B^(i)} is {@code A} with column {@code i} taken
 * from {@code B}. The model is evaluated at {@code N (k + 2)} points.
 *
 * <p>Estimators, with {@code V} the variance of all outputs at {@code A} and {@code B} together:
 * first order {@code S_i = (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V} (Saltelli 2010, table 2
 * (b)); total effect {@code ST_i = (1/(2N)) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V} (Jansen 1999,
 * table 2 (f)). A parameter the output does not depend on has {@code f(A_B^(i)) = f(A)} and so gets
 * {@code S_i = ST_i = 0} exactly.
 */
public final class Sobol {

  /** The base matrices: {@code a[j]} and {@code b[j]} are the j-th rows, each of length k. */
  public record Design(double[][] a, double[][] b) {

    public int samples() {
      return a.length;
    }

    public int parameters() {
      return a[0].length;
    }

    /** {@code A} with column {@code i} taken from {@code B}. */
    public double[][] ab(int i) {
      double[][] m = new double[a.length][];
      for (int j = 0; j < a.length; j++) {
        m[j] = a[j].clone();
        m[j][i] = b[j][i];
      }
      return m;
    }

    /** All {@code N (k + 2)} points: the rows of A, then of B, then of A_B^(0), ..., A_B^(k-1). */
    public List<double[]> points() {
      List<double[]> points = new ArrayList<>();
      for (double[] row : a) {
        points.add(row.clone());
      }
      for (double[] row : b) {
        points.add(row.clone());
      }
      for (int i = 0; i < parameters(); i++) {
        for (double[] row : ab(i)) {
          points.add(row);
        }
      }
      return points;
    }
  }

  /** The first-order and total-effect indices of one parameter. */
  public record Index(double s1, double st) {}

  private Sobol() {}

  /**
   * The number of model evaluations for {@code n} base samples and {@code k} parameters: {@code n
   * (k + 2)}.
   */
  public static long evaluations(int n, int k) {
    return (long) n * (k + 2);
  }

  /**
   * A design with {@code n} base samples over {@code k} parameters (1 <= 2k <= 1000), rotated by
   * {@code seed}.
   */
  public static Design design(int k, int n, long seed) {
    if (k < 1 || 2 * k > 1000) {
      throw new IllegalArgumentException(
          "the number of parameters must be between 1 and 500, was " + k);
    }
    if (n < 2) {
      throw new IllegalArgumentException("at least 2 base samples are needed, was " + n);
    }
    SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * k);
    sequence.skipTo(1);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    double[] shift = new double[2 * k];
    for (int c = 0; c < shift.length; c++) {
      shift[c] = rng.nextDouble();
    }
    double[][] a = new double[n][k];
    double[][] b = new double[n][k];
    for (int j = 0; j < n; j++) {
      double[] u = sequence.nextVector();
      for (int c = 0; c < 2 * k; c++) {
        double v = u[c] + shift[c];
        v = v >= 1 ? v - 1 : v;
        if (c < k) {
          a[j][c] = v;
        } else {
          b[j][c - k] = v;
        }
      }
    }
    return new Design(a, b);
  }

  /**
   * The indices of each parameter from the outputs at A ({@code yA[j]}), B ({@code yB[j]}) and
   * A_B^(i) ({@code yAB[i][j]}). When the outputs do not vary at all ({@code V = 0}) every index is
   * NaN.
   */
  public static Index[] indices(double[] yA, double[] yB, double[][] yAB) {
    int n = yA.length;
    if (yB.length != n) {
      throw new IllegalArgumentException("yA and yB differ in length: " + n + " and " + yB.length);
    }
    double mean = 0;
    for (int j = 0; j < n; j++) {
      mean += yA[j] + yB[j];
    }
    mean /= 2 * n;
    double variance = 0;
    for (int j = 0; j < n; j++) {
      variance += (yA[j] - mean) * (yA[j] - mean) + (yB[j] - mean) * (yB[j] - mean);
    }
    variance /= 2 * n - 1;
    Index[] indices = new Index[yAB.length];
    for (int i = 0; i < yAB.length; i++) {
      if (yAB[i].length != n) {
        throw new IllegalArgumentException(
            "yAB[" + i + "] has " + yAB[i].length + " values, expected " + n);
      }
      double first = 0;
      double total = 0;
      for (int j = 0; j < n; j++) {
        double d = yAB[i][j] - yA[j];
        first += yB[j] * d;
        total += d * d;
      }
      indices[i] =
          variance > 0
              ? new Index(first / n / variance, total / (2.0 * n) / variance)
              : new Index(Double.NaN, Double.NaN);
    }
    return indices;
  }
}
