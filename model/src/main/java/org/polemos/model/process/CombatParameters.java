package org.polemos.model.process;

import org.polemos.model.validation.Checks;

/**
 * Attrition on fronts and the change of control of regions.
 *
 * @param engagedShare share of a region's fighters engaged on its fronts on a given day, in (0,1]
 * @param captureRatio a region changes hands when its defenders fall below this fraction of the attackers
 * @param minimumGarrison a region whose defenders fall below this many fighters falls to an adjacent attacker
 * @param airStrikeEffect enemy fighters put out of action per air strike
 * @param airSupportMultiplier multiplier on the effectiveness of the air campaign faction's allies where strikes land
 * @param stepDays time step of the front integration, in days
 */
public record CombatParameters(double engagedShare, double captureRatio, double minimumGarrison,
    double airStrikeEffect, double airSupportMultiplier, double stepDays) implements ProcessParameters {

  @Override
  public void check(Checks c) {
    if (c.finite(engagedShare, "engagedShare") && (engagedShare <= 0 || engagedShare > 1)) {
      c.add("engagedShare", "must be in (0, 1], was " + Checks.number(engagedShare));
    }
    c.nonNegative(captureRatio, "captureRatio");
    c.nonNegative(minimumGarrison, "minimumGarrison");
    c.nonNegative(airStrikeEffect, "airStrikeEffect");
    c.nonNegative(airSupportMultiplier, "airSupportMultiplier");
    c.positive(stepDays, "stepDays");
  }
}
