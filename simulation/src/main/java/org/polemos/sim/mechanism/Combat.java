package org.polemos.sim.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polemos.model.Faction;
import org.polemos.model.FireMode;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.CombatParameters;
import org.polemos.model.process.TerritoryParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.ScenarioIndex;
import org.polemos.sim.world.World;

/**
 * Mechanism 5 of DOMAIN.md (combat and territorial change), every {@code stepDays}.
 *
 * <p>Places (issue 12): everything below works on the places of {@link ScenarioIndex} (each
 * region's rest and its localities), so "region" in this comment reads "place". Chance, sieges and
 * the underground follow the rules of {@code processes.territory} (docs/MODEL.md, "Territory"):
 * per-front lognormal loss noise ({@code lossNoise}) and battle fortunes ({@code battleSigma});
 * when a garrison breaks is the capture rule of {@link
 * org.polemos.sim.world.Territory#breakProbability} (and {@link
 * org.polemos.sim.world.Territory#riseProbability} for the underground), what happens to the losers
 * {@link org.polemos.sim.world.Territory#changeControl}; a siege place's garrison under assault
 * fires with {@code siegeAdvantage}; when two enemies of a holder could take a place, the one
 * attacking with more takes it; the organisation's underground loses {@code undergroundLossPerYear}
 * and retakes places (see {@link #underground()}). With {@code lossNoise} and {@code battleSigma} 0
 * everything is deterministic as before (Lanchester invariants).
 *
 * <p>Fronts: every pair of adjacent regions held by two ground-holding factions that are enemies. A
 * region's holder engages {@code engagedShare} of its fighters there, split equally over the
 * region's fronts, except that fighters a ground offensive committed to one front ({@link
 * World#commit}) are all engaged on that front and on no other, and that a region assaulted by an
 * enemy's committed offensive force defends with its whole garrison: each of its fronts keeps its
 * {@code engagedShare} part and all the rest of its uncommitted fighters are engaged on the
 * assaulted fronts, in proportion to the committed attackers on each (a defender under direct
 * assault engages everything it has there, so a siege is a battle of both whole forces, not of a
 * full offensive against a picket). Committed offensive fighters fight with morale {@link
 * #OFFENSIVE_MORALE} (1) when their faction's morale is lower; ordinary fighters with their
 * faction's morale. On a front between region a (held by A, engaged x) and b (held by B, engaged y)
 * Lanchester's equations are integrated over the step with one classical Runge-Kutta (RK4) step:
 *
 * <pre>
 *   dx/dt = -k_B * y        (B aimed)      or  -k_B * y * x   (B area fire)
 *   dy/dt = -k_A * x        (A aimed)      or  -k_A * x * y   (A area fire)
 *   k_A   = effectiveness_A x morale_A x defensibility(a) x (airSupportMultiplier if an air campaign of a faction
 *           that is not A's enemy strikes b this step)
 *   morale_A = engaged-weighted mean of A's ordinary (faction morale) and committed (offensive morale) fighters
 * </pre>
 *
 * so aimed against aimed is the square law (k_A x^2 - k_B y^2 invariant), area against area the
 * linear law (k_A x - k_B y invariant) and mixed fire Deitchman's guerrilla form. Each side fights
 * from its own region, so defensibility multiplies the effectiveness of the holder of the region it
 * fires from.
 *
 * <p>Air campaigns in force: {@code intensity} strikes per day, spread equally over the campaign's
 * target regions currently held by the campaign faction's enemies; each strike puts {@code
 * airStrikeEffect} of the holder's fighters out of action.
 *
 * <p>Losses are then applied (deaths of the organisation's fighters split foreign/local in
 * proportion, foreign ones recorded by source): a front's losses fall on the fighters engaged
 * there, its committed attackers and its uncommitted fighters in proportion to their part of the
 * engaged force ({@code Forces.killOnFront}), so an assault that fails bleeds the assault force and
 * not the garrison of the place it attacks from; air strikes kill among all the fighters of the
 * place struck ({@link World#kill}). Then, front by front in a fixed order, a region changes hands
 * when the attacker's attacking force against it (its engaged force less any part of its own
 * garrison engaged only because its region is itself assaulted) is at least {@code minimumGarrison}
 * (and positive) and the defenders fall below {@code minimumGarrison} or, weighted by morale, below
 * {@code captureRatio} x that attacking force ({@code defenders x morale_D < captureRatio x sum of
 * attacking fighters x their morale}: a demoralised defender breaks before it is destroyed, a
 * cohesive one holds longer; equal morale gives the plain ratio). The attacker's attacking force
 * against a region is the sum of what it engages toward it on every front, from each adjacent
 * region it holds: a region attacked from several sides by one faction (an offensive split over
 * several of its fronts) faces the whole attacking force, while each front still fights its own
 * Lanchester battle. On capture the defenders fall back (see {@link World#changeControl}) and the
 * attacker's attacking forces on those fronts move in, so territory and forces stay consistent.
 * Event {@code control-changed} (subject = region id; details {@code from}, {@code to}).
 */
