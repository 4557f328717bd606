package org.polemos.sim.experiment.abc;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * The prior distribution of one free parameter of an ABC calibration. ABC-SMC perturbs particles in
 * a working space: the logarithm of the value for a log-uniform prior (so a kernel spans decades
 * evenly), the value itself otherwise; {@link #logDensity} is the density in that working space.
 *
 * <ul>
 *   <li>{@code uniform}: uniform on [min, max];
 *   <li>{@code log-uniform}: the logarithm uniform on [ln min, ln max] (0 < min < max);
 *   <li>{@code normal}: normal with mean and sd; truncated to [min, max] when either bound is
 *       finite ("truncated normal").
 * </ul>
 *
 * @param kind the kind of distribution
 * @param min lower bound (may be -infinity for a normal)
 * @param max upper bound (may be +infinity for a normal)
 * @param mean mean of a normal (NaN otherwise)
 * @param sd standard deviation of a normal (NaN otherwise)
 */
public record Prior(Kind kind, double min, double max, double mean, double sd) {

  /** The kinds of prior offered. */
  public enum Kind {
    UNIFORM("uniform"),
    LOG_UNIFORM("log-uniform"),
    NORMAL("normal");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The kind with this code, or null. */
    public static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return null;
    }
  }

  public Prior {
    switch (kind) {
      case UNIFORM -> {
        if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max)) {
          throw new IllegalArgumentException("a uniform prior needs finite min < max");
        }
      }
      case LOG_UNIFORM -> {
        if (!(min > 0) || !(max > min) || Double.isInfinite(max)) {
          throw new IllegalArgumentException("a log-uniform prior needs 0 < min < max");
        }
      }
      case NORMAL -> {
        if (!(sd > 0) || !Double.isFinite(mean) || !(max > min)) {
          throw new IllegalArgumentException(
              "a normal prior needs a finite mean, sd > 0 and min < max");
        }
      }
    }
  }

  public static Prior uniform(double min, double max) {
    return new Prior(Kind.UNIFORM, min, max, Double.NaN, Double.NaN);
  }

  public static Prior logUniform(double min, double max) {
    return new Prior(Kind.LOG_UNIFORM, min, max, Double.NaN, Double.NaN);
  }

  /** A normal prior, truncated to [min, max] unless both are infinite. */
  public static Prior normal(double mean, double sd, double min, double max) {
    return new Prior(Kind.NORMAL, min, max, mean, sd);
  }

  private ContinuousDistribution normalDistribution() {
    return Double.isInfinite(min) && Double.isInfinite(max)
        ? NormalDistribution.of(mean, sd)
        : TruncatedNormalDistribution.of(mean, sd, min, max);
  }

  /** A draw (a parameter value). */
  public double sample(UniformRandomProvider rng) {
    return switch (kind) {
      case UNIFORM -> min + rng.nextDouble() * (max - min);
      case LOG_UNIFORM ->
          Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min)));
      case NORMAL -> normalDistribution().inverseCumulativeProbability(open(rng.nextDouble()));
    };
  }

  private static double open(double u) {
    return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
  }

  /** The working-space coordinate of a value. */
  public double toWork(double value) {
    return kind == Kind.LOG_UNIFORM ? Math.log(value) : value;
  }

  /** The value of a working-space coordinate. */
  public double fromWork(double work) {
    return kind == Kind.LOG_UNIFORM ? Math.exp(work) : work;
  }

  /** The log density at working coordinate {@code work}; -infinity outside the support. */
  public double logDensity(double work) {
    double value = fromWork(work);
    if (!(value >= min && value <= max)) {
      return Double.NEGATIVE_INFINITY;
    }
    return switch (kind) {
      case UNIFORM -> -Math.log(max - min);
      case LOG_UNIFORM -> -Math.log(Math.log(max) - Math.log(min));
      case NORMAL -> normalDistribution().logDensity(value);
    };
  }

  /**
   * The box over which a target's sensitivity is checked: [min, max], or mean -/+ 3 sd for an
   * unbounded side of a normal prior.
   */
  public double boxLow() {
    return Double.isInfinite(min) ? mean - 3 * sd : min;
  }

  /** See {@link #boxLow}. */
  public double boxHigh() {
    return Double.isInfinite(max) ? mean + 3 * sd : max;
  }
}
