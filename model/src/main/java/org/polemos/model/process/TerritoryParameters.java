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
 * <p>In code, start from {@link #defaults()} and change a few fields with {@link #builder()} (or
 * {@link #toBuilder()} from parameters read from a file); the canonical constructor takes every
 * field, {@code null} meaning omitted.
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

  /**
   * The section a scenario gets when it omits {@code processes.territory} (registered by {@link
   * BuiltInProcesses}): every field at its default, the deterministic model without chance in
   * battle, siege advantage or underground.
   */
  public static TerritoryParameters defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #defaults()}: set the fields that differ, then {@link
   * Builder#build()}, e.g. {@code TerritoryParameters.builder().undergroundShare(0.3).build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these parameters, to change a few of their fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lossNoise = lossNoise;
    b.battleSigma = battleSigma;
    b.siegeAdvantage = siegeAdvantage;
    b.undergroundShare = undergroundShare;
    b.undergroundLossPerYear = undergroundLossPerYear;
    b.undergroundRetakeRatio = undergroundRetakeRatio;
    b.offensiveTempoSigma = offensiveTempoSigma;
    b.offensiveExhaustion = offensiveExhaustion;
    b.foreignDetainedOnCapture = foreignDetainedOnCapture;
    return b;
  }

  /**
   * Builds {@link TerritoryParameters} field by field (see {@link #builder()} and {@link
   * #toBuilder()}). Each setter is named after its field and documented there; a field never set is
   * passed to the canonical constructor as omitted, so it gets the same default as in a file.
   * {@link #build()} does not validate: {@link TerritoryParameters#check} does.
   */
  public static final class Builder {
    private Double lossNoise;
    private Double battleSigma;
    private Double siegeAdvantage;
    private Double undergroundShare;
    private Double undergroundLossPerYear;
    private Double undergroundRetakeRatio;
    private Double offensiveTempoSigma;
    private Double offensiveExhaustion;
    private Double foreignDetainedOnCapture;

    private Builder() {}

    public Builder lossNoise(double lossNoise) {
      this.lossNoise = lossNoise;
      return this;
    }

    public Builder battleSigma(double battleSigma) {
      this.battleSigma = battleSigma;
      return this;
    }

    public Builder siegeAdvantage(double siegeAdvantage) {
      this.siegeAdvantage = siegeAdvantage;
      return this;
    }

    public Builder undergroundShare(double undergroundShare) {
      this.undergroundShare = undergroundShare;
      return this;
    }

    public Builder undergroundLossPerYear(double undergroundLossPerYear) {
      this.undergroundLossPerYear = undergroundLossPerYear;
      return this;
    }

    public Builder undergroundRetakeRatio(double undergroundRetakeRatio) {
      this.undergroundRetakeRatio = undergroundRetakeRatio;
      return this;
    }

    public Builder offensiveTempoSigma(double offensiveTempoSigma) {
      this.offensiveTempoSigma = offensiveTempoSigma;
      return this;
    }

    public Builder offensiveExhaustion(double offensiveExhaustion) {
      this.offensiveExhaustion = offensiveExhaustion;
      return this;
    }

    public Builder foreignDetainedOnCapture(double foreignDetainedOnCapture) {
      this.foreignDetainedOnCapture = foreignDetainedOnCapture;
      return this;
    }

    /** The parameters with the fields set so far and every other field at its default. */
    public TerritoryParameters build() {
      return new TerritoryParameters(
          lossNoise,
          battleSigma,
          siegeAdvantage,
          undergroundShare,
          undergroundLossPerYear,
          undergroundRetakeRatio,
          offensiveTempoSigma,
          offensiveExhaustion,
          foreignDetainedOnCapture);
    }
  }

  @Override
  public void check(Checks c) {
    // upper bounds keep every draw finite: a lognormal of sigma 5 stays within exp(+-40) over any
    // run, and a coefficient of variation of 100 is a log-scale sigma of 3
    c.nonNegativeAtMost(lossNoise, Limits.MAX_MULTIPLIER, "lossNoise");
    c.nonNegativeAtMost(battleSigma, Limits.MAX_LOG_SIGMA, "battleSigma");
    if (c.finite(siegeAdvantage, "siegeAdvantage") && siegeAdvantage < 1) {
      c.add(
          "siegeAdvantage",
          "must be >= 1 (1 = no advantage), was " + Checks.number(siegeAdvantage));
    } else {
      c.atMost(
          Double.isFinite(siegeAdvantage), siegeAdvantage, Limits.MAX_MULTIPLIER, "siegeAdvantage");
    }
    c.fraction(undergroundShare, "undergroundShare");
    c.nonNegativeAtMost(undergroundLossPerYear, Limits.MAX_RATE_PER_YEAR, "undergroundLossPerYear");
    c.nonNegativeAtMost(undergroundRetakeRatio, Limits.MAX_MULTIPLIER, "undergroundRetakeRatio");
    c.nonNegativeAtMost(offensiveTempoSigma, Limits.MAX_LOG_SIGMA, "offensiveTempoSigma");
    c.fraction(offensiveExhaustion, "offensiveExhaustion");
    c.fraction(foreignDetainedOnCapture, "foreignDetainedOnCapture");
  }
}
