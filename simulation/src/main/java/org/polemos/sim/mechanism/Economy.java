package org.polemos.sim.mechanism;

import java.util.Arrays;
import java.util.Optional;
import org.polemos.model.Calendar;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.EconomyParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.Territory;
import org.polemos.sim.world.World;

/**
 * Mechanism 7 of DOMAIN.md (economy): the organisation's money, which runs out when what it holds
 * is lost. Once a day, over the places {@code r} the organisation holds:
 *
 * <pre>
 *   base_r      *= exp(-displacementPerYear / 365)          (the tax base left, 1 at the start)
 *   condition_r *= exp(-oilDecayPerYear / 365)              (the oil output left, 1 at the start)
 *   tax      = sum of population_r x base_r x taxUsdPerCapitaPerDay
 *   oil      = sum of capacity_r x oilOutputShare x price(date) x (1 - revenue-strike damage_r) x condition_r
 *   other    = otherUsdPerDay x population held / the largest population held so far (0 with none)
 *   need     = pay x fighters + administration x tax base held
 *              + warUsdPerFighterLost x the organisation's deaths since yesterday
 *              + familyUsdPerDeadPerDay x its deaths so far
 *              + operationsUsdPerOperativePerDay x operatives (external operations budget)
 *   cash strikes: treasury -= treasury x sum over struck held places of
 *              (population_r / population held) x (1 - (1 - intensity_r)^(1/30))
 *   treasury = max(0, treasury + tax + oil + other - need)
 *   unfunded share = shortfall / need   (shortfall = need - treasury - revenue when that is positive)
 * </pre>
 *
 * {@code price(date)} is the dated series {@code oilPrice} (a step function; {@code
 * oilPriceUsdPerBbl} before its first date). When a place changes hands: its tax base left is
 * multiplied by {@code 1 - displacementOnCapture}; if the organisation takes it, it loots {@code
 * lootUsdPerCapita x population} once (revenue stream {@code loot}); if the organisation loses it,
 * the cash kept there ({@code treasury x population_r / population held before the loss}) is lost
 * in the share {@code cashLossOnFall}. Nothing adds to the treasury while the organisation holds no
 * place: tax, oil and other income are sums over held places, and looting needs a place taken.
 *
 * <p>The unfunded share is the pay cut: {@link Attrition} multiplies desertion by {@code 1 +
 * (desertionUnpaidMultiplier - 1) x share} and {@link LocalRecruitment} multiplies recruitment by
 * {@code 1 - payDependence x share} the next day. Spending due is reported by stream ({@code
 * spending_usd}) and what went unpaid as {@code unfunded_usd}.
 */
public final class Economy implements Mechanism, Action, Territory.ControlListener {
  public static final String NAME = "economy";
  private static final double MONTH_DAYS = 30;

  private World world;
  private EconomyParameters p;
  private Calendar calendar;
  private Simulation sim;
  private int regions;
  private double[] base;
  private double[] condition;
  private double baseDecay;
  private double oilDecay;
  private double peakPopulation;
  private double deathsSeen;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, EconomyParameters.class, Economy::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.factions().stream().noneMatch(f -> f.kind() == FactionKind.ORGANISATION)
        ? Optional.empty()
        : Optional.of(new Economy());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    sim = ctx.sim();
    p = ctx.scenario().processes().get(EconomyParameters.class);
    calendar = ctx.scenario().calendar();
    regions = ctx.index().placeCount();
    base = new double[regions];
    condition = new double[regions];
    Arrays.fill(base, 1);
    Arrays.fill(condition, 1);
    baseDecay = Math.exp(-p.displacementPerYear() / 365.0);
    oilDecay = Math.exp(-p.oilDecayPerYear() / 365.0);
    peakPopulation = world.populationHeld(world.organisation());
    deathsSeen = world.forces().deaths(world.organisation());
    world.addControlListener(this);
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** Runs one economy day (public for tests). */
  public void day() {
    int org = world.organisation();
    double population = world.populationHeld(org);
    peakPopulation = Math.max(peakPopulation, population);
    double price = p.oilPriceOn(calendar.dateAt(Math.floor(sim.now())));
    double taxBase = 0;
    double oil = 0;
    double struck = 0;
    for (int r = 0; r < regions; r++) {
      if (world.controller(r) != org) {
        continue;
      }
      base[r] *= baseDecay;
      condition[r] *= oilDecay;
      taxBase += world.population(r) * base[r];
      if (world.oilCapacity(r) > 0) {
        oil +=
            world.oilCapacity(r)
                * p.oilOutputShare()
                * price
                * (1 - world.revenueDamage(r))
                * condition[r];
      }
      double x = world.cashStrikes(r);
      if (x > 0 && population > 0) {
        struck += world.population(r) / population * (1 - Math.pow(1 - x, 1 / MONTH_DAYS));
      }
    }
    if (struck > 0) {
      world.treasury(world.treasury() * (1 - Math.min(1, struck)));
    }
    double tax = taxBase * p.taxUsdPerCapitaPerDay();
    double other = peakPopulation > 0 ? p.otherUsdPerDay() * population / peakPopulation : 0;
    world.addRevenue(World.TAX, tax);
    world.addRevenue(World.OIL, oil);
    world.addRevenue(World.OTHER, other);
    double deaths = world.forces().deaths(org);
    double[] due = {
      p.payUsdPerFighterPerDay() * world.fighters(org),
      p.administrationUsdPerCapitaPerDay() * taxBase,
      p.warUsdPerFighterLost() * Math.max(0, deaths - deathsSeen),
      p.familyUsdPerDeadPerDay() * deaths,
      p.operationsUsdPerOperativePerDay() * world.people().count(PersonState.OPERATIVE)
    };
    deathsSeen = deaths;
    double need = 0;
    for (int s = 0; s < due.length; s++) {
      world.addSpending(s, due[s]);
      need += due[s];
    }
    double available = world.treasury() + tax + oil + other;
    if (available >= need) {
      world.treasury(available - need);
      world.unfundedShare(0);
    } else {
      world.treasury(0);
      world.addUnfunded(need - available);
      world.unfundedShare((need - available) / need);
    }
  }

  @Override
  public void controlChanged(int place, int from, int to) {
    int org = world.organisation();
    base[place] *= 1 - p.displacementOnCapture();
    if (to == org) {
      double loot = p.lootUsdPerCapita() * world.population(place);
      if (loot > 0) {
        world.addRevenue(World.LOOT, loot);
        world.treasury(world.treasury() + loot);
      }
    } else if (from == org && p.cashLossOnFall() > 0) {
      double before = world.populationHeld(org) + world.population(place);
      if (before > 0) {
        double kept = world.treasury() * world.population(place) / before;
        world.treasury(world.treasury() - p.cashLossOnFall() * kept);
      }
    }
  }

  @Override
  public void fire(Simulation sim) {
    day();
    sim.schedule(1.0, this);
  }
}
