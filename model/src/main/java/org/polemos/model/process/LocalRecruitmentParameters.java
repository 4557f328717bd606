package org.polemos.model.process;

import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Recruitment from the population the organisation holds.
 *
 * @param annualRatePerCapita recruits per held inhabitant per year when pay is fully funded
 * @param payDependence in [0,1]: how much an unfunded payroll cuts local recruitment (1 = stops it
 *     entirely)
 */
public record LocalRecruitmentParameters(double annualRatePerCapita, double payDependence)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.nonNegativeAtMost(annualRatePerCapita, Limits.MAX_RATE_PER_YEAR, "annualRatePerCapita");
    c.fraction(payDependence, "payDependence");
  }
}
