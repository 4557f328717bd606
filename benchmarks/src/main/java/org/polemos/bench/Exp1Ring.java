package org.polemos.bench;

import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A fixed ring of Exp(1) variates shared by every implementation of a hold benchmark, so each pays
 * the same (negligible) cost for its random increments and all see the same sequence of times.
 */
final class Exp1Ring {
  /**
   * 2^20 variates (8 MiB): large enough that the sequence does not visibly repeat within an
   * iteration.
   */
  static final int SIZE = 1 << 20;

  static final int MASK = SIZE - 1;
  static final double[] VALUES = generate(0x5EED_0F_4011DL);

  private Exp1Ring() {}

  private static double[] generate(long seed) {
    ZigguratSampler.Exponential exp =
        ZigguratSampler.Exponential.of(
            new XoShiRo256PlusPlus(
                new long[] {seed, ~seed, seed * 31, seed ^ 0x9E3779B97F4A7C15L}));
    double[] v = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      v[i] = exp.sample();
    }
    return v;
  }
}
