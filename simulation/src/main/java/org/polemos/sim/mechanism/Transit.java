package org.polemos.sim.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.polemos.model.Corridor;
import org.polemos.model.Scenario;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 2 of DOMAIN.md (transit). Each departing traveller takes one of the open corridors
 * serving its source, chosen with probability proportional to the corridors' weights; is stopped by
 * departure screening with the corridor's {@code departureScreening} probability (state arrested at
 * departure); otherwise travels for {@code transitDelayDays} (plus a uniform offset within the day
 * of departure, see {@link Departures}) and at the border is turned back with probability {@code 1
 * - (1 - interdiction)(1 - border closure in force)}, or always if the corridor closed meanwhile
 * (both counted in {@code interdicted_cumulative} of the corridor). The others cross into the
 * organisation's territory and go to intake.
 *
 * <p>A corridor is open exactly while the organisation holds its entry region: this mechanism
 * listens to control changes and emits {@code corridor-closed} / {@code corridor-opened} events
 * (subject = corridor id; details {@code region}, {@code controller}).
 */
public final class Transit implements Mechanism, Ports.Departures {
  public static final String NAME = "transit";

  private RunContext ctx;
  private World world;
  private People people;
  private Simulation sim;
  private Draw draw;
  private Ports.Arrivals arrivals;
  private int[][] corridorsOf;
  private double[] weights;
  private double[] scratch;
  private double[] screening;
  private double[] interdiction;
  private ContinuousSampler[] delay;
  private final Traveller.Step arrive = this::arrive;

  public static final MechanismFactory FACTORY = MechanismFactory.of(NAME, Transit::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new Transit());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Departures.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    this.people = world.people();
    this.sim = ctx.sim();
    this.draw = new Draw(ctx.random(NAME));
    List<Corridor> corridors = ctx.scenario().corridors();
    int c = corridors.size();
    weights = new double[c];
    scratch = new double[c];
    screening = new double[c];
    interdiction = new double[c];
    delay = new ContinuousSampler[c];
    List<List<Integer>> of = new ArrayList<>();
    for (int s = 0; s < ctx.index().sourceCount(); s++) {
      of.add(new ArrayList<>());
    }
    for (int k = 0; k < c; k++) {
      Corridor corridor = corridors.get(k);
      weights[k] = corridor.weight();
      screening[k] = corridor.departureScreening();
      interdiction[k] = corridor.interdiction();
      delay[k] = Samplers.of(corridor.transitDelayDays(), draw.rng());
      for (String s : corridor.sources()) {
        of.get(ctx.index().source(s)).add(k);
      }
    }
    corridorsOf = new int[of.size()][];
    for (int s = 0; s < of.size(); s++) {
      corridorsOf[s] = of.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    arrivals = ctx.require(Ports.Arrivals.class);
    world.addControlListener(this::controlChanged);
  }

  @Override
  public boolean canDepart(int source) {
    for (int k : corridorsOf[source]) {
      if (world.corridorOpen(k) && weights[k] > 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void departed(int source, long count) {
    int[] ks = corridorsOf[source];
    for (int j = 0; j < ks.length; j++) {
      scratch[j] = world.corridorOpen(ks[j]) ? weights[ks[j]] : 0;
    }
    people.depart(source, PersonState.IN_TRANSIT, count);
    for (long n = 0; n < count; n++) {
      int j = draw.pick(scratch, ks.length);
      if (j < 0) {
        throw new IllegalStateException(
            "departure from source " + source + " with no open corridor");
      }
      int k = ks[j];
      if (draw.bernoulli(screening[k])) {
        people.move(source, PersonState.IN_TRANSIT, PersonState.ARRESTED_AT_DEPARTURE, 1);
        continue;
      }
      double offset = draw.uniform();
      Traveller t = new Traveller(source, k, sim.now() + offset);
      t.next = arrive;
      sim.schedule(offset + delay[k].sample(), t);
    }
  }

  private void arrive(Traveller t, Simulation sim) {
    int k = t.corridor;
    t.arrived = sim.now();
    double p = 1 - (1 - interdiction[k]) * (1 - world.borderClosure(k));
    if (!world.corridorOpen(k) || draw.bernoulli(p)) {
      people.move(t.source, PersonState.IN_TRANSIT, PersonState.TURNED_BACK, 1);
      world.interdicted(k);
      return;
    }
    people.move(t.source, PersonState.IN_TRANSIT, PersonState.IN_INTAKE, 1);
    arrivals.arrived(t);
  }

  private void controlChanged(int region, int from, int to) {
    int org = world.organisation();
    for (int k = 0; k < weights.length; k++) {
      if (world.corridorEntry(k) != region) {
        continue;
      }
      boolean open = to == org;
      if (open != world.corridorOpen(k)) {
        world.corridorOpen(k, open);
        ctx.event(
            open ? "corridor-opened" : "corridor-closed",
            ctx.index().corridorId(k),
            "region",
            ctx.index().placeId(region),
            "controller",
            ctx.index().factionId(to));
      }
    }
  }
}