public final class Combat implements Mechanism, Action {
  public static final String NAME = "combat";

  /**
   * Morale of fighters committed by a ground offensive when their faction's morale is lower: 1, the
   * neutral reference at which capture reduces to the plain ratio. A faction's morale describes its
   * ordinary garrisons (it may be low after a collapse); an offensive force is assembled, trained
   * and supplied for its task and fights with at least neutral cohesion. A faction whose morale is
   * 1 or higher is unaffected.
   */
  static final double OFFENSIVE_MORALE = 1.0;

  private RunContext ctx;
  private World world;
  private ScenarioIndex index;
  private Draw draw;
  private CombatParameters p;
  private TerritoryParameters tp;
  private double dt;
  private int regions;
  private double lossSigma;
  private double[] fortuneA;
  private double[] fortuneB;
  private boolean[] wasActive;
  private double undergroundLoss;
  private double[] assaultOn;
  private int[] assaultedFronts;
  private int[] edgeA;
  private int[] edgeB;
  private boolean[] active;
  private int[] fronts;
  private double[] loss;
  private double[] committedLossA;
  private double[] committedLossB;
  private double[] effectiveness;
  private double[] morale;
  private double[] offensiveMorale;
  private boolean[] area;
  private int[] struckBy;
  private double[] strikes;
  private int[] air;
  private int[] airFaction;
  private int[][] airTargets;
  private int[][] adjacent;
  // engagedAgainst(target, attacker) in the capture phase, kept until a place is captured:
  // against[target * factions + attacker] is valid when againstAt[...] == captures
  private double[] against;
  private int[] againstAt;
  private int captures;
  // moraleWeightedAgainstKept(target, attacker), computed with against[] in the same pass
  private double[] weighted;
  // the active fronts (edges), in increasing order, as of Territory.controlChanges() == activeAt:
  // which edges are fronts depends on control only (holdsGround and enemies are fixed for a run)
  private int[] activeList;
  private int activeCount;
  private int activeAt = -1;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, CombatParameters.class, Combat::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new Combat());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    world = ctx.world();
    index = ctx.index();
    draw = new Draw(ctx.random(NAME));
    p = ctx.scenario().processes().get(CombatParameters.class);
    tp = ctx.scenario().processes().get(TerritoryParameters.class);
    dt = p.stepDays() > 0 ? p.stepDays() : 1.0;
    regions = index.placeCount();
    lossSigma = Math.sqrt(Math.log(1 + tp.lossNoise() * tp.lossNoise()));
    undergroundLoss = 1 - Math.exp(-tp.undergroundLossPerYear() / 365.0 * dt);
    List<int[]> edges = new ArrayList<>();
    for (int a = 0; a < regions; a++) {
      for (int b : world.neighbours(a)) {
        if (a < b) {
          edges.add(new int[] {a, b});
        } else if (a > b && !contains(world.neighbours(b), a)) {
          edges.add(new int[] {b, a}); // adjacency given on one side only
        }
      }
    }
    edgeA = edges.stream().mapToInt(e -> e[0]).toArray();
    edgeB = edges.stream().mapToInt(e -> e[1]).toArray();
    List<List<Integer>> adj = new ArrayList<>();
    for (int r = 0; r < regions; r++) {
      adj.add(new ArrayList<>());
    }
    for (int e = 0; e < edgeA.length; e++) {
      adj.get(edgeA[e]).add(edgeB[e]);
      adj.get(edgeB[e]).add(edgeA[e]);
    }
    adjacent = new int[regions][];
    for (int r = 0; r < regions; r++) {
      adjacent[r] = adj.get(r).stream().mapToInt(Integer::intValue).toArray();
    }
    active = new boolean[edgeA.length];
    wasActive = new boolean[edgeA.length];
    fortuneA = new double[edgeA.length];
    fortuneB = new double[edgeA.length];
    fronts = new int[regions];
    assaultOn = new double[regions];
    assaultedFronts = new int[regions];
    loss = new double[regions];
    committedLossA = new double[edgeA.length];
    committedLossB = new double[edgeA.length];
    struckBy = new int[regions];
    strikes = new double[regions];
    List<Faction> factions = ctx.scenario().factions();
    against = new double[regions * factions.size()];
    againstAt = new int[regions * factions.size()];
    weighted = new double[regions * factions.size()];
    activeList = new int[edgeA.length];
    effectiveness = new double[factions.size()];
    morale = new double[factions.size()];
    offensiveMorale = new double[factions.size()];
    area = new boolean[factions.size()];
    for (int f = 0; f < factions.size(); f++) {
      var fp = factions.get(f).parameters();
      effectiveness[f] = fp.effectiveness();
      morale[f] = fp.morale();
      offensiveMorale[f] = Math.max(fp.morale(), OFFENSIVE_MORALE);
      area[f] = fp.fireMode() == FireMode.AREA;
    }
    List<Intervention> all = ctx.scenario().interventions();
    List<Integer> campaigns = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind() == InterventionKind.AIR_CAMPAIGN) {
        campaigns.add(i);
      }
    }
    air = campaigns.stream().mapToInt(Integer::intValue).toArray();
    airFaction = new int[air.length];
    airTargets = new int[air.length][];
    for (int j = 0; j < air.length; j++) {
      Intervention iv = all.get(air[j]);
      airFaction[j] = index.faction(iv.faction());
      airTargets[j] =
          iv.targets().stream()
              .flatMapToInt(t -> java.util.Arrays.stream(index.placesWithin(t)))
              .distinct()
              .toArray();
    }
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void fire(Simulation sim) {
    step();
    sim.schedule(dt, this);
  }

  /** One combat step of length {@code stepDays}. */
  void step() {
    java.util.Arrays.fill(loss, 0);
    java.util.Arrays.fill(struckBy, -1);
    java.util.Arrays.fill(strikes, 0);
    int changes = world.territory().controlChanges();
    if (changes != activeAt) {
      // control changed since the fronts were listed (else every front is as it was, and was
      // active last step: no new battle, no draw)
      activeAt = changes;
      activeCount = 0;
      java.util.Arrays.fill(fronts, 0);
      for (int e = 0; e < edgeA.length; e++) {
        active[e] = isFront(edgeA[e], edgeB[e]);
        if (active[e]) {
          activeList[activeCount++] = e;
          fronts[edgeA[e]]++;
          fronts[edgeB[e]]++;
          if (!wasActive[e]) {
            // a new battle: each side's fortune on this front, kept until the front closes
            fortuneA[e] = tp.battleSigma() > 0 ? Math.exp(tp.battleSigma() * draw.gaussian()) : 1;
            fortuneB[e] = tp.battleSigma() > 0 ? Math.exp(tp.battleSigma() * draw.gaussian()) : 1;
          }
        }
        wasActive[e] = active[e];
      }
    }
    int[] list = activeList;
    int count = activeCount;
    for (int j = 0; j < air.length; j++) {
      if (!world.interventionActive(air[j])) {
        continue;
      }
      int c = airFaction[j];
      int n = 0;
      for (int r : airTargets[j]) {
        if (world.enemies(c, world.controller(r))) {
          n++;
        }
      }
      double perRegion = n > 0 ? ctx.scenario().interventions().get(air[j]).intensity() / n : 0;
      for (int r : airTargets[j]) {
        if (world.enemies(c, world.controller(r))) {
          strikes[r] += perRegion;
          struckBy[r] = c;
        }
      }
    }
    // committed attackers against each place (and on how many of its fronts), for ordinaryOn in
    // this phase
    java.util.Arrays.fill(assaultOn, 0);
    java.util.Arrays.fill(assaultedFronts, 0);
    for (int i = 0; i < count; i++) {
      int e = list[i];
      assault(edgeA[e], edgeB[e]);
      assault(edgeB[e], edgeA[e]);
    }
    for (int i = 0; i < count; i++) {
      int e = list[i];
      committedLossA[e] = 0;
      committedLossB[e] = 0;
      int a = edgeA[e];
      int b = edgeB[e];
      int fa = world.controller(a);
      int fb = world.controller(b);
      // the force each side engages from its place on this front: its ordinary share (see
      // ordinaryOn) plus all the fighters ground offensives committed to that front (see
      // World#commit): an offensive's reinforcements are its attacking force. committedOn is read
      // once per side (nothing this loop reads changes in it).
      double ca = committedOn(a, fa, b);
      double cb = committedOn(b, fb, a);
      double x = ordinaryOn(a, fa, b) + ca;
      double y = ordinaryOn(b, fb, a) + cb;
      if (!(x > 0) && !(y > 0)) {
        continue;
      }
      double ka =
          effectiveness[fa]
              * moraleOf(fa, x, ca)
              * world.defensibility(a)
              * airSupport(fa, b)
              * siegeAdvantage(a, fa, b, fb)
              * fortuneA[e];
      double kb =
          effectiveness[fb]
              * moraleOf(fb, y, cb)
              * world.defensibility(b)
              * airSupport(fb, a)
              * siegeAdvantage(b, fb, a, fa)
              * fortuneB[e];
      boolean areaA = area[fa];
      boolean areaB = area[fb];
      // classical RK4 on (x, y)
      double x1 = dx(kb, areaB, x, y);
      double y1 = dx(ka, areaA, y, x);
      double x2 = dx(kb, areaB, x + dt / 2 * x1, y + dt / 2 * y1);
      double y2 = dx(ka, areaA, y + dt / 2 * y1, x + dt / 2 * x1);
      double x3 = dx(kb, areaB, x + dt / 2 * x2, y + dt / 2 * y2);
      double y3 = dx(ka, areaA, y + dt / 2 * y2, x + dt / 2 * x2);
      double x4 = dx(kb, areaB, x + dt * x3, y + dt * y3);
      double y4 = dx(ka, areaA, y + dt * y3, x + dt * x3);
      double xn = Math.max(0, x + dt / 6 * (x1 + 2 * x2 + 2 * x3 + x4));
      double yn = Math.max(0, y + dt / 6 * (y1 + 2 * y2 + 2 * y3 + y4));
      // each side's losses fall on those it engaged on this front: its committed attackers
      // toward the other place and its uncommitted fighters, in proportion (see Forces.killOnFront)
      double la = Math.max(0, x - xn) * noise();
      double lb = Math.max(0, y - yn) * noise();
      committedLossA[e] = x > 0 ? la * ca / x : 0;
      committedLossB[e] = y > 0 ? lb * cb / y : 0;
      loss[a] += la - committedLossA[e];
      loss[b] += lb - committedLossB[e];
    }
    var forces = world.forces();
    for (int i = 0; i < count; i++) {
      int e = list[i];
      if (committedLossA[e] > 0) {
        int a = edgeA[e];
        forces.killOnFront(a, world.controller(a), edgeB[e], committedLossA[e], 0, draw);
      }
      if (committedLossB[e] > 0) {
        int b = edgeB[e];
        forces.killOnFront(b, world.controller(b), edgeA[e], committedLossB[e], 0, draw);
      }
    }
    double effect = p.airStrikeEffect() * dt;
    for (int r = 0; r < regions; r++) {
      if (loss[r] > 0) {
        forces.killOnFront(r, world.controller(r), r, 0, loss[r], draw);
      }
      if (strikes[r] > 0) {
        world.kill(r, world.controller(r), strikes[r] * effect, draw); // strikes hit everyone there
      }
    }
    captures++; // a new capture phase: nothing kept from the last step
    keepAttacks(list, count);
    for (int i = 0; i < count; i++) {
      int e = list[i];
      int a = edgeA[e];
      int b = edgeB[e];
      if (!isFront(a, b)) {
        continue;
      }
      if (!tryCapture(a, b)) {
        tryCapture(b, a);
      }
    }
    underground();
  }

  /**
   * Adds the committed attackers of the holder of {@code from} toward {@code target} to its
   * assault.
   */
  private void assault(int target, int from) {
    double c = committedOn(from, world.controller(from), target);
    if (c > 0) {
      assaultOn[target] += c;
      assaultedFronts[target]++;
    }
  }

  /**
   * A lognormal multiplier of mean 1 and coefficient of variation {@code lossNoise} (1 when that is
   * 0).
   */
  private double noise() {
    return lossSigma > 0 ? Math.exp(lossSigma * draw.gaussian() - lossSigma * lossSigma / 2) : 1;
  }

  /**
   * {@code siegeAdvantage} for the garrison of a siege place {@code place} (held by {@code f})
   * under assault from {@code from} (held by {@code g}): the enemy has fighters committed toward it
   * and {@code f} has none committed toward {@code from}. A city's holder attacking out of it
   * fights without the advantage. Else 1.
   */
  private double siegeAdvantage(int place, int f, int from, int g) {
    return world.territory().siege(place)
            && world.committed(from, g, place) > 0
            && !(world.committed(place, f, from) > 0)
        ? tp.siegeAdvantage()
        : 1;
  }

  /**
   * The organisation's underground, once per step: {@code undergroundLossPerYear} of it is lost
   * (killed or arrested); then, in each place an enemy holds, it retakes the place (event {@code
   * control-changed}, the cells surface as fighters and the holder's garrison falls back) when it
   * numbers at least {@code minimumGarrison} and more than {@code undergroundRetakeRatio} x the
   * holder's garrison g there: with probability {@code 1 - exp(-(u / (undergroundRetakeRatio g) -
   * 1) stepDays)} per step, so cells that barely outnumber the garrison rise after a random delay
   * of days to weeks and much stronger ones at once.
   */
  private void underground() {
    int org = world.organisation();
    if (org < 0) {
      return;
    }
    var forces = world.forces();
    for (int r = 0; r < regions; r++) {
      double u = forces.underground(r);
      if (!(u > 0)) {
        continue;
      }
      if (undergroundLoss > 0) {
        forces.killUnderground(r, u * undergroundLoss, draw);
        u = forces.underground(r);
      }
      int holder = world.controller(r);
      if (holder == org || !world.enemies(org, holder)) {
        continue;
      }
      double rise = world.territory().riseProbability(u, world.fighters(r, holder));
      if (!(rise > 0) || !draw.bernoulli(rise)) {
        continue;
      }
      ctx.event(
          "control-changed",
          index.placeId(r),
          "from",
          index.factionId(holder),
          "to",
          index.factionId(org));
      world.changeControl(r, org, draw);
    }
  }

  /**
   * Fighters of {@code f} in {@code r} committed by ground offensives to the front toward {@code
   * toward}.
   */
  private double committedOn(int r, int f, int toward) {
    return Math.min(world.fighters(r, f), world.committed(r, f, toward));
  }

  /**
   * The ordinary (uncommitted) fighters {@code f} engages from {@code r} toward {@code toward}:
   * {@code engagedShare} of them split equally over the region's fronts; but if enemies assault
   * {@code r} with committed offensive forces (a siege or assault), the garrison defends with
   * everything it has on the assaulted fronts: every front keeps its {@code engagedShare} part, and
   * all the rest of the garrison is engaged on the assaulted fronts in proportion to the committed
   * attackers on each.
   */
  private double ordinaryOn(int r, int f, int toward) {
    double ordinary = Math.max(0, world.fighters(r, f) - world.committedTotal(r, f));
    double share = p.engagedShare() / Math.max(1, fronts[r]);
    double assault = assaultOn[r];
    int assaulted = assaultedFronts[r];
    if (!(assault > 0)) {
      return share * ordinary;
    }
    double here = isFront(toward, r) ? committedOn(toward, world.controller(toward), r) : 0;
    double rest = Math.max(0, 1 - share * Math.max(0, fronts[r] - assaulted));
    return here > 0 ? ordinary * rest * here / assault : share * ordinary;
  }

  /**
   * Morale of the force {@code f} engages on a front ({@code engaged} fighters, of which {@code
   * committed} are committed to that front by ground offensives, its {@link #committedOn}):
   * ordinary fighters at the faction's morale, committed offensive forces at {@link
   * #OFFENSIVE_MORALE} or the faction's morale if higher.
   */
  private double moraleOf(int f, double engaged, double committed) {
    if (!(engaged > 0)) {
      return morale[f];
    }
    return (morale[f] * (engaged - committed) + offensiveMorale[f] * committed) / engaged;
  }

  /**
   * Rate of change of the target's engaged force {@code t} under fire from {@code f} with
   * coefficient {@code k}.
   */
  private static double dx(double k, boolean areaFire, double t, double f) {
    double fire = Math.max(0, f);
    return areaFire ? -k * fire * Math.max(0, t) : -k * fire;
  }

  private double airSupport(int firer, int targetRegion) {
    int c = struckBy[targetRegion];
    return c >= 0 && c != firer && !world.enemies(c, firer) ? p.airSupportMultiplier() : 1.0;
  }

  private boolean isFront(int a, int b) {
    int fa = world.controller(a);
    int fb = world.controller(b);
    return fa != fb && world.holdsGround(fa) && world.holdsGround(fb) && world.enemies(fa, fb);
  }

  private boolean tryCapture(int target, int from) {
    int defender = world.controller(target);
    int attacker = world.controller(from);
    double defenders = world.fighters(target, defender);
    double attackers = engagedAgainstKept(target, attacker);
    if (!(attackers > 0) || attackers < p.minimumGarrison()) {
      return false;
    }
    double breaks =
        world
            .territory()
            .breakProbability(
                target,
                defenders,
                morale[defender],
                attackers,
                moraleWeightedAgainstKept(target, attacker));
    if (!(breaks > 0) || strongerAttacker(target, defender, attacker, attackers)) {
      return false; // holds, or a stronger attacker of the same place takes it on its own front
    }
    if (draw.bernoulli(breaks)) {
      captures++; // fighters and control change below: what was kept is stale
      ctx.event(
          "control-changed",
          index.placeId(target),
          "from",
          index.factionId(defender),
          "to",
          index.factionId(attacker));
      int[] ns = adjacent[target];
      double[] moving = new double[ns.length];
      for (int i = 0; i < ns.length; i++) {
        moving[i] = world.controller(ns[i]) == attacker ? attackingOn(ns[i], attacker, target) : 0;
      }
      world.releaseCommitted(attacker, target);
      world.changeControl(target, attacker, draw);
      for (int i = 0; i < ns.length; i++) {
        if (moving[i] > 0 && world.controller(ns[i]) == attacker) {
          world.moveFighters(attacker, ns[i], target, moving[i], draw);
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether another enemy of the defender attacks {@code target} with more than {@code attackers}
   * (it takes it).
   */
  private boolean strongerAttacker(int target, int defender, int attacker, double attackers) {
    for (int n : adjacent[target]) {
      int other = world.controller(n);
      if (other != attacker
          && other != defender
          && world.holdsGround(other)
          && world.enemies(other, defender)
          && engagedAgainstKept(target, other) > attackers) {
        return true;
      }
    }
    return false;
  }

  /**
   * The force {@code attacker} attacks {@code target} with from all the adjacent regions it holds
   * (see {@link #attackingOn}), in the capture phase: computed once per (target, attacker) until a
   * place is captured, with {@link #moraleWeightedAgainstKept} in the same pass: nothing they read
   * (control, fighters, commitments, fronts) changes between captures, so the values are the same
   * to the last bit.
   */
  private double engagedAgainstKept(int target, int attacker) {
    int i = target * morale.length + attacker;
    if (againstAt[i] != captures) {
      double total = 0;
      double weightedTotal = 0;
      for (int n : adjacent[target]) {
        if (world.controller(n) == attacker) {
          double c = committedOn(n, attacker, target);
          double x = attacking(n, attacker, c);
          total += x;
          weightedTotal += x * moraleOf(attacker, x, c);
        }
      }
      against[i] = total;
      weighted[i] = weightedTotal;
      againstAt[i] = captures;
    }
    return against[i];
  }

  /**
   * At the start of the capture phase (no place captured yet), {@link #engagedAgainstKept} of every
   * place and each faction attacking it, in one pass over the fronts: until a capture, every place
   * adjacent to a target and held by an enemy of its holder is on an active front with it, and the
   * fronts in increasing order give each target's terms in the order of {@code adjacent[target]}
   * (built from them in that order), so every sum is the same to the last bit.
   */
  private void keepAttacks(int[] list, int count) {
    for (int i = 0; i < count; i++) {
      int e = list[i];
      int a = edgeA[e];
      int b = edgeB[e];
      int fa = world.controller(a);
      int fb = world.controller(b);
      addAttack(a, fa, b);
      addAttack(b, fb, a);
    }
  }

  /** Adds what {@code f} attacks {@code target} with from {@code r} to the kept sums. */
  private void addAttack(int r, int f, int target) {
    int i = target * morale.length + f;
    if (againstAt[i] != captures) {
      against[i] = 0;
      weighted[i] = 0;
      againstAt[i] = captures;
    }
    double c = committedOn(r, f, target);
    double x = attacking(r, f, c);
    against[i] += x;
    weighted[i] += x * moraleOf(f, x, c);
  }

  /**
   * Sum over the fronts toward {@code target} of {@code attacker}'s attacking fighters times their
   * morale (see {@link #engagedAgainstKept}).
   */
  private double moraleWeightedAgainstKept(int target, int attacker) {
    engagedAgainstKept(target, attacker);
    return weighted[target * morale.length + attacker];
  }

  /**
   * The part of the force {@code f} engages from {@code r} toward {@code toward} that can take
   * {@code toward}: its {@code engagedShare} part and its committed offensive fighters. The rest of
   * a garrison engaged because {@code r} is itself assaulted (see {@link #ordinaryOn}) defends
   * {@code r}: it fights, but repelling an assault does not by itself carry the defender into the
   * assailant's region.
   */
  private double attackingOn(int r, int f, int toward) {
    return attacking(r, f, committedOn(r, f, toward));
  }

  /** {@link #attackingOn} with its {@code committed} fighters (its committedOn) already read. */
  private double attacking(int r, int f, double committed) {
    double ordinary = Math.max(0, world.fighters(r, f) - world.committedTotal(r, f));
    return p.engagedShare() / Math.max(1, fronts[r]) * ordinary + committed;
  }
}
