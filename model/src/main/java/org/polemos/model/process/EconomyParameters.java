package org.polemos.model.process;

import java.time.LocalDate;
import java.util.List;
import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Revenue, expenses and the treasury of the organisation (mechanism {@code Economy}, its whole
 * behaviour documented there and in docs/MODEL.md, "Economy"). The fields after {@code
 * initialTreasuryUsd} may be omitted; their defaults (no oil price series, no decay, no
 * displacement, no war spending, no cash lost or looted, no external operations budget) keep older
 * scenario files loading.
 *
 * <p>In code, start from {@link #defaults()} and change a few fields with {@link #builder()} (or
 * {@link #toBuilder()} from parameters read from a file); the canonical constructor takes every
 * field, {@code null} meaning omitted.
 *
 * @param taxUsdPerCapitaPerDay taxation and extortion per held inhabitant (of the tax base left,
 *     see {@code displacementPerYear}) per day
 * @param oilPriceUsdPerBbl price realised per barrel (black-market, below world price), before the
 *     first date of {@code oilPrice} (all the time when that is empty)
 * @param oilOutputShare share of held oil capacity actually produced and sold, in [0,1]
 * @param otherUsdPerDay other income (antiquities, ransom, donations) per day while the
 *     organisation holds the largest population it has held so far; it is paid in proportion to the
 *     population held over that peak, so nothing with no territory
 * @param payUsdPerFighterPerDay pay per fighter per day
 * @param administrationUsdPerCapitaPerDay administration cost per held inhabitant per day
 * @param initialTreasuryUsd treasury at the start
 * @param oilPrice the realised oil price as a dated series: each entry's price holds from its date
 *     until the next entry's; dates strictly increasing; empty (default) = {@code
 *     oilPriceUsdPerBbl} throughout
 * @param oilDecayPerYear rate (per year) at which a held place's oil output decays while the
 *     organisation holds it (damage, lost maintenance and expertise); the output left is {@code
 *     exp(-rate x years held)}, and stays lost when the place changes hands; 0 (default)
 * @param displacementPerYear rate (per year) at which a held place's tax base leaves while the
 *     organisation holds it (flight, emigration); 0 (default)
 * @param displacementOnCapture share of a place's tax base left that flees when the place changes
 *     hands, in [0,1]; 0 (default)
 * @param warUsdPerFighterLost war spending per fighter of the organisation killed (ammunition,
 *     vehicles and repairs consumed in the fighting that killed them); 0 (default)
 * @param familyUsdPerDeadPerDay payments to the families of the organisation's dead, per death so
 *     far per day; 0 (default)
 * @param cashLossOnFall share of the cash kept in a place that is lost when the organisation loses
 *     it, in [0,1]; the cash in a place is the treasury times the place's share of the population
 *     held; 0 (default)
 * @param lootUsdPerCapita one-off looting (banks, state property) per inhabitant of a place when
 *     the organisation takes it; 0 (default)
 * @param operationsUsdPerOperativePerDay the external operations budget: cost per operative
 *     (training, travel, the plot) per day, drawn from the treasury with the rest of the need; 0
 *     (default)
 */
public record EconomyParameters(
    double taxUsdPerCapitaPerDay,
    double oilPriceUsdPerBbl,
    double oilOutputShare,
    double otherUsdPerDay,
    double payUsdPerFighterPerDay,
    double administrationUsdPerCapitaPerDay,
    double initialTreasuryUsd,
    @Omittable List<OilPrice> oilPrice,
    @Omittable Double oilDecayPerYear,
    @Omittable Double displacementPerYear,
    @Omittable Double displacementOnCapture,
    @Omittable Double warUsdPerFighterLost,
    @Omittable Double familyUsdPerDeadPerDay,
    @Omittable Double cashLossOnFall,
    @Omittable Double lootUsdPerCapita,
    @Omittable Double operationsUsdPerOperativePerDay)
    implements ProcessParameters {

  /** The realised oil price from {@code from} on (until the next entry of the series). */
  public record OilPrice(LocalDate from, double usdPerBbl) {}

  public EconomyParameters {
    oilPrice = oilPrice == null ? List.of() : List.copyOf(oilPrice);
    oilDecayPerYear = orZero(oilDecayPerYear);
    displacementPerYear = orZero(displacementPerYear);
    displacementOnCapture = orZero(displacementOnCapture);
    warUsdPerFighterLost = orZero(warUsdPerFighterLost);
    familyUsdPerDeadPerDay = orZero(familyUsdPerDeadPerDay);
    cashLossOnFall = orZero(cashLossOnFall);
    lootUsdPerCapita = orZero(lootUsdPerCapita);
    operationsUsdPerOperativePerDay = orZero(operationsUsdPerOperativePerDay);
  }

  /**
   * The section a scenario gets when it omits {@code processes.economy} (registered by {@link
   * BuiltInProcesses}): $0.10 tax per held inhabitant per day, oil at $25/bbl with 50% of capacity
   * sold, $50,000/day other income, $1.50 pay per fighter per day, $0.02 administration per
   * inhabitant per day, treasury $10 million, and every optional field at its default.
   */
  public static EconomyParameters defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #defaults()}: set the fields that differ, then {@link
   * Builder#build()}, e.g. {@code EconomyParameters.builder().initialTreasuryUsd(0).build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these parameters, to change a few of their fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.taxUsdPerCapitaPerDay = taxUsdPerCapitaPerDay;
    b.oilPriceUsdPerBbl = oilPriceUsdPerBbl;
    b.oilOutputShare = oilOutputShare;
    b.otherUsdPerDay = otherUsdPerDay;
    b.payUsdPerFighterPerDay = payUsdPerFighterPerDay;
    b.administrationUsdPerCapitaPerDay = administrationUsdPerCapitaPerDay;
    b.initialTreasuryUsd = initialTreasuryUsd;
    b.oilPrice = oilPrice;
    b.oilDecayPerYear = oilDecayPerYear;
    b.displacementPerYear = displacementPerYear;
    b.displacementOnCapture = displacementOnCapture;
    b.warUsdPerFighterLost = warUsdPerFighterLost;
    b.familyUsdPerDeadPerDay = familyUsdPerDeadPerDay;
    b.cashLossOnFall = cashLossOnFall;
    b.lootUsdPerCapita = lootUsdPerCapita;
    b.operationsUsdPerOperativePerDay = operationsUsdPerOperativePerDay;
    return b;
  }

  /**
   * Builds {@link EconomyParameters} field by field (see {@link #builder()} and {@link
   * #toBuilder()}). Each setter is named after its field and documented there; a field never set is
   * passed to the canonical constructor as omitted, so it gets the same default as in a file.
   * {@link #build()} does not validate: {@link EconomyParameters#check} does.
   */
  public static final class Builder {
    private double taxUsdPerCapitaPerDay = 0.10;
    private double oilPriceUsdPerBbl = 25;
    private double oilOutputShare = 0.5;
    private double otherUsdPerDay = 50_000;
    private double payUsdPerFighterPerDay = 1.5;
    private double administrationUsdPerCapitaPerDay = 0.02;
    private double initialTreasuryUsd = 10_000_000;
    private List<OilPrice> oilPrice;
    private Double oilDecayPerYear;
    private Double displacementPerYear;
    private Double displacementOnCapture;
    private Double warUsdPerFighterLost;
    private Double familyUsdPerDeadPerDay;
    private Double cashLossOnFall;
    private Double lootUsdPerCapita;
    private Double operationsUsdPerOperativePerDay;

    private Builder() {}

    public Builder taxUsdPerCapitaPerDay(double taxUsdPerCapitaPerDay) {
      this.taxUsdPerCapitaPerDay = taxUsdPerCapitaPerDay;
      return this;
    }

    public Builder oilPriceUsdPerBbl(double oilPriceUsdPerBbl) {
      this.oilPriceUsdPerBbl = oilPriceUsdPerBbl;
      return this;
    }

    public Builder oilOutputShare(double oilOutputShare) {
      this.oilOutputShare = oilOutputShare;
      return this;
    }

    public Builder otherUsdPerDay(double otherUsdPerDay) {
      this.otherUsdPerDay = otherUsdPerDay;
      return this;
    }

    public Builder payUsdPerFighterPerDay(double payUsdPerFighterPerDay) {
      this.payUsdPerFighterPerDay = payUsdPerFighterPerDay;
      return this;
    }

    public Builder administrationUsdPerCapitaPerDay(double administrationUsdPerCapitaPerDay) {
      this.administrationUsdPerCapitaPerDay = administrationUsdPerCapitaPerDay;
      return this;
    }

    public Builder initialTreasuryUsd(double initialTreasuryUsd) {
      this.initialTreasuryUsd = initialTreasuryUsd;
      return this;
    }

    public Builder oilPrice(List<OilPrice> oilPrice) {
      this.oilPrice = oilPrice;
      return this;
    }

    public Builder oilDecayPerYear(double oilDecayPerYear) {
      this.oilDecayPerYear = oilDecayPerYear;
      return this;
    }

    public Builder displacementPerYear(double displacementPerYear) {
      this.displacementPerYear = displacementPerYear;
      return this;
    }

    public Builder displacementOnCapture(double displacementOnCapture) {
      this.displacementOnCapture = displacementOnCapture;
      return this;
    }

    public Builder warUsdPerFighterLost(double warUsdPerFighterLost) {
      this.warUsdPerFighterLost = warUsdPerFighterLost;
      return this;
    }

    public Builder familyUsdPerDeadPerDay(double familyUsdPerDeadPerDay) {
      this.familyUsdPerDeadPerDay = familyUsdPerDeadPerDay;
      return this;
    }

    public Builder cashLossOnFall(double cashLossOnFall) {
      this.cashLossOnFall = cashLossOnFall;
      return this;
    }

    public Builder lootUsdPerCapita(double lootUsdPerCapita) {
      this.lootUsdPerCapita = lootUsdPerCapita;
      return this;
    }

    public Builder operationsUsdPerOperativePerDay(double operationsUsdPerOperativePerDay) {
      this.operationsUsdPerOperativePerDay = operationsUsdPerOperativePerDay;
      return this;
    }

    /** The parameters with the fields set so far and every other field at its default. */
    public EconomyParameters build() {
      return new EconomyParameters(
          taxUsdPerCapitaPerDay,
          oilPriceUsdPerBbl,
          oilOutputShare,
          otherUsdPerDay,
          payUsdPerFighterPerDay,
          administrationUsdPerCapitaPerDay,
          initialTreasuryUsd,
          oilPrice,
          oilDecayPerYear,
          displacementPerYear,
          displacementOnCapture,
          warUsdPerFighterLost,
          familyUsdPerDeadPerDay,
          cashLossOnFall,
          lootUsdPerCapita,
          operationsUsdPerOperativePerDay);
    }
  }

  private static Double orZero(Double x) {
    return x == null ? 0.0 : x;
  }

  /** The realised oil price on {@code date}. */
  public double oilPriceOn(LocalDate date) {
    double price = oilPriceUsdPerBbl;
    for (OilPrice o : oilPrice) {
      if (o.from() == null || o.from().isAfter(date)) {
        break;
      }
      price = o.usdPerBbl();
    }
    return price;
  }

  @Override
  public void check(Checks c) {
    usdPerUnit(c, taxUsdPerCapitaPerDay, "taxUsdPerCapitaPerDay");
    usdPerUnit(c, oilPriceUsdPerBbl, "oilPriceUsdPerBbl");
    c.fraction(oilOutputShare, "oilOutputShare");
    c.nonNegativeAtMost(otherUsdPerDay, Limits.MAX_USD, "otherUsdPerDay");
    usdPerUnit(c, payUsdPerFighterPerDay, "payUsdPerFighterPerDay");
    usdPerUnit(c, administrationUsdPerCapitaPerDay, "administrationUsdPerCapitaPerDay");
    c.nonNegativeAtMost(initialTreasuryUsd, Limits.MAX_USD, "initialTreasuryUsd");
    if (oilPrice.size() > Limits.MAX_ELEMENTS) {
      c.add(
          "oilPrice",
          "must have at most " + Limits.MAX_ELEMENTS + " entries, had " + oilPrice.size());
    }
    LocalDate previous = null;
    for (int i = 0; i < oilPrice.size(); i++) {
      OilPrice o = oilPrice.get(i);
      Checks e = c.at("oilPrice[" + i + "]");
      if (o == null) {
        e.add("", "is required");
        continue;
      }
      if (e.required(o.from(), "from")) {
        if (previous != null && !o.from().isAfter(previous)) {
          e.add(
              "from", "dates must be strictly increasing, was " + o.from() + " after " + previous);
        }
        previous = o.from();
      }
      usdPerUnit(e, o.usdPerBbl(), "usdPerBbl");
    }
    c.nonNegativeAtMost(oilDecayPerYear, Limits.MAX_RATE_PER_YEAR, "oilDecayPerYear");
    c.nonNegativeAtMost(displacementPerYear, Limits.MAX_RATE_PER_YEAR, "displacementPerYear");
    c.fraction(displacementOnCapture, "displacementOnCapture");
    usdPerUnit(c, warUsdPerFighterLost, "warUsdPerFighterLost");
    usdPerUnit(c, familyUsdPerDeadPerDay, "familyUsdPerDeadPerDay");
    c.fraction(cashLossOnFall, "cashLossOnFall");
    usdPerUnit(c, lootUsdPerCapita, "lootUsdPerCapita");
    usdPerUnit(c, operationsUsdPerOperativePerDay, "operationsUsdPerOperativePerDay");
  }

  private static void usdPerUnit(Checks c, double value, String field) {
    c.nonNegativeAtMost(value, Limits.MAX_USD_PER_UNIT, field);
  }
}
