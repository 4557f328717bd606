package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Mobilisation with depletion: the Bass (1969) diffusion model on a finite pool, used when {@code
 * processes.recruitment.model} is {@code bass}. Per source, the at-risk pool is the market
 * potential m (never refilled), the source's {@code annualPropensity} is the innovation rate p
 * (spontaneous departures per susceptible per year) and {@code imitationPerYear} is the imitation
 * rate q (departures per susceptible per year caused by the share of the pool already gone: the
 * network effect). Without modifiers the cumulative adopted share F = A / m follows {@code dF/dt =
 * (p + q F)(1 - F)}, so {@code F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})} from F(0) = 0.
 * With q = 0 the model is the Poisson baseline on a depleting pool.
 *
 * @param imitationPerYear q, per year, in [0, 365]
 * @param initialAdoptedShare F(0): share of the pool that had already left before the start (it
 *     feeds imitation but is not counted as a departure of the run), in [0, 1); default 0
 */
public record BassParameters(double imitationPerYear, @Omittable Double initialAdoptedShare) {

  public BassParameters {
    if (initialAdoptedShare == null) {
      initialAdoptedShare = 0.0;
    }
  }

  /** Bounds: q a rate per year, F(0) a share below 1 (a pool already exhausted cannot diffuse). */
  public void check(Checks c) {
    c.nonNegativeAtMost(imitationPerYear, Limits.MAX_RATE_PER_YEAR, "imitationPerYear");
    if (c.nonNegative(initialAdoptedShare, "initialAdoptedShare") && initialAdoptedShare >= 1) {
      c.add("initialAdoptedShare", "must be < 1, was " + Checks.number(initialAdoptedShare));
    }
  }
}
