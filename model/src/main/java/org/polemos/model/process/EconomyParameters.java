package org.polemos.model.process;

import org.polemos.model.validation.Checks;

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
public record EconomyParameters(double taxUsdPerCapitaPerDay, double oilPriceUsdPerBbl, double oilOutputShare,
    double otherUsdPerDay, double payUsdPerFighterPerDay, double administrationUsdPerCapitaPerDay,
    double initialTreasuryUsd) implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.nonNegative(taxUsdPerCapitaPerDay, "taxUsdPerCapitaPerDay");
    c.nonNegative(oilPriceUsdPerBbl, "oilPriceUsdPerBbl");
    c.fraction(oilOutputShare, "oilOutputShare");
    c.nonNegative(otherUsdPerDay, "otherUsdPerDay");
    c.nonNegative(payUsdPerFighterPerDay, "payUsdPerFighterPerDay");
    c.nonNegative(administrationUsdPerCapitaPerDay, "administrationUsdPerCapitaPerDay");
    c.nonNegative(initialTreasuryUsd, "initialTreasuryUsd");
  }
}
