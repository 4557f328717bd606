package org.polemos.model.validation;

import java.util.List;
import org.polemos.model.distribution.DistributionSpec;

/**
 * The bound checks a parameter record runs on itself (see {@link
 * org.polemos.model.process.ProcessParameters#check}): each method reports a {@link Problem} at
 * {@code prefix.field} when the value is out of bounds and returns whether it was in bounds, so a
 * consistency check between two fields can run only when both are valid.
 */
public final class Checks {
  private final List<Problem> problems;
  private final String prefix;

  /**
   * Checks that add their problems to {@code problems}, with paths below {@code prefix} ("" for the
   * root).
   */
  public Checks(List<Problem> problems, String prefix) {
    this.problems = problems;
    this.prefix = prefix == null ? "" : prefix;
  }

  /** Checks of the nested record at {@code field}. */
  public Checks at(String field) {
    return new Checks(problems, path(field));
  }

  /** The full path of {@code field} ("" is the prefix itself). */
  public String path(String field) {
    if (field == null || field.isEmpty()) {
      return prefix;
    }
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  /** Reports {@code message} at {@code field}. */
  public void add(String field, String message) {
    problems.add(new Problem(path(field), message));
  }

  /** Reports "is required" when {@code value} is null. */
  public boolean required(Object value, String field) {
    if (value == null) {
      add(field, "is required");
      return false;
    }
    return true;
  }

  public boolean finite(double value, String field) {
    if (!Double.isFinite(value)) {
      add(field, "must be a finite number, was " + number(value));
      return false;
    }
    return true;
  }

  public boolean nonNegative(double value, String field) {
    if (!finite(value, field)) {
      return false;
    }
    if (value < 0) {
      add(field, "must be >= 0, was " + number(value));
      return false;
    }
    return true;
  }

  public boolean positive(double value, String field) {
    if (!finite(value, field)) {
      return false;
    }
    if (value <= 0) {
      add(field, "must be > 0, was " + number(value));
      return false;
    }
    return true;
  }

  /**
   * A finite value in [0, {@code max}]: {@link #nonNegative} then {@link #atMost}, the bound
   * reported only when the value is a non-negative number; returns whether it is acceptable.
   */
  public boolean nonNegativeAtMost(double value, double max, String field) {
    return atMost(nonNegative(value, field), value, max, field);
  }

  /** A value in [0, 1]. */
  public boolean fraction(double value, String field) {
    if (!finite(value, field)) {
      return false;
    }
    if (value < 0 || value > 1) {
      add(field, "must be in [0, 1], was " + number(value));
      return false;
    }
    return true;
  }

  /**
   * Reports {@code value} above {@code max} when the check before it passed ({@code ok}); returns
   * whether the value is acceptable. The upper bounds keep runs finite and terminating ({@link
   * Limits}, docs/SCENARIO-FORMAT.md).
   */
  public boolean atMost(boolean ok, double value, double max, String field) {
    if (ok && value > max) {
      add(
          field,
          "must be <= "
              + number(max)
              + " (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was "
              + number(value));
      return false;
    }
    return ok;
  }

  /** A finite value in [min, max]. */
  public boolean between(double value, double min, double max, String field) {
    if (!finite(value, field)) {
      return false;
    }
    if (value < min || value > max) {
      add(field, "must be in [" + number(min) + ", " + number(max) + "], was " + number(value));
      return false;
    }
    return true;
  }

  /**
   * Parameter checks of one distribution at {@code field}; reports "is required" when it is
   * missing.
   */
  public void distribution(DistributionSpec spec, String field) {
    if (!required(spec, field)) {
      return;
    }
    Checks d = at(field);
    double days = Limits.MAX_DAYS;
    if (spec instanceof DistributionSpec.Fixed f) {
      d.nonNegativeAtMost(f.value(), days, "value");
    } else if (spec instanceof DistributionSpec.Exponential e) {
      d.atMost(d.positive(e.mean(), "mean"), e.mean(), days, "mean");
    } else if (spec instanceof DistributionSpec.LogNormal l) {
      if (d.finite(l.mu(), "mu") && Math.abs(l.mu()) > Limits.MAX_LOG_MU) {
        d.add(
            "mu",
            "must be in [-"
                + number(Limits.MAX_LOG_MU)
                + ", "
                + number(Limits.MAX_LOG_MU)
                + "] (exp(mu) is the median in days), was "
                + number(l.mu()));
      }
      d.atMost(d.positive(l.sigma(), "sigma"), l.sigma(), Limits.MAX_LOG_SIGMA, "sigma");
    } else if (spec instanceof DistributionSpec.Gamma g) {
      d.atMost(d.positive(g.shape(), "shape"), g.shape(), Limits.MAX_GAMMA_SHAPE, "shape");
      d.atMost(d.positive(g.scale(), "scale"), g.scale(), days, "scale");
    } else if (spec instanceof DistributionSpec.Uniform u) {
      boolean min = d.nonNegative(u.min(), "min");
      boolean max = d.finite(u.max(), "max");
      if (max && min && u.max() < u.min()) {
        d.add("max", "must be >= min (" + number(u.min()) + "), was " + number(u.max()));
      } else {
        d.atMost(max, u.max(), days, "max");
      }
    } else if (spec instanceof DistributionSpec.Triangular t) {
      boolean min = d.nonNegative(t.min(), "min");
      boolean mode = d.finite(t.mode(), "mode");
      boolean max = d.atMost(d.finite(t.max(), "max"), t.max(), days, "max");
      if (min && max && t.max() <= t.min()) {
        d.add("max", "must be > min (" + number(t.min()) + "), was " + number(t.max()));
      } else if (min && mode && max && (t.mode() < t.min() || t.mode() > t.max())) {
        d.add(
            "mode",
            "must be in [min, max] = ["
                + number(t.min())
                + ", "
                + number(t.max())
                + "], was "
                + number(t.mode()));
      }
    } else if (spec instanceof DistributionSpec.Empirical e) {
      if (e.values().isEmpty()) {
        d.add("values", "must not be empty");
      }
      Checks top = new Checks(problems, "");
      for (int i = 0; i < e.values().size(); i++) {
        String at = path(field) + ".values[" + i + "]";
        top.atMost(top.nonNegative(e.values().get(i), at), e.values().get(i), days, at);
      }
      if (e.weights().size() != e.values().size()) {
        d.add(
            "weights",
            "must have as many entries as values ("
                + e.values().size()
                + "), had "
                + e.weights().size());
      }
      boolean allValid = true;
      double total = 0;
      for (int i = 0; i < e.weights().size(); i++) {
        String at = path(field) + ".weights[" + i + "]";
        allValid &=
            top.atMost(
                top.nonNegative(e.weights().get(i), at), e.weights().get(i), Limits.MAX_WEIGHT, at);
        total += e.weights().get(i);
      }
      if (allValid && !e.weights().isEmpty() && total == 0) {
        d.add("weights", "must not all be zero");
      }
    }
  }

  /** A number as a researcher would write it: 2 rather than 2.0, 1.2 as 1.2. */
  public static String number(double value) {
    if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
