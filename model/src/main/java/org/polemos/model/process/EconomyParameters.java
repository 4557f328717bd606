package org.polemos.model.process;

import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Revenue, expenses and the treasury of the organisation.
 *
 * @param taxUsdPerCapitaPerDay taxation and extortion per held inhabitant per day
 * @param oilPriceUsdPerBbl price realised per barrel (black-market, below world price)
 * @param oilOutputShare share of held oil capacity actually produced and sold, in [0,1]
 * @param otherUsdPerDay other income (antiquities, ransom, donations) per day
 * @param payUsdPerFighterPerDay pay per fighter per day
 * @param administrationUsdPerCapitaPerDay administration cost per held inhabitant per day
 * @param initialTreasuryUsd treasury at the start
 */
public record EconomyParameters(
    double taxUsdPerCapitaPerDay,
    double oilPriceUsdPerBbl,
    double oilOutputShare,
    double otherUsdPerDay,
    double payUsdPerFighterPerDay,
    double administrationUsdPerCapitaPerDay,
    double initialTreasuryUsd)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.atMost(
        c.nonNegative(taxUsdPerCapitaPerDay, "taxUsdPerCapitaPerDay"),
        taxUsdPerCapitaPerDay,
        Limits.MAX_USD_PER_UNIT,
        "taxUsdPerCapitaPerDay");
    c.atMost(
        c.nonNegative(oilPriceUsdPerBbl, "oilPriceUsdPerBbl"),
        oilPriceUsdPerBbl,
        Limits.MAX_USD_PER_UNIT,
        "oilPriceUsdPerBbl");
    c.fraction(oilOutputShare, "oilOutputShare");
    c.atMost(
        c.nonNegative(otherUsdPerDay, "otherUsdPerDay"),
        otherUsdPerDay,
        Limits.MAX_USD,
        "otherUsdPerDay");
    c.atMost(
        c.nonNegative(payUsdPerFighterPerDay, "payUsdPerFighterPerDay"),
        payUsdPerFighterPerDay,
        Limits.MAX_USD_PER_UNIT,
        "payUsdPerFighterPerDay");
    c.atMost(
        c.nonNegative(administrationUsdPerCapitaPerDay, "administrationUsdPerCapitaPerDay"),
        administrationUsdPerCapitaPerDay,
        Limits.MAX_USD_PER_UNIT,
        "administrationUsdPerCapitaPerDay");
    c.atMost(
        c.nonNegative(initialTreasuryUsd, "initialTreasuryUsd"),
        initialTreasuryUsd,
        Limits.MAX_USD,
        "initialTreasuryUsd");
  }
}
