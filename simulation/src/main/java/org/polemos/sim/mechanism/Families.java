package org.polemos.sim.mechanism;

import java.util.Arrays;
import java.util.Optional;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.FamiliesParameters;
import org.polemos.model.process.FamilyShares;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.Territory;
import org.polemos.sim.world.World;

/**
 * Women and minors who travel to the organisation with or alongside its foreign recruits (issue 13,
 * item 7; parameters {@link FamiliesParameters}, section {@code families}). They are counted here,
 * by place, source and group ({@link Ports.Families#WOMEN}, {@link Ports.Families#MINORS}), and
 * never in {@link People} or the forces: they do not fight, and nothing they do changes a fighter,
 * a place or another mechanism's random draws (they have their own stream, {@code families}).
 *
 * <p>Each day at mid-day, in this order:
 *
 * <ol>
 *   <li><b>Arrivals.</b> For each source s, the men who crossed into the territory since the day
 *       before, {@code dm} (the increment of {@link People#arrived(int)}, read only), bring
 *       Poisson({@code dm x w_s / (1 - w_s - c_s)}) women and Poisson({@code dm x c_s / (1 - w_s -
 *       c_s)}) minors, where {@code w_s} and {@code c_s} are the source's shares of women and
 *       minors among all its travellers ({@code bySource}, else {@code womenShare} and {@code
 *       minorsShare}). So the expected composition of a source's arrivals is exactly its shares,
 *       and every group passed the same border on the same days as the men. They settle in the
 *       places the organisation holds, each place drawn with probability proportional to its
 *       population (a multinomial draw; uniform when the places held have no population). If it
 *       holds none, they are detained at once.
 *   <li><b>Deaths.</b> Each woman or minor dies with probability {@code 1 - (1 - b)(1 - x)} where
 *       {@code b = 1 - exp(-deathsPerYear / 365)} and {@code x = min(1, warExposure x d)} in a
 *       front place (one bordering a place held by an enemy of the organisation that holds ground),
 *       {@code x = 0} elsewhere; d is the share of the organisation's fighters who died since the
 *       day before ({@code deaths / (fighters + deaths)}, all places together: the organisation's
 *       deaths are not recorded by place). That the hazard of the families follows the fighters'
 *       death rate at the front is an assumption (docs/MODEL.md).
 *   <li><b>Returns.</b> While {@link Ports.ExitControl#wayOut} is true for their source (the port
 *       read with the fallback {@link Ports.ExitControl#OPEN}), each tries to go home with
 *       probability {@code 1 - exp(-returnPerYear / 365)}; an attempt is stopped with {@link
 *       Ports.ExitControl#stopProbability} and the one stopped stays in the territory. The others
 *       are returned. With no way out nobody tries.
 * </ol>
 *
 * <p><b>How deaths and returns are drawn.</b> Each woman or minor dies or returns independently of
 * the others, as above; the draws use that the hazard is shared. Everyone living in a place has the
 * same death hazard h, so the place's deaths are one Binomial(living there, h), and who they are
 * (how many of each source and group) is a multivariate hypergeometric split of them among the
 * place's cells ({@link Draw#hypergeometric}): the same joint law as an independent Binomial(n, h)
 * per source and group, with one draw per place instead of one per (source, group), and none beyond
 * it on the days (most) when nobody dies. An attempt to go home that gets through has probability
 * {@code r x (1 - stop)} for everyone of a source, wherever they live (Binomial(Binomial(n, r), 1 -
 * stop) is Binomial(n, r (1 - stop))), so a source's returns are one binomial over all its women
 * and minors, split the same way among places and groups. Arrivals settle by a multinomial draw
 * over the places held: a pick of a place each when a source and group bring few, else a binomial
 * per place in turn (the same law).
 *
 * <p><b>Capture.</b> When a place is taken from the organisation ({@link
 * Territory.ControlListener}), Binomial(n, {@code detainedOnCapture}) of the n women (and of the
 * minors) of each source living there are detained by the taker; the others move with the retreat,
 * to the adjacent place the organisation holds with most of its fighters (the garrison's own rule,
 * {@link Territory#changeControl}), else to the place it holds with the largest population; when it
 * holds nothing they are all detained.
 *
 * <p><b>Conservation.</b> For each source and group, at every moment: arrived = in territory + dead
 * + detained + returned ({@link Ports.Families}).
 */
