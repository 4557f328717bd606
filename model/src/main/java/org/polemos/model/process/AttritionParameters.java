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

  /** The parameters before issue 13's items 5, 6 and 8: no exit control, no support deaths. */
  public AttritionParameters(
      double desertionPerYear,
      double desertionMomentumSensitivity,
      double desertionUnpaidMultiplier,
      double foreignReturnShare,
      double returneeArrestProbability) {
    this(
        desertionPerYear,
        desertionMomentumSensitivity,
        desertionUnpaidMultiplier,
        foreignReturnShare,
        returneeArrestProbability,
        null,
        null,
        null,
        null,
        null,
        null);
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
    c.atMost(
        c.nonNegative(desertionPerYear, "desertionPerYear"),
        desertionPerYear,
        Limits.MAX_RATE_PER_YEAR,
        "desertionPerYear");
    c.atMost(
        c.nonNegative(desertionMomentumSensitivity, "desertionMomentumSensitivity"),
        desertionMomentumSensitivity,
        Limits.MAX_ELASTICITY,
        "desertionMomentumSensitivity");
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
    c.atMost(
        c.nonNegative(supportDeathRatio, "supportDeathRatio"),
        supportDeathRatio,
        Limits.MAX_MULTIPLIER,
        "supportDeathRatio");
  }
}
