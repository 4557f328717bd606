package org.polemos.model.process;

import org.polemos.model.validation.Checks;

/**
 * Losses other than combat deaths: desertion and return home.
 *
 * @param desertionPerYear share of fighters deserting per year at neutral momentum and full pay
 * @param desertionMomentumSensitivity how much falling momentum raises desertion (elasticity)
 * @param desertionUnpaidMultiplier factor on desertion while the payroll is unfunded (>= 1)
 * @param foreignReturnShare share of foreign deserters who return to their source country, in [0,1]
 * @param returneeArrestProbability probability a returnee is arrested on return, in [0,1]
 */
public record AttritionParameters(double desertionPerYear, double desertionMomentumSensitivity,
    double desertionUnpaidMultiplier, double foreignReturnShare, double returneeArrestProbability)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.nonNegative(desertionPerYear, "desertionPerYear");
    c.nonNegative(desertionMomentumSensitivity, "desertionMomentumSensitivity");
    if (c.finite(desertionUnpaidMultiplier, "desertionUnpaidMultiplier") && desertionUnpaidMultiplier < 1) {
      c.add("desertionUnpaidMultiplier", "must be >= 1, was " + Checks.number(desertionUnpaidMultiplier));
    }
    c.fraction(foreignReturnShare, "foreignReturnShare");
    c.fraction(returneeArrestProbability, "returneeArrestProbability");
  }
}
