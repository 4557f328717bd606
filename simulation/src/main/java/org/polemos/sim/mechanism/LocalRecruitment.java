package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.process.LocalRecruitmentParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.world.World;

/**
 * Mechanism 4 of DOMAIN.md (local recruitment): each day, every region the organisation holds adds
 * {@code population x annualRatePerCapita / 365 x (1 - payDependence x unfunded share)} local
 * fighters there. Local recruits are an aggregate (a deterministic expected flow, as doubles), not
 * individuals.
 */
public final class LocalRecruitment implements Mechanism, Action {
  public static final String NAME = "local-recruitment";

  private World world;
  private double dailyRate;
  private double payDependence;
  private int regions;
  private double recruited;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, LocalRecruitmentParameters.class, LocalRecruitment::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.factions().stream()
            .noneMatch(f -> f.kind() == org.polemos.model.FactionKind.ORGANISATION)
        ? Optional.empty()
        : Optional.of(new LocalRecruitment());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    LocalRecruitmentParameters p = ctx.scenario().processes().get(LocalRecruitmentParameters.class);
    dailyRate = p.annualRatePerCapita() / 365.0;
    payDependence = p.payDependence();
    regions = ctx.index().placeCount();
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** Local recruits so far. */
  public double recruited() {
    return recruited;
  }

  @Override
  public void fire(Simulation sim) {
    int org = world.organisation();
    double factor = dailyRate * Math.max(0, 1 - payDependence * world.unfundedShare());
    for (int r = 0; r < regions; r++) {
      if (world.controller(r) == org) {
        double n = world.population(r) * factor;
        world.addFighters(r, org, n);
        recruited += n;
      }
    }
    sim.schedule(1.0, this);
  }
}
