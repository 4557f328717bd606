package org.polemos.sim.mechanism;

import java.util.ArrayDeque;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.polemos.model.Scenario;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.process.RoleShares;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 3 of DOMAIN.md (intake and integration): arrivals join a first-come-first-served queue
 * in front of {@code servers} parallel places; service time is drawn from {@code serviceDays}. With
 * Poisson arrivals and exponential service this is exactly an M/M/c queue.
 *
 * <p>On leaving intake a recruit takes a role by {@link RoleShares} (constant shares: the share
 * assigned to operations abroad no longer rises with the area lost, issue 14); one assigned to
 * operations abroad while the branch has no free training place ({@link Ports.Operations#hasPlace})
 * serves as a fighter instead. Fighters join the organisation's forces in the held region with a
 * front where its fighters are fewest relative to the enemy fighters next to it (with no front
 * anywhere: the corridor's entry region if held, otherwise the held region with most of its
 * fighters); if it holds no region they are counted as deserted. Support staff are counted (state
 * support), operatives go to {@link ExternalOperations}. Foreign fighters are counted by source
 * (and so by the source's language group in the outputs).
 */
public final class Intake implements Mechanism, Ports.Arrivals {
  public static final String NAME = "intake";

  private RunContext ctx;
  private World world;
  private People people;
  private Simulation sim;
  private Draw draw;
  private ContinuousSampler service;
  private int servers;
  private int busy;
  private final ArrayDeque<Traveller> queue = new ArrayDeque<>();
  private RoleShares roles;
  private Ports.Operations operations;
  private final Traveller.Step complete = this::complete;
  // placement's view of the fronts, rebuilt when a place changes hands (refreshFronts)
  private int frontsAt = -1;
  private int frontCount;
  private int[] frontPlace;
  private int[] enemyFrom;
  private int[] enemyPlace;
  private int[] enemyFaction;
  private int heldCount;
  private int[] heldPlace;
  // enemy fighters next to each front place, kept while no enemy's fighters change
  // (Forces.othersChanged) and no place changes hands
  private double[] enemySum;
  private long sumsAt = -1;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, IntakeParameters.class, Intake::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new Intake());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Arrivals.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    this.people = world.people();
    this.sim = ctx.sim();
    this.draw = new Draw(ctx.random(NAME));
    IntakeParameters p = ctx.scenario().processes().get(IntakeParameters.class);
    servers = p.servers();
    service = Samplers.of(p.serviceDays(), draw.rng());
    roles = p.roles();
    operations = ctx.require(Ports.Operations.class);
  }

  @Override
  public void arrived(Traveller t) {
    if (busy < servers) {
      begin(t);
    } else {
      queue.addLast(t);
    }
    world.intakeCounts(queue.size(), busy);
  }

  private void begin(Traveller t) {
    busy++;
    t.serviceStarted = sim.now();
    world.intakeStarted(t.serviceStarted - t.arrived);
    t.next = complete;
    sim.schedule(service.sample(), t);
  }

  private void complete(Traveller t, Simulation sim) {
    busy--;
    int s = t.source;
    double ext = roles.externalOperations();
    double u = draw.uniform();
    if (u < ext && operations.hasPlace(s)) {
      people.move(s, PersonState.IN_INTAKE, PersonState.OPERATIVE, 1);
      operations.assigned(s);
    } else if (u < ext + roles.fighter()) {
      int region = placement(world.corridorEntry(t.corridor));
      int cells = region >= 0 ? -1 : largestUnderground();
      if (region >= 0) {
        world.addForeignFighter(region, s);
      } else if (cells >= 0) {
        world.forces().addForeignUnderground(cells, s); // it holds nothing: recruits join its cells
      } else {
        people.move(s, PersonState.IN_INTAKE, PersonState.DESERTED, 1);
      }
    } else {
      people.move(s, PersonState.IN_INTAKE, PersonState.SUPPORT, 1);
    }
    Traveller next = queue.pollFirst();
    if (next != null) {
      begin(next);
    }
    world.intakeCounts(queue.size(), busy);
  }

  /** The place with the organisation's largest underground, -1 when it has none. */
  private int largestUnderground() {
    int best = -1;
    for (int r = 0; r < world.places(); r++) {
      if (world.forces().underground(r) > 0
          && (best < 0 || world.forces().underground(r) > world.forces().underground(best))) {
        best = r;
      }
    }
    return best;
  }

  /**
   * Where a new foreign fighter joins: the held region with a front whose own fighters are fewest
   * relative to the enemy fighters next to it (foreign recruits were used as front-line troops,
   * sent where the organisation was weakest against its enemies); with no front, the entry region
   * if held, otherwise the held region with most fighters; -1 when the organisation holds nothing
   * (the recruit then joins its largest underground cell, or deserts when it has none).
   */
  private int placement(int entry) {
    refreshFronts();
    int org = world.organisation();
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    long others = world.forces().othersChanged();
    if (others != sumsAt) {
      sumsAt = others;
      for (int j = 0; j < frontCount; j++) {
        double enemy = 0;
        for (int k = enemyFrom[j]; k < enemyFrom[j + 1]; k++) {
          enemy += world.fighters(enemyPlace[k], enemyFaction[k]);
        }
        enemySum[j] = enemy;
      }
    }
    for (int j = 0; j < frontCount; j++) {
      int r = frontPlace[j];
      double score = world.fighters(r, org) / Math.max(1, enemySum[j]);
      if (score < bestScore) {
        bestScore = score;
        best = r;
      }
    }
    if (best >= 0) {
      return best;
    }
    if (world.controller(entry) == org) {
      return entry;
    }
    for (int j = 0; j < heldCount; j++) {
      int r = heldPlace[j];
      if (best < 0 || world.fighters(r, org) > world.fighters(best, org)) {
        best = r;
      }
    }
    return best;
  }

  /**
   * Rebuilds, when a place has changed hands since the last call, what {@link #placement} derives
   * from control alone: the places the organisation holds and, of those with a front, the enemy
   * neighbours (place and holder) in the order of {@link World#neighbours}. The fighters are read
   * at every placement, in the same order as a scan of every place would, so the placement is the
   * same to the last bit; the enemy fighters next to each front place are summed again only when an
   * enemy's fighters may have changed ({@link org.polemos.sim.world.Forces#othersChanged}).
   */
  private void refreshFronts() {
    int changes = world.territory().controlChanges();
    if (changes == frontsAt && frontPlace != null) {
      return;
    }
    frontsAt = changes;
    sumsAt = -1;
    int places = ctx.index().placeCount();
    int org = world.organisation();
    if (frontPlace == null) {
      frontPlace = new int[places];
      enemyFrom = new int[places + 1];
      heldPlace = new int[places];
      enemySum = new double[places];
      int links = 0;
      for (int r = 0; r < places; r++) {
        links += world.neighbours(r).length;
      }
      enemyPlace = new int[links];
      enemyFaction = new int[links];
    }
    frontCount = 0;
    heldCount = 0;
    int k = 0;
    for (int r = 0; r < places; r++) {
      if (world.controller(r) != org) {
        continue;
      }
      heldPlace[heldCount++] = r;
      int first = k;
      for (int n : world.neighbours(r)) {
        int c = world.controller(n);
        if (c != org && world.holdsGround(c) && world.enemies(org, c)) {
          enemyPlace[k] = n;
          enemyFaction[k] = c;
          k++;
        }
      }
      if (k > first) {
        enemyFrom[frontCount] = first;
        frontPlace[frontCount++] = r;
        enemyFrom[frontCount] = k;
      }
    }
  }
}
