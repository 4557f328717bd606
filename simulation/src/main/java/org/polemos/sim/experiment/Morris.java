package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Morris elementary-effects screening (Morris 1991; mu* from Campolongo et al. 2007). Parameters
 * live in the unit cube (callers map them to their bounds); each of {@code r} trajectories starts
 * at a random point of a {@code p}-level grid and moves one parameter at a time, in random order,
 * by {@code delta = p / (2 (p - 1))}. The elementary effect of a parameter is the change of an
 * output divided by delta (in unit-cube terms).
 */
public final class Morris {

  /** One trajectory: {@code k + 1} points and which parameter changed at each step. */
  public record Trajectory(List<double[]> points, int[] order) {}

  /** Summary of one parameter's effects on one output. */
  public record Effect(double mu, double muStar, double sigma, int count) {}

  private Morris() {}

  /** The step between the two points of an elementary effect for {@code levels} levels. */
  public static double delta(int levels) {
    return levels / (2.0 * (levels - 1));
  }

  /**
   * {@code r} trajectories over {@code k} parameters with {@code levels} levels (even, at least 2).
   */
  public static List<Trajectory> design(int k, int r, int levels, long seed) {
    if (levels < 2 || levels % 2 != 0) {
      throw new IllegalArgumentException("levels must be even and at least 2, was " + levels);
    }
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    double delta = delta(levels);
    int startLevels = levels / 2;
    List<Trajectory> trajectories = new ArrayList<>();
    for (int t = 0; t < r; t++) {
      double[] x = new double[k];
      boolean[] up = new boolean[k];
      for (int i = 0; i < k; i++) {
        // A start in the lower half moves up, one in the upper half moves down: both stay in [0,
        // 1].
        int level = rng.nextInt(levels);
        if (level < startLevels) {
          up[i] = true;
        }
        x[i] = level / (double) (levels - 1);
      }
      int[] order = PermutationSampler.natural(k);
      PermutationSampler.shuffle(rng, order);
      List<double[]> points = new ArrayList<>();
      points.add(x.clone());
      for (int i : order) {
        x[i] = up[i] ? x[i] + delta : x[i] - delta;
        x[i] = Math.max(0, Math.min(1, x[i]));
        points.add(x.clone());
      }
      trajectories.add(new Trajectory(points, order));
    }
    return trajectories;
  }

  /**
   * The effects of each parameter given the outputs {@code y[t][s]} at point {@code s} of
   * trajectory {@code t}.
   */
  public static Effect[] effects(List<Trajectory> design, double[][] y) {
    int k = design.get(0).order().length;
    double[] sum = new double[k];
    double[] sumAbs = new double[k];
    double[] sumSq = new double[k];
    int[] count = new int[k];
    for (int t = 0; t < design.size(); t++) {
      Trajectory trajectory = design.get(t);
      for (int s = 0; s < k; s++) {
        int i = trajectory.order()[s];
        double step = trajectory.points().get(s + 1)[i] - trajectory.points().get(s)[i];
        double effect = (y[t][s + 1] - y[t][s]) / step;
        sum[i] += effect;
        sumAbs[i] += Math.abs(effect);
        sumSq[i] += effect * effect;
        count[i]++;
      }
    }
    Effect[] effects = new Effect[k];
    for (int i = 0; i < k; i++) {
      int n = count[i];
      double mu = sum[i] / n;
      double variance = n > 1 ? Math.max(0, (sumSq[i] - n * mu * mu) / (n - 1)) : Double.NaN;
      effects[i] = new Effect(mu, sumAbs[i] / n, Math.sqrt(variance), n);
    }
    return effects;
  }
}
