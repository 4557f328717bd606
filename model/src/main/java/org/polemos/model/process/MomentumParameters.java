package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Perceived momentum of the organisation, from its recent territorial gains and losses.
 *
 * @param memoryDays time constant of the exponential memory of gains and losses
 * @param gainWeight momentum added per share of the map's weighted population gained (population x
 *     symbolic weight of the places taken; losses count with {@code lossWeight})
 * @param lossWeight momentum removed per share of the map's weighted population lost
 * @param minimum lower bound of momentum (momentum 1 is neutral)
 * @param maximum upper bound of momentum
 * @param perceptionDays time constant, in days, of the exponential smoothing through which source
 *     countries perceive momentum (departures respond to the perceived value); 0 = at once (the
 *     default when omitted)
 */
public record MomentumParameters(
    double memoryDays,
    double gainWeight,
    double lossWeight,
    double minimum,
    double maximum,
    @Omittable Double perceptionDays)
    implements ProcessParameters {

  public MomentumParameters {
    if (perceptionDays == null) {
      perceptionDays = 0.0;
    }
  }

  @Override
  public void check(Checks c) {
    c.atMost(c.positive(memoryDays, "memoryDays"), memoryDays, Limits.MAX_DAYS, "memoryDays");
    c.nonNegativeAtMost(gainWeight, Limits.MAX_WEIGHT_FACTOR, "gainWeight");
    c.nonNegativeAtMost(lossWeight, Limits.MAX_WEIGHT_FACTOR, "lossWeight");
    c.nonNegativeAtMost(perceptionDays, Limits.MAX_DAYS, "perceptionDays");
    if (c.positive(minimum, "minimum") && minimum > 1) {
      c.add("minimum", "must be <= 1 (momentum 1 is neutral), was " + Checks.number(minimum));
    } else if (minimum > 0 && minimum < 1 / Limits.MAX_MULTIPLIER) {
      c.add(
          "minimum",
          "must be >= "
              + Checks.number(1 / Limits.MAX_MULTIPLIER)
              + ", was "
              + Checks.number(minimum));
    }
    if (c.finite(maximum, "maximum") && maximum < 1) {
      c.add("maximum", "must be >= 1 (momentum 1 is neutral), was " + Checks.number(maximum));
    } else {
      c.atMost(Double.isFinite(maximum), maximum, Limits.MAX_MULTIPLIER, "maximum");
    }
  }
}