public final class Families
    implements Mechanism, Action, Ports.Families, Territory.ControlListener {
  public static final String NAME = "families";

  private static final int GROUPS = 2;

  /** Arrivals of a source and group up to this many settle by picks of a place each. */
  static final long FEW_SETTLE = 8;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, FamiliesParameters.class, Families::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.factions().stream().noneMatch(f -> f.kind() == FactionKind.ORGANISATION)
        ? Optional.empty()
        : Optional.of(new Families());
  }

  private World world;
  private People people;
  private Draw draw;
  private FamiliesParameters p;
  private Ports.ExitControl exit;
  private int sources;
  private int places;
  private int org;
  private double[] perMan;
  private long[] menSeen;
  private double deathsSeen;
  // living[(place * sources + source) * GROUPS + group]
  private long[] living;
  // placeLiving[place]: the sum of living over the place's sources and groups
  private long[] placeLiving;
  // scratch for the multivariate hypergeometric split of deaths and returns among cells
  private long[] cells;
  private long[] taken;
  private long[] arrived;
  private long[] inTerritory;
  private long[] dead;
  private long[] detained;
  private long[] returned;
  private double[] weights;
  private double weightTotal;
  private int heldCount;
  // whether a place borders an enemy that holds ground (frontKept[q]), as of
  // Territory.controlChanges() == frontAt[q]: it depends on control only (holdsGround and enemies
  // are fixed for a run), so it is found again only after a place has changed hands
  private boolean[] frontKept;
  private int[] frontAt;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    sources = ctx.index().sourceCount();
    arrived = new long[sources * GROUPS];
    inTerritory = new long[sources * GROUPS];
    dead = new long[sources * GROUPS];
    detained = new long[sources * GROUPS];
    returned = new long[sources * GROUPS];
    ctx.provide(Ports.Families.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    people = world.people();
    draw = new Draw(ctx.random(NAME));
    p = ctx.scenario().processes().get(FamiliesParameters.class);
    if (p == null) {
      p = FamiliesParameters.none();
    }
    exit =
        ctx.provides(Ports.ExitControl.class)
            ? ctx.require(Ports.ExitControl.class)
            : Ports.ExitControl.OPEN;
    places = ctx.index().placeCount();
    org = world.organisation();
    perMan = new double[sources * GROUPS];
    menSeen = new long[sources];
    living = new long[places * sources * GROUPS];
    placeLiving = new long[places];
    cells = new long[Math.max(sources, places) * GROUPS];
    taken = new long[cells.length];
    weights = new double[places];
    frontKept = new boolean[places];
    frontAt = new int[places];
    Arrays.fill(frontAt, -1);
    boolean any = false;
    for (int s = 0; s < sources; s++) {
      FamilyShares shares = p.shares(ctx.index().sourceId(s));
      perMan[s * GROUPS + WOMEN] = shares.womenPerMan();
      perMan[s * GROUPS + MINORS] = shares.minorsPerMan();
      any |= perMan[s * GROUPS + WOMEN] > 0 || perMan[s * GROUPS + MINORS] > 0;
      menSeen[s] = people.arrived(s);
    }
    deathsSeen = world.deaths(org);
    if (any) {
      world.addControlListener(this);
      ctx.sim().scheduleAt(MIDDAY, this);
    }
  }

  @Override
  public void fire(Simulation sim) {
    arrivals();
    deaths();
    returns();
    sim.schedule(1.0, this);
  }

  private void arrivals() {
    boolean weighed = false;
    for (int s = 0; s < sources; s++) {
      long men = people.arrived(s);
      long dm = men - menSeen[s];
      menSeen[s] = men;
      if (dm > 0) {
        if (!weighed) { // control does not change during the arrivals: the weights of the day
          weigh();
          weighed = true;
        }
        for (int g = 0; g < GROUPS; g++) {
          settle(s, g, draw.poisson(dm * perMan[s * GROUPS + g]));
        }
      }
    }
  }

  /**
   * Where arrivals settle today: {@code weights[q]} the population of each place held (1 each when
   * none has any), {@code weightTotal} their sum, {@code heldCount} the places held.
   */
  private void weigh() {
    double total = 0;
    int held = 0;
    for (int q = 0; q < places; q++) {
      boolean h = world.controller(q) == org;
      weights[q] = h ? world.population(q) : 0;
      total += weights[q];
      held += h ? 1 : 0;
    }
    if (held > 0 && !(total > 0)) {
      for (int q = 0; q < places; q++) {
        weights[q] = world.controller(q) == org ? 1 : 0;
      }
      total = held;
    }
    weightTotal = total;
    heldCount = held;
  }

  /**
   * {@code n} women or minors of source {@code s} arrive and settle in the places held (weighed by
   * {@link #weigh} today): a multinomial draw, as {@link #FEW_SETTLE} or fewer picks of a place
   * each (one uniform each), else as a binomial per place in turn.
   */
  private void settle(int s, int g, long n) {
    if (n <= 0) {
      return;
    }
    int sg = s * GROUPS + g;
    arrived[sg] += n;
    if (heldCount == 0) {
      detained[sg] += n;
      return;
    }
    inTerritory[sg] += n;
    if (n <= FEW_SETTLE) {
      for (long j = 0; j < n; j++) {
        int q = draw.pick(weights, places);
        living[(q * sources + s) * GROUPS + g]++;
        placeLiving[q]++;
      }
      return;
    }
    double total = weightTotal;
    long left = n;
    for (int q = 0; q < places && left > 0; q++) {
      if (!(weights[q] > 0)) {
        continue;
      }
      long k = weights[q] >= total ? left : draw.binomial(left, weights[q] / total);
      living[(q * sources + s) * GROUPS + g] += k;
      placeLiving[q] += k;
      left -= k;
      total -= weights[q];
    }
    if (left > 0) { // rounding of the remaining weight: the last held place takes the rest
      for (int q = places - 1; q >= 0; q--) {
        if (weights[q] > 0) {
          living[(q * sources + s) * GROUPS + g] += left;
          placeLiving[q] += left;
          break;
        }
      }
    }
  }

  private void deaths() {
    double deaths = world.deaths(org);
    double dd = Math.max(0, deaths - deathsSeen);
    deathsSeen = deaths;
    double fighters = world.fighters(org);
    double d = dd > 0 ? dd / (fighters + dd) : 0;
    double base = -Math.expm1(-p.deathsPerYear() / 365.0);
    double war = Math.min(1, p.warExposure() * d);
    double atFront = 1 - (1 - base) * (1 - war);
    if (!(base > 0) && !(war > 0)) {
      return;
    }
    for (int q = 0; q < places; q++) {
      if (world.controller(q) != org) {
        continue;
      }
      long n = placeLiving[q];
      if (n == 0) {
        continue;
      }
      // everyone in q has the same hazard: the place's deaths, then who they are
      long k = draw.binomial(n, war > 0 && onFront(q) ? atFront : base);
      if (k == 0) {
        continue;
      }
      int from = q * sources * GROUPS;
      System.arraycopy(living, from, cells, 0, sources * GROUPS);
      draw.hypergeometric(k, cells, sources * GROUPS, taken);
      for (int sg = 0; sg < sources * GROUPS; sg++) {
        long t = taken[sg];
        if (t > 0) {
          living[from + sg] -= t;
          inTerritory[sg] -= t;
          dead[sg] += t;
        }
      }
      placeLiving[q] -= k;
    }
  }

  /**
   * Whether {@code q} borders a place held by an enemy of the organisation that holds ground; kept
   * per place until a place changes hands ({@link Territory#controlChanges}).
   */
  boolean onFront(int q) {
    int changes = world.territory().controlChanges();
    if (frontAt[q] != changes) {
      frontKept[q] = front(q);
      frontAt[q] = changes;
    }
    return frontKept[q];
  }

  /** {@link #onFront} found anew from the neighbours' control. */
  private boolean front(int q) {
    for (int n : world.neighbours(q)) {
      int c = world.controller(n);
      if (c != org && world.holdsGround(c) && world.enemies(org, c)) {
        return true;
      }
    }
    return false;
  }

  private void returns() {
    double r = -Math.expm1(-p.returnPerYear() / 365.0);
    if (!(r > 0)) {
      return;
    }
    for (int s = 0; s < sources; s++) {
      if (!exit.wayOut(s)) {
        continue;
      }
      double through = 1 - Math.max(0, Math.min(1, exit.stopProbability(s)));
      // an attempt (r) that gets through: the same hazard r x through for all of the source
      long k = draw.binomial(inTerritory[s * GROUPS] + inTerritory[s * GROUPS + 1], r * through);
      if (k == 0) {
        continue;
      }
      for (int q = 0; q < places; q++) {
        for (int g = 0; g < GROUPS; g++) {
          cells[q * GROUPS + g] = living[(q * sources + s) * GROUPS + g];
        }
      }
      draw.hypergeometric(k, cells, places * GROUPS, taken);
      for (int q = 0; q < places; q++) {
        for (int g = 0; g < GROUPS; g++) {
          long back = taken[q * GROUPS + g];
          if (back > 0) {
            living[(q * sources + s) * GROUPS + g] -= back;
            placeLiving[q] -= back;
            inTerritory[s * GROUPS + g] -= back;
            returned[s * GROUPS + g] += back;
          }
        }
      }
    }
  }

  @Override
  public void controlChanged(int place, int from, int to) {
    if (from != org || org < 0) {
      return;
    }
    int retreat = retreat(place);
    for (int sg = 0; sg < sources * GROUPS; sg++) {
      int i = place * sources * GROUPS + sg;
      long n = living[i];
      if (n <= 0) {
        continue;
      }
      long held = retreat < 0 ? n : draw.binomial(n, p.detainedOnCapture());
      living[i] = 0;
      placeLiving[place] -= n;
      inTerritory[sg] -= held;
      detained[sg] += held;
      if (n > held) {
        living[retreat * sources * GROUPS + sg] += n - held;
        placeLiving[retreat] += n - held;
      }
    }
  }

  /**
   * Where the families of a place just lost go: the adjacent place the organisation holds with most
   * of its fighters, else the place it holds with the largest population; -1 when it holds none.
   */
  private int retreat(int place) {
    int best = -1;
    for (int n : world.neighbours(place)) {
      if (world.controller(n) == org
          && (best < 0 || world.fighters(n, org) > world.fighters(best, org))) {
        best = n;
      }
    }
    if (best >= 0) {
      return best;
    }
    for (int q = 0; q < places; q++) {
      if (world.controller(q) == org
          && (best < 0 || world.population(q) > world.population(best))) {
        best = q;
      }
    }
    return best;
  }

  @Override
  public long arrived(int source, int group) {
    return arrived[source * GROUPS + group];
  }

  @Override
  public long inTerritory(int source, int group) {
    return inTerritory[source * GROUPS + group];
  }

  @Override
  public long dead(int source, int group) {
    return dead[source * GROUPS + group];
  }

  @Override
  public long detained(int source, int group) {
    return detained[source * GROUPS + group];
  }

  @Override
  public long returned(int source, int group) {
    return returned[source * GROUPS + group];
  }

  /**
   * The men of {@code source} whose arrival has been matched with women and minors so far (the
   * arrivals up to the last mid-day step; for tests).
   */
  public long menMatched(int source) {
    return menSeen[source];
  }

  /** Women or minors of {@code source} living in {@code place} now (for tests). */
  public long living(int place, int source, int group) {
    return living[(place * sources + source) * GROUPS + group];
  }
}
