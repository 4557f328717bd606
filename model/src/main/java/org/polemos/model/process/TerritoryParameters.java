package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;

/**
 * How places change hands beyond the Lanchester attrition of {@link CombatParameters}: chance in
 * battle, sieges and the organisation's underground (docs/MODEL.md, "Territory"). Every field may
 * be omitted; the defaults give the deterministic model without sieges or underground, so a
 * scenario that omits the whole record behaves as before.
 *
 * @param lossNoise coefficient of variation of each front's daily losses (a gamma-distributed
 *     multiplier of mean 1 drawn from the combat stream per front and step, one per side); 0
 *     (default) = deterministic
 * @param battleSigma standard deviation of the logarithm of a side's fortune in a battle: when a
 *     front opens, each side's effectiveness on it is multiplied by a lognormal factor of median 1
 *     kept until the front closes (commanders, weather, local support: what makes one siege last
 *     twice as long as a similar one); 0 (default) = none
 * @param siegeAdvantage multiplier on the effectiveness of the garrison of a siege place (a city),
 *     and divisor of the capture ratio against it: the city falls only when its garrison, weighted
 *     by morale, is below {@code captureRatio / siegeAdvantage} of its attackers, never by falling
 *     below {@code minimumGarrison} alone; 1 (default) = no advantage
 * @param undergroundShare share of the organisation's garrison that goes underground in a place it
 *     loses (the rest falls back to an adjacent place it holds; with none left, all go
 *     underground); 0 (default) = none
 * @param undergroundLossPerYear share of the underground killed or arrested per year; 0 (default)
 * @param undergroundRetakeRatio the underground in a place retakes it when it outnumbers the
 *     holder's garrison there by this factor (and numbers at least {@code minimumGarrison}); 0
 *     (default) = never
 */
public record TerritoryParameters(
    @Omittable Double lossNoise,
    @Omittable Double battleSigma,
    @Omittable Double siegeAdvantage,
    @Omittable Double undergroundShare,
    @Omittable Double undergroundLossPerYear,
    @Omittable Double undergroundRetakeRatio)
    implements ProcessParameters {

  public TerritoryParameters {
    lossNoise = lossNoise == null ? 0.0 : lossNoise;
    battleSigma = battleSigma == null ? 0.0 : battleSigma;
    siegeAdvantage = siegeAdvantage == null ? 1.0 : siegeAdvantage;
    undergroundShare = undergroundShare == null ? 0.0 : undergroundShare;
    undergroundLossPerYear = undergroundLossPerYear == null ? 0.0 : undergroundLossPerYear;
    undergroundRetakeRatio = undergroundRetakeRatio == null ? 0.0 : undergroundRetakeRatio;
  }

  @Override
  public void check(Checks c) {
    c.nonNegative(lossNoise, "lossNoise");
    c.nonNegative(battleSigma, "battleSigma");
    if (c.finite(siegeAdvantage, "siegeAdvantage") && siegeAdvantage < 1) {
      c.add(
          "siegeAdvantage",
          "must be >= 1 (1 = no advantage), was " + Checks.number(siegeAdvantage));
    }
    c.fraction(undergroundShare, "undergroundShare");
    c.nonNegative(undergroundLossPerYear, "undergroundLossPerYear");
    c.nonNegative(undergroundRetakeRatio, "undergroundRetakeRatio");
  }

  /** The deterministic defaults: no chance, no siege advantage, no underground. */
  public static TerritoryParameters none() {
    return new TerritoryParameters(null, null, null, null, null, null);
  }
}
