package org.polemos.sim.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Random draws a mechanism needs, over one {@link UniformRandomProvider} (one per mechanism and
 * replication). Allocation-free except for Poisson means of 30 or more, which delegate to Commons
 * RNG's {@link PoissonSampler}, and large {@link #hypergeometric} draws, which delegate to Commons
 * Statistics' {@link HypergeometricDistribution}. Not thread-safe (neither is the provider).
 */
public final class Draw {
  private static final double SMALL_MEAN = 30.0;
  private final UniformRandomProvider rng;
  private final ZigguratSampler.NormalizedGaussian gaussian;
  // binomial's last p and log1p(-p), the same value recomputed
  private double log1pOf = Double.NaN;
  private double log1pValue;

  public Draw(UniformRandomProvider rng) {
    this.rng = rng;
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
  }

  public UniformRandomProvider rng() {
    return rng;
  }

  /** Uniform in [0,1). */
  public double uniform() {
    return rng.nextDouble();
  }

  /** Standard normal. */
  public double gaussian() {
    return gaussian.sample();
  }

  public boolean bernoulli(double p) {
    return p > 0 && (p >= 1 || rng.nextDouble() < p);
  }

  /**
   * Means at or above this are drawn from the normal approximation: Commons RNG's exact sampler
   * refuses means beyond about 1.07e9, and at 1e8 the approximation's error (skewness 1e-4) is far
   * below anything a model output can resolve.
   */
  static final double LARGE_MEAN = 1e8;

  /**
   * Poisson with the given mean (exact: inversion for small means, Commons RNG up to {@link
   * #LARGE_MEAN}, then the normal approximation, never negative, at most {@link Long#MAX_VALUE}).
   */
  public long poisson(double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean >= LARGE_MEAN) {
      double k = Math.rint(mean + Math.sqrt(mean) * gaussian.sample());
      return k <= 0 ? 0 : k >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) k;
    }
    if (mean < SMALL_MEAN) {
      double u = rng.nextDouble();
      double p = Math.exp(-mean);
      double cdf = p;
      long k = 0;
      while (u > cdf) {
        k++;
        p *= mean / k;
        cdf += p;
        if (p < 1e-300 && k > mean) {
          break;
        }
      }
      return k;
    }
    return PoissonSampler.of(rng, mean).sample();
  }

  /**
   * Binomial(n, p): exact inversion when the expected count of the rarer outcome is below 30,
   * otherwise the normal approximation with continuity correction, clamped to [0, n].
   */
  public long binomial(long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(n, 1 - p);
    }
    double mean = n * p;
    if (mean < SMALL_MEAN) {
      double q = 1 - p;
      double r = p / q;
      if (p != log1pOf) { // the same p comes many times in a row (a hazard over many groups)
        log1pOf = p;
        log1pValue = Math.log1p(-p);
      }
      double pk = Math.exp(n * log1pValue);
      double cdf = pk;
      double u = rng.nextDouble();
      long k = 0;
      while (u > cdf && k < n) {
        pk *= r * (n - k) / (k + 1);
        k++;
        cdf += pk;
        if (pk < 1e-300 && k > mean) {
          break;
        }
      }
      return k;
    }
    long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian.sample());
    return Math.max(0, Math.min(n, k));
  }

  /**
   * At most this many individuals are picked one by one in {@link #hypergeometric}; beyond, each
   * cell's count is a conditional hypergeometric draw.
   */
  static final long FEW_PICKS = 48;

  /**
   * The multivariate hypergeometric law: {@code k} individuals chosen uniformly at random without
   * replacement among the {@code counts[0] + ... + counts[n - 1]} individuals of {@code n} cells;
   * writes into {@code taken[i]} how many were chosen from cell i ({@code counts} is not changed).
   * Exact: when the fewer of the chosen and the not chosen are at most {@link #FEW_PICKS} they are
   * picked one by one (each uniform over the individuals left, one {@code nextLong} each);
   * otherwise cell after cell, {@code taken[i]} ~ Hypergeometric(individuals left, {@code
   * counts[i]}, picks left), by Commons Statistics (inversion, one uniform each). Populations
   * beyond {@link Integer#MAX_VALUE} (which Commons Statistics cannot take) fall back to the
   * conditional binomial, clamped to the support: the with-replacement approximation.
   *
   * @param k how many to choose, in [0, total]
   * @throws IllegalArgumentException if k is negative or above the total, or a count is negative
   */
  public void hypergeometric(long k, long[] counts, int n, long[] taken) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("negative count " + counts[i] + " in cell " + i);
      }
      total += counts[i];
    }
    if (k < 0 || k > total) {
      throw new IllegalArgumentException("cannot choose " + k + " of " + total);
    }
    // choose the rarer side: the chosen, or the ones left
    boolean complement = k > total - k;
    long m = complement ? total - k : k;
    java.util.Arrays.fill(taken, 0, n, 0L);
    if (m <= FEW_PICKS) {
      for (long left = total; m > 0; m--, left--) {
        long u = rng.nextLong(left);
        for (int i = 0; i < n; i++) {
          long here = counts[i] - taken[i];
          if (u < here) {
            taken[i]++;
            break;
          }
          u -= here;
        }
      }
    } else {
      long left = total;
      for (int i = 0; i < n && m > 0; i++) {
        long c = counts[i];
        if (c == 0) {
          continue;
        }
        long x;
        if (c == left) {
          x = m;
        } else if (left <= Integer.MAX_VALUE) {
          x =
              HypergeometricDistribution.of((int) left, (int) c, (int) m)
                  .createSampler(rng)
                  .sample();
        } else {
          x = Math.max(m - (left - c), Math.min(c, binomial(m, (double) c / left)));
        }
        taken[i] = x;
        m -= x;
        left -= c;
      }
    }
    if (complement) {
      for (int i = 0; i < n; i++) {
        taken[i] = counts[i] - taken[i];
      }
    }
  }

  /**
   * {@code floor(x)} plus one with probability {@code x - floor(x)}: an unbiased integer for x >=
   * 0.
   */
  public long stochasticRound(double x) {
    if (!(x > 0)) {
      return 0;
    }
    double f = Math.floor(x);
    return (long) f + (rng.nextDouble() < x - f ? 1 : 0);
  }

  /**
   * An index in [0, n) drawn with probability proportional to {@code weights[i]}; -1 if all are
   * zero.
   */
  public int pick(long[] weights, int n) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    if (total <= 0) {
      return -1;
    }
    long u = rng.nextLong(total);
    for (int i = 0; i < n; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return n - 1;
  }

  /**
   * An index in [0, n) drawn with probability proportional to {@code weights[i]}; -1 if all are
   * zero.
   */
  public int pick(double[] weights, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    if (!(total > 0)) {
      return -1;
    }
    double u = rng.nextDouble() * total;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        last = i;
        u -= weights[i];
        if (u < 0) {
          return i;
        }
      }
    }
    return last;
  }
}
