package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

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
 * @param offensiveTempoSigma log-sd of a ground offensive's tempo: the share of its force in place
 *     by a share s of its window is {@code s^tempo}, the tempo lognormal of median 1 drawn once per
 *     offensive (an offensive that rolls, or one that assembles slowly); the whole force arrives by
 *     the window's end in every case; 0 (default) = the same number every day
 * @param offensiveExhaustion when a ground offensive's assault ends: its window ({@code start} to
 *     {@code end}) is when its reinforcements arrive, and after it the fighters it committed toward
 *     a target keep assaulting it until the target falls or they number at most this share of the
 *     fighters the offensive committed toward it (the attacker is exhausted: it has lost the rest).
 *     So the end date never forces, nor cuts short, the fall. 1 (default) = the assault ends with
 *     the window, as before this field existed
 * @param foreignDetainedOnCapture share of the organisation's foreign fighters in a place it loses
 *     who are captured there by the faction that takes it (state {@code DETAINED}) instead of going
 *     underground, falling back or dying (issue 13, item 6); in [0, 1], 0 (default) = none
 */
public record TerritoryParameters(
    @Omittable Double lossNoise,
    @Omittable Double battleSigma,
    @Omittable Double siegeAdvantage,
    @Omittable Double undergroundShare,
    @Omittable Double undergroundLossPerYear,
    @Omittable Double undergroundRetakeRatio,
    @Omittable Double offensiveTempoSigma,
    @Omittable Double offensiveExhaustion,
    @Omittable Double foreignDetainedOnCapture)
    implements ProcessParameters {

  public TerritoryParameters {
    lossNoise = lossNoise == null ? 0.0 : lossNoise;
    battleSigma = battleSigma == null ? 0.0 : battleSigma;
    siegeAdvantage = siegeAdvantage == null ? 1.0 : siegeAdvantage;
    undergroundShare = undergroundShare == null ? 0.0 : undergroundShare;
    undergroundLossPerYear = undergroundLossPerYear == null ? 0.0 : undergroundLossPerYear;
    undergroundRetakeRatio = undergroundRetakeRatio == null ? 0.0 : undergroundRetakeRatio;
    offensiveTempoSigma = offensiveTempoSigma == null ? 0.0 : offensiveTempoSigma;
    offensiveExhaustion = offensiveExhaustion == null ? 1.0 : offensiveExhaustion;
    foreignDetainedOnCapture = foreignDetainedOnCapture == null ? 0.0 : foreignDetainedOnCapture;
  }

  /** The parameters before issue 13's detention on capture (0). */
  public TerritoryParameters(
      Double lossNoise,
      Double battleSigma,
      Double siegeAdvantage,
      Double undergroundShare,
      Double undergroundLossPerYear,
      Double undergroundRetakeRatio,
      Double offensiveTempoSigma,
      Double offensiveExhaustion) {
    this(
        lossNoise,
        battleSigma,
        siegeAdvantage,
        undergroundShare,
        undergroundLossPerYear,
        undergroundRetakeRatio,
        offensiveTempoSigma,
        offensiveExhaustion,
        null);
  }

  /**
   * The parameters without {@code offensiveExhaustion} (1: an offensive's assault ends with its
   * window).
   */
  public TerritoryParameters(
      Double lossNoise,
      Double battleSigma,
      Double siegeAdvantage,
      Double undergroundShare,
      Double undergroundLossPerYear,
      Double undergroundRetakeRatio,
      Double offensiveTempoSigma) {
    this(
        lossNoise,
        battleSigma,
        siegeAdvantage,
        undergroundShare,
        undergroundLossPerYear,
        undergroundRetakeRatio,
        offensiveTempoSigma,
        null,
        null);
  }

  /** The parameters of the first stochastic model, without {@code offensiveTempoSigma} (0). */
  public TerritoryParameters(
      Double lossNoise,
      Double battleSigma,
      Double siegeAdvantage,
      Double undergroundShare,
      Double undergroundLossPerYear,
      Double undergroundRetakeRatio) {
    this(
        lossNoise,
        battleSigma,
        siegeAdvantage,
        undergroundShare,
        undergroundLossPerYear,
        undergroundRetakeRatio,
        null,
        null,
        null);
  }

  @Override
  public void check(Checks c) {
    // upper bounds keep every draw finite: a lognormal of sigma 5 stays within exp(+-40) over any
    // run, and a coefficient of variation of 100 is a log-scale sigma of 3
    c.atMost(c.nonNegative(lossNoise, "lossNoise"), lossNoise, Limits.MAX_MULTIPLIER, "lossNoise");
    c.atMost(
        c.nonNegative(battleSigma, "battleSigma"),
        battleSigma,
        Limits.MAX_LOG_SIGMA,
        "battleSigma");
    if (c.finite(siegeAdvantage, "siegeAdvantage") && siegeAdvantage < 1) {
      c.add(
          "siegeAdvantage",
          "must be >= 1 (1 = no advantage), was " + Checks.number(siegeAdvantage));
    } else {
      c.atMost(
          Double.isFinite(siegeAdvantage), siegeAdvantage, Limits.MAX_MULTIPLIER, "siegeAdvantage");
    }
    c.fraction(undergroundShare, "undergroundShare");
    c.atMost(
        c.nonNegative(undergroundLossPerYear, "undergroundLossPerYear"),
        undergroundLossPerYear,
        Limits.MAX_RATE_PER_YEAR,
        "undergroundLossPerYear");
    c.atMost(
        c.nonNegative(undergroundRetakeRatio, "undergroundRetakeRatio"),
        undergroundRetakeRatio,
        Limits.MAX_MULTIPLIER,
        "undergroundRetakeRatio");
    c.atMost(
        c.nonNegative(offensiveTempoSigma, "offensiveTempoSigma"),
        offensiveTempoSigma,
        Limits.MAX_LOG_SIGMA,
        "offensiveTempoSigma");
    c.fraction(offensiveExhaustion, "offensiveExhaustion");
    c.fraction(foreignDetainedOnCapture, "foreignDetainedOnCapture");
  }

  /** The deterministic defaults: no chance, no siege advantage, no underground. */
  public static TerritoryParameters none() {
    return new TerritoryParameters(null, null, null, null, null, null, null, null, null);
  }
}
