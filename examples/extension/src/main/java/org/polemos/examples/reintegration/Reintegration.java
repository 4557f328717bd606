package org.polemos.examples.reintegration;

import java.util.Optional;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;

/**
 * A reintegration programme for returnees (deserters who went home and were not arrested), counted
 * at the population level. Each day at mid-day the returnees who became eligible since the day
 * before join a waiting list; {@code Poisson(placesPerYear / 365)} places open and are filled from
 * the list; each enrolled returnee completes with probability {@code completionShare} (a binomial
 * draw). The programme only reads the world: it changes no other mechanism's state or random
 * numbers, so every built-in output is the same with or without it.
 *
 * <p>Invariant, at every sample: {@code waiting + completed + notCompleted = eligible}.
 */
public final class Reintegration implements Mechanism, Action {
  public static final String NAME = "reintegration";

  /** Declares the name and the parameter record; creates one instance per replication. */
  public static final MechanismFactory FACTORY =
      MechanismFactory.of(
          NAME, ReintegrationParameters.class, scenario -> Optional.of(new Reintegration()));

  /** The programme's counts, shared with the metric through a per-run attribute. */
  public static final class Counts {
    long eligible;
    long waiting;
    long completed;
    long notCompleted;
  }

  private People people;
  private Draw draw;
  private Counts counts;
  private double placesPerDay;
  private double completionShare;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    ReintegrationParameters p = ctx.scenario().processes().get(ReintegrationParameters.class);
    placesPerDay = p.placesPerYear() / 365.0;
    completionShare = p.completionShare();
    people = ctx.world().people();
    draw = new Draw(ctx.random(NAME));
    counts = counts(ctx);
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** The counts of the run of {@code ctx}. */
  static Counts counts(RunContext ctx) {
    return ctx.attribute(Counts.class, Counts::new);
  }

  @Override
  public void fire(Simulation sim) {
    long eligible = people.count(PersonState.RETURNED);
    for (int s = 0; s < people.sources(); s++) {
      eligible -= people.returneesArrested(s);
    }
    counts.waiting += eligible - counts.eligible;
    counts.eligible = eligible;
    long enrolled = Math.min(counts.waiting, draw.poisson(placesPerDay));
    long completed = draw.binomial(enrolled, completionShare);
    counts.waiting -= enrolled;
    counts.completed += completed;
    counts.notCompleted += enrolled - completed;
    sim.schedule(1.0, this);
  }
}
