package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.process.MomentumParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.world.World;

/**
 * Mechanism 6 of DOMAIN.md (momentum): the organisation's gains G and losses L of places, each
 * weighted by what people saw, the place's population times its symbolic weight ({@code
 * Locality.symbolicWeight}, 1 for a region's rest) as a share of the map's total (sum over places
 * of population x symbolic weight), are remembered with exponential decay of time constant {@code
 * memoryDays} ({@code G(t) = sum of gains g_i exp(-(t - t_i) / memoryDays)}), and each day {@code
 * momentum = clamp(1 + gainWeight G - lossWeight L, minimum, maximum)}.
 *
 * <p>It also maintains the momentum perceived in the source countries, which starts at the initial
 * momentum and follows it with an exponential lag of time constant {@code perceptionDays}: each day
 * {@code perceived += (momentum - perceived) x (1 - exp(-1 / perceptionDays))} (perceived =
 * momentum when {@code perceptionDays} is 0). News, propaganda and recruitment networks take time
 * to reach and mobilise people abroad, so foreign departures respond to the perceived value;
 * desertion keeps the actual momentum, because fighters on the ground see gains and losses at once
 * (inspired attacks no longer read momentum: issue 14, {@link ExternalOperations}).
 */
public final class Momentum implements Mechanism, Action {
  public static final String NAME = "momentum";

  private World world;
  private MomentumParameters p;
  private double decay;
  private double gains;
  private double losses;
  private double perceptionStep;
  private double totalWeight;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, MomentumParameters.class, Momentum::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new Momentum());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    p = ctx.scenario().processes().get(MomentumParameters.class);
    decay = p.memoryDays() > 0 ? Math.exp(-1.0 / p.memoryDays()) : 0;
    world.addControlListener(this::controlChanged);
    totalWeight = 0;
    for (int r = 0; r < world.places(); r++) {
      totalWeight += weight(r);
    }
    perceptionStep = p.perceptionDays() > 0 ? 1 - Math.exp(-1.0 / p.perceptionDays()) : 1;
    world.momentum(value());
    world.perceivedMomentum(world.momentum());
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** What the change of hands of a place weighs: its population times its symbolic weight. */
  private double weight(int place) {
    return world.population(place) * world.territory().symbolicWeight(place);
  }

  private void controlChanged(int place, int from, int to) {
    int org = world.organisation();
    double share = totalWeight > 0 ? weight(place) / totalWeight : 0;
    if (to == org) {
      gains += share;
    } else if (from == org) {
      losses += share;
    }
  }

  private double value() {
    double m = 1 + p.gainWeight() * gains - p.lossWeight() * losses;
    return Math.max(p.minimum(), Math.min(p.maximum(), m));
  }

  @Override
  public void fire(Simulation sim) {
    double m = value();
    world.momentum(m);
    double perceived = world.perceivedMomentum();
    world.perceivedMomentum(perceptionStep >= 1 ? m : perceived + (m - perceived) * perceptionStep);
    gains *= decay;
    losses *= decay;
    sim.schedule(1.0, this);
  }
}
