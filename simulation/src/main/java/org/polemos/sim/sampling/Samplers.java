package org.polemos.sim.sampling;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.polemos.model.distribution.DistributionSpec;

/** Builds Commons RNG samplers from the model's {@link DistributionSpec}s. */
public final class Samplers {
  private Samplers() {}

  /**
   * A sampler of {@code spec} drawing from {@code rng}; negative draws are clamped to 0. A
   * distribution whose parameters the sampler refuses, or that gives a value that is not finite,
   * throws {@link SampleException} naming {@code spec}, so that the engine can name the scenario
   * field it came from (a run never goes on with an infinite or NaN delay).
   */
  public static ContinuousSampler of(DistributionSpec spec, UniformRandomProvider rng) {
    ContinuousSampler s;
    try {
      s = raw(spec, rng);
    } catch (IllegalArgumentException e) {
      throw new SampleException(spec, "the sampler refuses its parameters: " + e.getMessage());
    }
    return () -> {
      double x = s.sample();
      if (!(x < Double.POSITIVE_INFINITY)) {
        // NaN or +infinity; -infinity is clamped to 0 like any negative draw
        throw new SampleException(spec, "a draw was " + x + " (parameters too extreme)");
      }
      return Math.max(0.0, x);
    };
  }

  /** A distribution of the scenario that cannot be sampled; {@link #spec()} is the very object. */
  public static final class SampleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DistributionSpec spec;

    public SampleException(DistributionSpec spec, String message) {
      super(message);
      this.spec = spec;
    }

    public DistributionSpec spec() {
      return spec;
    }
  }

  private static ContinuousSampler raw(DistributionSpec spec, UniformRandomProvider rng) {
    if (spec instanceof DistributionSpec.Fixed f) {
      double v = f.value();
      return () -> v;
    } else if (spec instanceof DistributionSpec.Exponential e) {
      return ZigguratSampler.Exponential.of(rng, e.mean());
    } else if (spec instanceof DistributionSpec.LogNormal l) {
      return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), l.mu(), l.sigma());
    } else if (spec instanceof DistributionSpec.Gamma g) {
      return AhrensDieterMarsagliaTsangGammaSampler.of(rng, g.shape(), g.scale());
    } else if (spec instanceof DistributionSpec.Uniform u) {
      double lo = u.min();
      double width = u.max() - u.min();
      return () -> lo + width * rng.nextDouble();
    } else if (spec instanceof DistributionSpec.Triangular t) {
      double a = t.min();
      double c = t.mode();
      double b = t.max();
      double fc = b > a ? (c - a) / (b - a) : 0.5;
      return () -> {
        double u = rng.nextDouble();
        return u < fc
            ? a + Math.sqrt(u * (b - a) * (c - a))
            : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      };
    } else if (spec instanceof DistributionSpec.Empirical e) {
      List<Double> values = e.values();
      double[] cumulative = new double[values.size()];
      double total = 0;
      for (int i = 0; i < cumulative.length; i++) {
        total += e.weights().get(i);
        cumulative[i] = total;
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      double sum = total;
      return () -> {
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < cumulative.length; i++) {
          if (u < cumulative[i]) {
            return v[i];
          }
        }
        return v[v.length - 1];
      };
    }
    throw new IllegalArgumentException("unsupported distribution: " + spec);
  }
}
