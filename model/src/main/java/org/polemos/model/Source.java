package org.polemos.model;

/**
 * A country that foreign recruits come from (and that operatives and returnees go back to).
 *
 * @param id stable identifier
 * @param name display name, as used in public figures (e.g. "Saudi Arabia")
 * @param atRiskPool people susceptible to recruitment at the start
 * @param annualPropensity departures per at-risk person per year at neutral momentum, before counter-measures
 * @param momentumSensitivity elasticity of the departure rate to the organisation's momentum (0 = none)
 * @param languageGroup language of the units its recruits join (e.g. "arabic", "russian", "french")
 * @param intelligenceEffectiveness probability that a plot directed at this country is foiled, in [0,1]
 * @param notes sources and reasoning; empty when omitted
 */
public record Source(String id, String name, long atRiskPool, double annualPropensity, double momentumSensitivity,
    String languageGroup, double intelligenceEffectiveness, @Omittable String notes) {

  public Source {
    notes = notes == null ? "" : notes;
  }
}
