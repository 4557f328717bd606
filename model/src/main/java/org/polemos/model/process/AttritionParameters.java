package org.polemos.model.process;

import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Losses other than combat deaths: desertion and return home.
 *
 * @param desertionPerYear share of fighters deserting per year at neutral momentum and full pay
 * @param desertionMomentumSensitivity how much falling momentum raises desertion (elasticity)
 * @param desertionUnpaidMultiplier factor on desertion while the payroll is unfunded (>= 1)
 * @param foreignReturnShare share of foreign deserters who return to their source country, in [0,1]
 * @param returneeArrestProbability probability a returnee is arrested on return, in [0,1]
 */
public record AttritionParameters(
    double desertionPerYear,
    double desertionMomentumSensitivity,
    double desertionUnpaidMultiplier,
    double foreignReturnShare,
    double returneeArrestProbability)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.atMost(
        c.nonNegative(desertionPerYear, "desertionPerYear"),
        desertionPerYear,
        Limits.MAX_RATE_PER_YEAR,
        "desertionPerYear");
    c.atMost(
        c.nonNegative(desertionMomentumSensitivity, "desertionMomentumSensitivity"),
        desertionMomentumSensitivity,
        Limits.MAX_ELASTICITY,
        "desertionMomentumSensitivity");
    if (c.finite(desertionUnpaidMultiplier, "desertionUnpaidMultiplier")
        && desertionUnpaidMultiplier < 1) {
      c.add(
          "desertionUnpaidMultiplier",
          "must be >= 1, was " + Checks.number(desertionUnpaidMultiplier));
    } else {
      c.atMost(
          Double.isFinite(desertionUnpaidMultiplier),
          desertionUnpaidMultiplier,
          Limits.MAX_MULTIPLIER,
          "desertionUnpaidMultiplier");
    }
    c.fraction(foreignReturnShare, "foreignReturnShare");
    c.fraction(returneeArrestProbability, "returneeArrestProbability");
  }
}
