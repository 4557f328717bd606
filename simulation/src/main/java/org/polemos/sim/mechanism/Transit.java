package org.polemos.sim.mechanism;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.polemos.model.Corridor;
import org.polemos.model.Scenario;
import org.polemos.model.process.TransitParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 2 of DOMAIN.md (transit) and the border strip (issue 13). Each departing traveller
 * takes one of the corridors serving its source, chosen with probability proportional to the
 * corridor's weight x its openness (below) (would-be travellers stopped by the states' travel
 * instruments in force never depart, see {@link TravelInstruments}); is stopped by departure
 * screening with the corridor's {@code departureScreening} probability (state arrested at
 * departure); otherwise travels for {@code transitDelayDays} (plus a uniform offset within the day
 * of departure, see {@link Departures}) to the corridor's hub at the border.
 *
 * <p><b>The crossing.</b> A corridor is <i>open</i> while the organisation holds its entry place
 * (events {@code corridor-opened} / {@code corridor-closed}, subject = corridor id, details {@code
 * region}, {@code controller}). Its openness o is 1 while open; from the moment the entry is lost
 * it decays as {@code e^{-t / closureDays}} (smugglers still get people through a strip just lost),
 * and is 1 again when the entry is retaken. Each day at mid-day a crossing gets a budget of {@code
 * capacityPerDay x o} crossings (stochastically rounded; {@code processes.transit.capacityPerDay},
 * unlimited when the corridor is not listed: then every waiting traveller while open, or each with
 * probability o while closing). A traveller reaching the hub crosses at once if nobody is waiting
 * there and the day's budget is not spent; otherwise it waits at the hub (state {@code AT_HUB}) and
 * the waiting cross first-come-first-served with the next days' budgets. Each traveller who crosses
 * is turned back with probability {@code 1 - (1 - interdiction)(1 - border closure in force)}
 * (state turned back, counted in {@code interdicted_cumulative} of the corridor); the others enter
 * the organisation's territory and go to intake.
 *
 * <p><b>Waiting, rerouting, giving up.</b> Each day, after the crossings, every traveller still
 * waiting gives up with probability {@code giveUpPerDay} and goes home (state {@code GAVE_UP}); one
 * waiting at a closing corridor otherwise moves with probability {@code reroutePerDay} to an open
 * corridor of its source (by weight; counted as rerouted), where it crosses or waits as on arrival.
 * So losing a crossing never stops the flow in one step: arrivals through it fall as o does, the
 * travellers already on their way wait, reroute or give up, and departures fall with {@link
 * #openness(int)} (the largest openness of the source's corridors), which the departure mechanisms
 * multiply their rate by; a corridor whose openness is below {@value #MIN_OPENNESS} counts as shut
 * for the choice of a corridor and for {@link #canDepart(int)}.
 */
public final class Transit implements Mechanism, Ports.Departures, Action {
  public static final String NAME = "transit";

  /** Openness below which a closing corridor counts as shut. */
  public static final double MIN_OPENNESS = 0.01;

  private RunContext ctx;
  private World world;
  private People people;
  private Simulation sim;
  private Draw draw;
  private Ports.Arrivals arrivals;
  private Ports.Instruments instruments;
  private int[][] corridorsOf;
  private double[] weights;
  private double[] scratch;
  private double[] screening;
  private double[] interdiction;
  private double[] capacity;
  private double[] lostAt;
  private double[] budget;
  private ArrayDeque<Traveller>[] waiting;
  private ContinuousSampler[] delay;
  private TransitParameters p;
  private final Traveller.Step arrive = this::arrive;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, TransitParameters.class, Transit::create);

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
  @SuppressWarnings("unchecked")
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    this.people = world.people();
    this.sim = ctx.sim();
    this.draw = new Draw(ctx.random(NAME));
    p = ctx.scenario().processes().get(TransitParameters.class);
    if (p == null) {
      p = TransitParameters.defaults();
    }
    List<Corridor> corridors = ctx.scenario().corridors();
    int c = corridors.size();
    weights = new double[c];
    scratch = new double[c];
    screening = new double[c];
    interdiction = new double[c];
    capacity = new double[c];
    lostAt = new double[c];
    budget = new double[c];
    waiting = new ArrayDeque[c];
    delay = new ContinuousSampler[c];
    for (int k = 0; k < c; k++) {
      Corridor corridor = corridors.get(k);
      weights[k] = corridor.weight();
      screening[k] = corridor.departureScreening();
      interdiction[k] = corridor.interdiction();
      capacity[k] = p.capacityPerDay().getOrDefault(corridor.id(), Double.POSITIVE_INFINITY);
      lostAt[k] = world.corridorOpen(k) ? Double.NaN : Double.NEGATIVE_INFINITY;
      waiting[k] = new ArrayDeque<>();
      delay[k] = Samplers.of(corridor.transitDelayDays(), draw.rng());
    }
    Arrays.fill(budget, 0);
    corridorsOf = new int[ctx.index().sourceCount()][];
    for (int s = 0; s < corridorsOf.length; s++) {
      corridorsOf[s] = ctx.index().corridorsOf(s);
    }
    arrivals = ctx.require(Ports.Arrivals.class);
    instruments =
        ctx.provides(Ports.Instruments.class)
            ? ctx.require(Ports.Instruments.class)
            : Ports.Instruments.NONE;
    world.addControlListener(this::controlChanged);
    sim.scheduleAt(MIDDAY, this);
  }

  /** The openness of corridor {@code k} now: 1 while open, decaying since its entry was lost. */
  public double corridorOpenness(int k) {
    if (world.corridorOpen(k)) {
      return 1;
    }
    double o = Math.exp(-(sim.now() - lostAt[k]) / p.closureDays());
    return o >= MIN_OPENNESS ? o : 0;
  }

  /** Travellers waiting at the hub of corridor {@code k}. */
  public int waiting(int k) {
    return waiting[k].size();
  }

  @Override
  public boolean canDepart(int source) {
    return openness(source) > 0;
  }

  @Override
  public double openness(int source) {
    double best = 0;
    for (int k : corridorsOf[source]) {
      if (weights[k] > 0) {
        best = Math.max(best, corridorOpenness(k));
        if (best >= 1) {
          break; // no corridor is more than open (corridorOpenness is in [0, 1])
        }
      }
    }
    return best;
  }

  @Override
  public void departed(int source, long wouldBe) {
    // the states' travel instruments stop some before they depart (prevented, never departed)
    long count = instruments.letThrough(source, wouldBe);
    int[] ks = corridorsOf[source];
    for (int j = 0; j < ks.length; j++) {
      scratch[j] = weights[ks[j]] * corridorOpenness(ks[j]);
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

  /** A traveller reaches the hub of its corridor. */
  private void arrive(Traveller t, Simulation sim) {
    t.arrived = sim.now();
    reachHub(t, PersonState.IN_TRANSIT);
  }

  /** Crosses at once if nobody waits and the day's budget allows, otherwise waits. */
  private void reachHub(Traveller t, PersonState from) {
    int k = t.corridor;
    if (waiting[k].isEmpty() && world.corridorOpen(k) && budget[k] >= 1) {
      budget[k] -= 1;
      cross(t, from);
    } else {
      if (from != PersonState.AT_HUB) {
        people.move(t.source, from, PersonState.AT_HUB, 1);
      }
      waiting[k].addLast(t);
    }
  }

  private void cross(Traveller t, PersonState from) {
    int k = t.corridor;
    double pTurned = 1 - (1 - interdiction[k]) * (1 - world.borderClosure(k));
    if (draw.bernoulli(pTurned)) {
      people.move(t.source, from, PersonState.TURNED_BACK, 1);
      world.interdicted(k);
      return;
    }
    people.move(t.source, from, PersonState.IN_INTAKE, 1);
    arrivals.arrived(t);
  }

  /** The daily crossings, then giving up and rerouting at the hubs. */
  @Override
  public void fire(Simulation sim) {
    int c = weights.length;
    for (int k = 0; k < c; k++) {
      double o = corridorOpenness(k);
      if (Double.isInfinite(capacity[k])) {
        budget[k] =
            world.corridorOpen(k) ? Double.POSITIVE_INFINITY : draw.binomial(waiting[k].size(), o);
      } else {
        budget[k] = draw.stochasticRound(capacity[k] * o);
      }
      while (budget[k] >= 1 && !waiting[k].isEmpty()) {
        budget[k] -= 1;
        cross(waiting[k].pollFirst(), PersonState.AT_HUB);
      }
      if (!world.corridorOpen(k)) {
        budget[k] = 0; // a closing crossing's budget is spent by those waiting
      }
    }
    for (int k = 0; k < c; k++) {
      int n = waiting[k].size();
      boolean closing = !world.corridorOpen(k);
      for (int i = 0; i < n; i++) {
        Traveller t = waiting[k].pollFirst();
        if (draw.bernoulli(p.giveUpPerDay())) {
          people.move(t.source, PersonState.AT_HUB, PersonState.GAVE_UP, 1);
          continue;
        }
        if (closing && p.reroutePerDay() > 0 && draw.bernoulli(p.reroutePerDay())) {
          int to = rerouteTarget(t.source, k);
          if (to >= 0) {
            people.reroute(t.source);
            t.corridor = to;
            reachHub(t, PersonState.AT_HUB); // crosses now if the open crossing has room today
            continue;
          }
        }
        waiting[k].addLast(t);
      }
    }
    sim.schedule(1.0, this);
  }

  /** An open corridor of {@code source} other than {@code from}, by weight; -1 when none. */
  private int rerouteTarget(int source, int from) {
    int[] ks = corridorsOf[source];
    for (int j = 0; j < ks.length; j++) {
      scratch[j] = ks[j] != from && world.corridorOpen(ks[j]) ? weights[ks[j]] : 0;
    }
    int j = draw.pick(scratch, ks.length);
    return j < 0 ? -1 : ks[j];
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
        lostAt[k] = open ? Double.NaN : sim.now();
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
