package org.polemos.sim.experiment;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Which row of a weighted sample of parameter sets (a posterior or prior file) each replication
 * uses: replication {@code i} draws one row with probability proportional to its weight from a
 * generator keyed by (seed, i) only, so the choice does not depend on threads or on the other
 * replications.
 */
public final class ParameterDraws {
  private final double[] cumulative;
  private final long seed;

  /** Draws among rows with these (non-negative, not all zero) weights. */
  public ParameterDraws(double[] weights, long seed) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("no rows to draw from");
    }
    cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "weight of row " + i + " is not a finite non-negative number");
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the weights sum to 0");
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    this.seed = seed;
  }

  /** The row (from 0) replication {@code replication} uses. */
  public int row(int replication) {
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(mix(seed, replication));
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /**
   * One 64-bit seed from two numbers (the SplitMix64 finaliser of {@code a + golden * (b + 1)}), so
   * generators keyed by nearby pairs start from unrelated states.
   */
  public static long mix(long a, long b) {
    long z = a + 0x9E3779B97F4A7C15L * (b + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
