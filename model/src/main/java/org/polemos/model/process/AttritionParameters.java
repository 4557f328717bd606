package org.polemos.model.process;

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
    double desertionUnpaidMultiplier, double foreignReturnShare, double returneeArrestProbability) {
}
