package org.polemos.examples.reintegration;

import org.polemos.model.process.ProcessParameters;
import org.polemos.model.validation.Checks;

/**
 * The scenario section {@code processes.reintegration}: a reintegration programme for returnees in
 * their source countries, at the population level.
 *
 * @param placesPerYear programme places that open per year, over all source countries; 0 switches
 *     it off
 * @param completionShare share of enrolled returnees who complete the programme, in [0, 1]
 */
public record ReintegrationParameters(double placesPerYear, double completionShare)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.nonNegative(placesPerYear, "placesPerYear");
    c.fraction(completionShare, "completionShare");
  }
}
