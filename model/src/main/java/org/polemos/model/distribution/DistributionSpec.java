package org.polemos.model.distribution;

import java.util.List;

/**
 * A probability distribution of a non-negative duration or quantity, as written in scenario files
 * with a {@code type} field ({@code fixed}, {@code exponential}, {@code lognormal}, {@code gamma},
 * {@code uniform}, {@code triangular}, {@code empirical}). Specs only describe; the simulation
 * builds samplers from them.
 */
public sealed interface DistributionSpec {

  /** The {@code type} written in files. */
  String type();

  /** The mean of the distribution. */
  double mean();

  /** Always {@code value}. */
  record Fixed(double value) implements DistributionSpec {
    @Override
    public String type() {
      return "fixed";
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential with the given mean (rate 1/mean). */
  record Exponential(double mean) implements DistributionSpec {
    @Override
    public String type() {
      return "exponential";
    }
  }

  /**
   * Log-normal: log of the value is normal with mean {@code mu} and standard deviation {@code
   * sigma}.
   */
  record LogNormal(double mu, double sigma) implements DistributionSpec {
    @Override
    public String type() {
      return "lognormal";
    }

    @Override
    public double mean() {
      return Math.exp(mu + sigma * sigma / 2);
    }
  }

  /** Gamma with {@code shape} k and {@code scale} theta (mean k theta). */
  record Gamma(double shape, double scale) implements DistributionSpec {
    @Override
    public String type() {
      return "gamma";
    }

    @Override
    public double mean() {
      return shape * scale;
    }
  }

  /** Uniform on [min, max]. */
  record Uniform(double min, double max) implements DistributionSpec {
    @Override
    public String type() {
      return "uniform";
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /** Triangular on [min, max] with the given mode. */
  record Triangular(double min, double mode, double max) implements DistributionSpec {
    @Override
    public String type() {
      return "triangular";
    }

    @Override
    public double mean() {
      return (min + mode + max) / 3;
    }
  }

  /**
   * A discrete distribution over {@code values} with relative {@code weights} (same length, not all
   * zero).
   */
  record Empirical(List<Double> values, List<Double> weights) implements DistributionSpec {
    public Empirical {
      values = values == null ? List.of() : List.copyOf(values);
      weights = weights == null ? List.of() : List.copyOf(weights);
    }

    @Override
    public String type() {
      return "empirical";
    }

    @Override
    public double mean() {
      double total = 0;
      double weighted = 0;
      for (int i = 0; i < Math.min(values.size(), weights.size()); i++) {
        total += weights.get(i);
        weighted += weights.get(i) * values.get(i);
      }
      return weighted / total;
    }
  }
}
