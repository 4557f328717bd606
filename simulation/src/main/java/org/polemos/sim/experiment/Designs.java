package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Experimental designs over parameter values: grids and Latin hypercubes. Deterministic for a given
 * seed.
 */
public final class Designs {
  private Designs() {}

  /** The cartesian product of the value lists, the last parameter varying fastest. */
  public static List<double[]> grid(List<List<Double>> values) {
    List<double[]> points = new ArrayList<>();
    int k = values.size();
    int[] index = new int[k];
    long total = 1;
    for (List<Double> v : values) {
      if (v.isEmpty()) {
        return points;
      }
      total *= v.size();
      if (total > 1_000_000) {
        throw new IllegalArgumentException("the grid has more than 1000000 points");
      }
    }
    for (long p = 0; p < total; p++) {
      double[] point = new double[k];
      for (int i = 0; i < k; i++) {
        point[i] = values.get(i).get(index[i]);
      }
      points.add(point);
      for (int i = k - 1; i >= 0; i--) {
        if (++index[i] < values.get(i).size()) {
          break;
        }
        index[i] = 0;
      }
    }
    return points;
  }

  /**
   * A Latin hypercube of {@code points} points in the box [min, max]: each parameter's range is cut
   * into {@code points} equal strata, each stratum used once, at a uniform position inside it.
   */
  public static List<double[]> latinHypercube(int points, double[] min, double[] max, long seed) {
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1");
    }
    int k = min.length;
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    double[][] unit = new double[points][k];
    for (int j = 0; j < k; j++) {
      int[] strata = PermutationSampler.natural(points);
      PermutationSampler.shuffle(rng, strata);
      for (int i = 0; i < points; i++) {
        unit[i][j] = (strata[i] + rng.nextDouble()) / points;
      }
    }
    List<double[]> design = new ArrayList<>();
    for (double[] u : unit) {
      double[] point = new double[k];
      for (int j = 0; j < k; j++) {
        point[j] = min[j] + u[j] * (max[j] - min[j]);
      }
      design.add(point);
    }
    return design;
  }
}
