package org.polemos.sim.experiment;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Which calibration targets any free parameter can move: local sensitivities over the prior box. At
 * the box centre and at {@code points - 1} further points drawn uniformly in the box (from {@code
 * seed}), each parameter is moved down and up by {@code STEP} of its range (kept inside the box)
 * and every target evaluated (with common random numbers, so the difference is the parameter's
 * effect, not noise). The effect of parameter i on target t is the change per full range of i,
 * {@code (f(x+) - f(x-)) / ((x+_i - x-_i) / range_i)}; its size relative to the target's scale (the
 * observed value, or the width of a reported range if larger) is the relative effect. A target
 * whose largest relative effect over all points and parameters is below {@code threshold} is
 * flagged: no free parameter moves it, so it only adds a constant to the loss (or a constant to
 * every ABC distance).
 */
public final class Identifiability {
  /** The step of each central difference, as a share of the parameter's range. */
  public static final double STEP = 0.05;

  /**
   * Per target: the largest relative effect, the parameter (index) that has it (-1 if none moved
   * it), and whether it is at least the threshold.
   */
  public record Result(
      double[] maxRelativeEffect, int[] parameter, boolean[] moved, int evaluations) {}

  private Identifiability() {}

  /**
   * @param targets the target values at a parameter vector (NaN entries, or a null result for an
   *     invalid vector, are skipped)
   */
  public static Result check(
      Function<double[], double[]> targets,
      double[] low,
      double[] high,
      double[] scale,
      int points,
      long seed,
      double threshold) {
    int k = low.length;
    int n = scale.length;
    double[] best = new double[n];
    int[] which = new int[n];
    java.util.Arrays.fill(which, -1);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int evaluations = 0;
    for (int p = 0; p < points; p++) {
      double[] x = new double[k];
      for (int i = 0; i < k; i++) {
        double u = p == 0 ? 0.5 : rng.nextDouble();
        x[i] = low[i] + u * (high[i] - low[i]);
      }
      for (int i = 0; i < k; i++) {
        double range = high[i] - low[i];
        double[] down = x.clone();
        double[] up = x.clone();
        down[i] = Math.max(low[i], x[i] - STEP * range);
        up[i] = Math.min(high[i], x[i] + STEP * range);
        double[] fDown = targets.apply(down);
        double[] fUp = targets.apply(up);
        evaluations += 2;
        if (fDown == null || fUp == null) {
          continue;
        }
        double share = (up[i] - down[i]) / range;
        for (int t = 0; t < n; t++) {
          double effect = Math.abs(fUp[t] - fDown[t]) / share;
          double relative = effect / (scale[t] > 0 ? scale[t] : 1);
          if (Double.isFinite(relative) && relative > best[t]) {
            best[t] = relative;
            which[t] = i;
          }
        }
      }
    }
    boolean[] moved = new boolean[n];
    for (int t = 0; t < n; t++) {
      moved[t] = best[t] >= threshold;
    }
    return new Result(best, which, moved, evaluations);
  }
}
