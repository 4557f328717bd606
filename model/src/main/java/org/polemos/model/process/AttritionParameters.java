package org.polemos.model.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Losses other than combat deaths: desertion and return home, the organisation's grip on its
 * foreigners (exit control) and the deaths of its foreign support staff (mechanism {@code
 * attrition}; issue 13, items 5, 6 and 8). Every field after {@code returneeArrestProbability} may
 * be omitted; the defaults switch its rule off (nobody stopped, one return share and one arrest
 * probability for every source, support staff never die), so older files load and run as before.
 *
 * <p>In code, start from {@link #defaults()} and change a few fields with {@link #builder()} (or
 * {@link #toBuilder()} from parameters read from a file); the canonical constructor takes every
 * field, {@code null} meaning omitted.
 *
 * @param desertionPerYear share of fighters deserting per year at neutral momentum and full pay
 * @param desertionMomentumSensitivity how much falling momentum raises desertion (elasticity)
 * @param desertionUnpaidMultiplier factor on desertion while the payroll is unfunded (>= 1)
 * @param foreignReturnShare share of foreign deserters who want to return to their source country,
 *     in [0,1]
 * @param returneeArrestProbability probability a returnee is arrested on return, in [0,1]
 * @param exitStopBase probability that the organisation stops a foreigner's attempt to leave its
 *     ranks (desertion, return) while it has lost nothing of its peak territory, in [0, 1]; 0 when
 *     omitted
 * @param exitStopLossSensitivity how much the stop probability rises with the share of its peak
 *     territory the organisation has lost: stop = min(1, exitStopBase + exitStopLossSensitivity x
 *     lost share), in [0, 1]; 0 when omitted
 * @param exitStoppedKilledShare share of the stopped attempts that end in death (the rest in
 *     detention by the organisation), in [0, 1]; 0 when omitted
 * @param returnShareBySource per source (by id), its own {@code foreignReturnShare}, each in [0,
 *     1]; sources not listed use {@code foreignReturnShare}; empty when omitted
 * @param returneeArrestBySource per source (by id), its own {@code returneeArrestProbability} (the
 *     base that prosecution of returnees raises), each in [0, 1]; empty when omitted
 * @param supportDeathRatio the daily death probability of a foreign support staff member as a
 *     multiple of the organisation's fighters' death rate that day (combat, air strikes, the
 *     underground's losses), in [0, 100]; 0 (support staff never die) when omitted
 */
public record AttritionParameters(
    double desertionPerYear,
    double desertionMomentumSensitivity,
    double desertionUnpaidMultiplier,
    double foreignReturnShare,
    double returneeArrestProbability,
    @Omittable Double exitStopBase,
    @Omittable Double exitStopLossSensitivity,
    @Omittable Double exitStoppedKilledShare,
    @Omittable Map<String, Double> returnShareBySource,
    @Omittable Map<String, Double> returneeArrestBySource,
    @Omittable Double supportDeathRatio)
    implements ProcessParameters {

  public AttritionParameters {
    exitStopBase = exitStopBase == null ? 0.0 : exitStopBase;
    exitStopLossSensitivity = exitStopLossSensitivity == null ? 0.0 : exitStopLossSensitivity;
    exitStoppedKilledShare = exitStoppedKilledShare == null ? 0.0 : exitStoppedKilledShare;
    returnShareBySource = copy(returnShareBySource);
    returneeArrestBySource = copy(returneeArrestBySource);
    supportDeathRatio = supportDeathRatio == null ? 0.0 : supportDeathRatio;
  }

  /**
   * The section a scenario gets when it omits {@code processes.attrition} (registered by {@link
   * BuiltInProcesses}): 5% desertion per year, momentum sensitivity 0, doubled while unpaid, 30% of
   * foreign deserters return home, half of returnees arrested, and every optional field at its
   * default (no exit control, no support staff deaths).
   */
  public static AttritionParameters defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #defaults()}: set the fields that differ, then {@link
   * Builder#build()}, e.g. {@code AttritionParameters.builder().exitStopBase(0.2).build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these parameters, to change a few of their fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.desertionPerYear = desertionPerYear;
    b.desertionMomentumSensitivity = desertionMomentumSensitivity;
    b.desertionUnpaidMultiplier = desertionUnpaidMultiplier;
    b.foreignReturnShare = foreignReturnShare;
    b.returneeArrestProbability = returneeArrestProbability;
    b.exitStopBase = exitStopBase;
    b.exitStopLossSensitivity = exitStopLossSensitivity;
    b.exitStoppedKilledShare = exitStoppedKilledShare;
    b.returnShareBySource = returnShareBySource;
    b.returneeArrestBySource = returneeArrestBySource;
    b.supportDeathRatio = supportDeathRatio;
    return b;
  }

  /**
   * Builds {@link AttritionParameters} field by field (see {@link #builder()} and {@link
   * #toBuilder()}). Each setter is named after its field and documented there; a field never set is
   * passed to the canonical constructor as omitted, so it gets the same default as in a file.
   * {@link #build()} does not validate: {@link AttritionParameters#check} does.
   */
  public static final class Builder {
    private double desertionPerYear = 0.05;
    private double desertionMomentumSensitivity;
    private double desertionUnpaidMultiplier = 2;
    private double foreignReturnShare = 0.3;
    private double returneeArrestProbability = 0.5;
    private Double exitStopBase;
    private Double exitStopLossSensitivity;
    private Double exitStoppedKilledShare;
    private Map<String, Double> returnShareBySource;
    private Map<String, Double> returneeArrestBySource;
    private Double supportDeathRatio;

    private Builder() {}

    public Builder desertionPerYear(double desertionPerYear) {
      this.desertionPerYear = desertionPerYear;
      return this;
    }

    public Builder desertionMomentumSensitivity(double desertionMomentumSensitivity) {
      this.desertionMomentumSensitivity = desertionMomentumSensitivity;
      return this;
    }

    public Builder desertionUnpaidMultiplier(double desertionUnpaidMultiplier) {
      this.desertionUnpaidMultiplier = desertionUnpaidMultiplier;
      return this;
    }

    public Builder foreignReturnShare(double foreignReturnShare) {
      this.foreignReturnShare = foreignReturnShare;
      return this;
    }

    public Builder returneeArrestProbability(double returneeArrestProbability) {
      this.returneeArrestProbability = returneeArrestProbability;
      return this;
    }

    public Builder exitStopBase(double exitStopBase) {
      this.exitStopBase = exitStopBase;
      return this;
    }

    public Builder exitStopLossSensitivity(double exitStopLossSensitivity) {
      this.exitStopLossSensitivity = exitStopLossSensitivity;
      return this;
    }

    public Builder exitStoppedKilledShare(double exitStoppedKilledShare) {
      this.exitStoppedKilledShare = exitStoppedKilledShare;
      return this;
    }

    public Builder returnShareBySource(Map<String, Double> returnShareBySource) {
      this.returnShareBySource = returnShareBySource;
      return this;
    }

    public Builder returneeArrestBySource(Map<String, Double> returneeArrestBySource) {
      this.returneeArrestBySource = returneeArrestBySource;
      return this;
    }

    public Builder supportDeathRatio(double supportDeathRatio) {
      this.supportDeathRatio = supportDeathRatio;
      return this;
    }

    /** The parameters with the fields set so far and every other field at its default. */
    public AttritionParameters build() {
      return new AttritionParameters(
          desertionPerYear,
          desertionMomentumSensitivity,
          desertionUnpaidMultiplier,
          foreignReturnShare,
          returneeArrestProbability,
          exitStopBase,
          exitStopLossSensitivity,
          exitStoppedKilledShare,
          returnShareBySource,
          returneeArrestBySource,
          supportDeathRatio);
    }
  }

  private static Map<String, Double> copy(Map<String, Double> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** The return share of the source with id {@code source}. */
  public double returnShare(String source) {
    Double v = returnShareBySource.get(source);
    return v == null ? foreignReturnShare : v;
  }

  /** The base arrest probability on return of the source with id {@code source}. */
  public double arrestProbability(String source) {
    Double v = returneeArrestBySource.get(source);
    return v == null ? returneeArrestProbability : v;
  }

  @Override
  public void check(Checks c) {
    c.nonNegativeAtMost(desertionPerYear, Limits.MAX_RATE_PER_YEAR, "desertionPerYear");
    c.nonNegativeAtMost(
        desertionMomentumSensitivity, Limits.MAX_ELASTICITY, "desertionMomentumSensitivity");
    if (c.finite(desertionUnpaidMultiplier, "desertionUnpaidMultiplier")
        && desertionUnpaidMultiplier < 1) {
      c.add(
          "desertionUnpaidMultiplier",
          "must be >= 1, was " + Checks.number(desertionUnpaidMultiplier));
    } else {
      c.atMost(
          Double.isFinite(desertionUnpaidMultiplier),
          desertionUnpaidMultiplier,
          Limits.MAX_MULTIPLIER,
          "desertionUnpaidMultiplier");
    }
    c.fraction(foreignReturnShare, "foreignReturnShare");
    c.fraction(returneeArrestProbability, "returneeArrestProbability");
    c.fraction(exitStopBase, "exitStopBase");
    c.fraction(exitStopLossSensitivity, "exitStopLossSensitivity");
    c.fraction(exitStoppedKilledShare, "exitStoppedKilledShare");
    for (Map.Entry<String, Double> e : returnShareBySource.entrySet()) {
      String field = "returnShareBySource." + e.getKey();
      if (c.required(e.getValue(), field)) {
        c.fraction(e.getValue(), field);
      }
    }
    for (Map.Entry<String, Double> e : returneeArrestBySource.entrySet()) {
      String field = "returneeArrestBySource." + e.getKey();
      if (c.required(e.getValue(), field)) {
        c.fraction(e.getValue(), field);
      }
    }
    c.nonNegativeAtMost(supportDeathRatio, Limits.MAX_MULTIPLIER, "supportDeathRatio");
  }
}
