package org.polemos.model.process;

import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * The SIR-style radicalisation alternative (after McCluskey and Santoprete 2017). Per source,
 * susceptibles S become radicalised I at rate beta S I / N; the radicalised disengage at rate gamma
 * and depart at rate delta. The basic reproduction number is R0 = beta / (gamma + delta).
 *
 * @param transmissionPerYear beta, per year
 * @param disengagementPerYear gamma, per year
 * @param departurePerYear delta: share of the radicalised leaving per year
 * @param initialRadicalisedShare I(0) / N, in [0,1]
 */
public record CompartmentalParameters(
    double transmissionPerYear,
    double disengagementPerYear,
    double departurePerYear,
    double initialRadicalisedShare) {

  /** The basic reproduction number beta / (gamma + delta). */
  public double r0() {
    return transmissionPerYear / (disengagementPerYear + departurePerYear);
  }

  /** Bounds, and a defined R0. */
  public void check(Checks c) {
    c.nonNegativeAtMost(transmissionPerYear, Limits.MAX_RATE_PER_YEAR, "transmissionPerYear");
    c.nonNegativeAtMost(disengagementPerYear, Limits.MAX_RATE_PER_YEAR, "disengagementPerYear");
    boolean departure =
        c.nonNegativeAtMost(departurePerYear, Limits.MAX_RATE_PER_YEAR, "departurePerYear");
    if (departure && disengagementPerYear >= 0 && disengagementPerYear + departurePerYear == 0) {
      c.add(
          "departurePerYear",
          "disengagementPerYear + departurePerYear must be > 0, or R0 is undefined");
    }
    c.fraction(initialRadicalisedShare, "initialRadicalisedShare");
  }
}
