package org.polemos.sim.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random draws a mechanism needs, over one {@link UniformRandomProvider} (one per mechanism and
 * replication). Allocation-free except for Poisson means of 30 or more, which delegate to Commons
 * RNG's {@link PoissonSampler}. Not thread-safe (neither is the provider).
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
