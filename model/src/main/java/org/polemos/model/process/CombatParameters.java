package org.polemos.model.process;

import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Attrition on fronts and the change of control of regions.
 *
 * @param engagedShare share of a region's fighters engaged on its fronts on a given day, in (0,1]
 * @param captureRatio a region changes hands when its defenders fall below this fraction of the
 *     attackers
 * @param minimumGarrison a region whose defenders fall below this many fighters falls to an
 *     adjacent attacker
 * @param airStrikeEffect enemy fighters put out of action per air strike
 * @param airSupportMultiplier multiplier on the effectiveness of the air campaign faction's allies
 *     where strikes land
 * @param stepDays time step of the front integration, in days
 */
public record CombatParameters(
    double engagedShare,
    double captureRatio,
    double minimumGarrison,
    double airStrikeEffect,
    double airSupportMultiplier,
    double stepDays)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    if (c.finite(engagedShare, "engagedShare") && (engagedShare <= 0 || engagedShare > 1)) {
      c.add("engagedShare", "must be in (0, 1], was " + Checks.number(engagedShare));
    }
    c.nonNegativeAtMost(captureRatio, Limits.MAX_MULTIPLIER, "captureRatio");
    c.nonNegativeAtMost(minimumGarrison, Limits.MAX_FIGHTERS, "minimumGarrison");
    c.nonNegativeAtMost(airStrikeEffect, Limits.MAX_FIGHTERS, "airStrikeEffect");
    c.nonNegativeAtMost(airSupportMultiplier, Limits.MAX_MULTIPLIER, "airSupportMultiplier");
    // a smaller step only multiplies events (a step of 1e-300 days never ended)
    if (c.positive(stepDays, "stepDays") && stepDays < Limits.MIN_STEP_DAYS) {
      c.add(
          "stepDays",
          "must be >= " + Checks.number(Limits.MIN_STEP_DAYS) + ", was " + Checks.number(stepDays));
    } else {
      c.atMost(
          Double.isFinite(stepDays) && stepDays > 0, stepDays, Limits.MAX_STEP_DAYS, "stepDays");
    }
  }
}
