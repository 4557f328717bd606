package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.EconomyParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.world.World;

/**
 * Mechanism 7 of DOMAIN.md (economy), once a day:
 *
 * <pre>
 *   tax      = population held x taxUsdPerCapitaPerDay
 *   oil      = sum over held regions of capacity x oilOutputShare x oilPrice x (1 - revenue-strike damage)
 *   other    = otherUsdPerDay
 *   need     = pay x organisation fighters + administration x population held
 *   treasury = max(0, treasury + tax + oil + other - need)
 *   unfunded share = shortfall / need   (shortfall = need - treasury - revenue when that is positive)
 * </pre>
 *
 * The unfunded share cuts local recruitment and raises desertion the next day.
 */
public final class Economy implements Mechanism, Action {
  public static final String NAME = "economy";

  private World world;
  private EconomyParameters p;
  private int regions;

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
    p = ctx.scenario().processes().get(EconomyParameters.class);
    regions = ctx.index().placeCount();
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** Runs one economy day (public for tests). */
  public void day() {
    int org = world.organisation();
    double population = world.populationHeld(org);
    double tax = population * p.taxUsdPerCapitaPerDay();
    double oil = 0;
    for (int r = 0; r < regions; r++) {
      if (world.controller(r) == org && world.oilCapacity(r) > 0) {
        oil +=
            world.oilCapacity(r)
                * p.oilOutputShare()
                * p.oilPriceUsdPerBbl()
                * (1 - world.revenueDamage(r));
      }
    }
    double other = p.otherUsdPerDay();
    world.addRevenue(World.TAX, tax);
    world.addRevenue(World.OIL, oil);
    world.addRevenue(World.OTHER, other);
    double need =
        p.payUsdPerFighterPerDay() * world.fighters(org)
            + p.administrationUsdPerCapitaPerDay() * population;
    double available = world.treasury() + tax + oil + other;
    if (available >= need) {
      world.treasury(available - need);
      world.unfundedShare(0);
    } else {
      world.treasury(0);
      world.unfundedShare((need - available) / need);
    }
  }

  @Override
  public void fire(Simulation sim) {
    day();
    sim.schedule(1.0, this);
  }
}
