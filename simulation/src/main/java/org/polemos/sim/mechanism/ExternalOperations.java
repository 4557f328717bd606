package org.polemos.sim.mechanism;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.polemos.model.Calendar;
import org.polemos.model.Corridor;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.Forces;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 9 of DOMAIN.md (external operations), as counts and probabilities only, after Kaplan's
 * "terror queues". The branch is capacity-limited: at most {@code trainingPlaces} operatives train
 * at once; with {@code capacityFollows} set, its places live on the ground held ({@link
 * #trainingPlaces}: {@code floor(trainingPlaces x H / max H)}, {@code H} the population or area
 * held, {@code max H} its largest value so far), so the branch shrinks as territory is lost. It
 * selects its operatives from serving foreign fighters (issue 14 step 1; {@link #select}): each
 * day, for each destination country {@code d}, a Poisson number wanted with mean {@code
 * selectionPerYear / 365 x} the foreign fighters of {@code d} serving, visible or underground; each
 * is drawn, while a place is free, from the foreign fighters (visible or underground, issue 12 item
 * 5) of the sources that speak {@code d}'s language ({@code languageGroup} and {@code languages}),
 * in proportion to their stocks, and moves to OPERATIVE through {@link Forces}. The older path, a
 * recruit {@link Intake} assigns while a place is free ({@link Ports.Operations#hasPlace}), has
 * destination = its source. An operative trains for {@code trainingDays}, then waits for the cell
 * of its destination to be complete ({@code cellSize}, drawn when the cell starts forming; a cell
 * may mix sources); the cell sets out together by a way open now, chosen by weight: a corridor
 * serving the destination that is open (the organisation holds its entry), or an exit route of
 * {@code exitRoutes} serving it whose dates cover today and one of whose {@code via} corridors is
 * open (issue 14 step 2; the crossing drawn among the open ones by weight); while none is open it
 * waits a day at a time; with no corridor and no route serving the destination, no delay and no
 * interdiction. Delay = the corridor's or the route's transit delay; the cell is stopped, all
 * together, with probability {@code interdiction} of the crossing (times {@code 1 - border closure}
 * combined only when {@code borderClosureStopsOperatives}), then with the route's own {@code
 * interdiction}; otherwise its one plot joins the destination's {@link TerrorQueue}: it is foiled
 * if an intelligence team detects it before its duration ({@code plotDays}) runs out, else carried
 * out. Per destination: the teams are {@code intelligenceServers} (unlimited when not listed) times
 * {@code 1 + intelligence sharing}; a team detects the plot it investigates at rate {@code e / ((1
 * - e) x mean plotDays) x (1 - encrypted communication)}, {@code e} the source's {@code
 * intelligenceEffectiveness}, so that with unlimited teams, exponential durations and no encryption
 * a plot is foiled with probability {@code e}; under load (teams busy) the chance falls.
 *
 * <p>Inspired and remote-guided plots (issue 14 step 4) draw on the home reach of each destination,
 * {@code h_s = atRiskPool_s + frustratedWeight x frustrated_s + returneeWeight x returnees_s} (the
 * last two read from {@link Ports.HomePools}, {@link Ports.HomePools#NONE} when nothing provides
 * it), and on the organisation's call to stay and attack at home {@code m} ({@link Ports.Message},
 * {@link Ports.Message#COME} when nothing provides it). Each day, destination {@code s} starts a
 * Poisson number of inspired plots with mean {@code inspiredAttacksPerYear / 365 x h_s / H_0 x (1 +
 * callGain x m)}, {@code H_0} the sum of the at-risk pools (so {@code inspiredAttacksPerYear} is
 * the rate at the start, before anyone is frustrated or back), and a Poisson number of
 * remote-guided plots with mean {@code handlers x (area held / peak area) x
 * guidedPlotsPerHandlerPerYear / 365 x h_s / sum h x (1 + callGain x m)}: handlers work from the
 * territory, so remote guidance ends with it, while inspired plots go on as long as the pools last.
 * Neither moves a person (the pools are read-only). When {@code reachDecayPerYear} or {@code
 * reachUsedPerPlot} is set the reach depletes: the pools' part of {@code h_s} becomes a stock
 * {@code P_s <- max(0, P_s x exp(-reachDecayPerYear / 365) + what the weighted pools gained since
 * yesterday)}, each plot started there uses up {@code reachUsedPerPlot} people (from {@code P_s},
 * then from the at-risk part), and {@code h_s} = the at-risk part left + {@code P_s}. Every plot,
 * of any kind, joins the destination's terror queue (inspired and remote-guided with duration
 * {@code inspiredPlotDays}); a plot not foiled fails with probability {@code attackFailure}, else
 * is completed (the Europol TE-SAT categories, {@link World#plot}).
 */
public final class ExternalOperations implements Mechanism, Ports.Operations, Action {
  public static final String NAME = "external-operations";

  private World world;
  private People people;
  private Simulation sim;
  private Draw draw;
  private ExternalOperationsParameters p;
  private ContinuousSampler training;
  private ContinuousSampler plot;
  private int[][] corridorsOf;
  private double[] scratch;
  private double[] weights;
  private double[] interdiction;
  private ContinuousSampler[] delay;
  private double[] intelligence;
  private TerrorQueue[] queues;
  private ContinuousSampler cellSize;
  private int inTraining;
  private int[] forming;
  private int[] cellTarget;
  private Draw homeDraw;
  private ContinuousSampler inspiredPlot;
  private double[] atRisk;
  private double[] reach;
  private double atRiskTotal;
  private Ports.HomePools pools;
  private Ports.Message message;
  // issue 14 step 1: selection from serving foreign fighters by nationality and language
  private Draw selectDraw;
  private int[][] eligible;
  private double[] eligibleWeight;
  private long[][] formingBy;
  private final long[] selected = new long[2];
  private long[][] selectedFor;
  private int[] requests = new int[16];
  // issue 14 step 2: dated exit routes
  private Calendar calendar;
  private List<ExternalOperationsParameters.ExitRoute> routes;
  private int[][] routeVia;
  private boolean[][] routeServes;
  private ContinuousSampler[] routeDelay;
  private long[] departedBy;
  // issue 14 (home reach that depletes): the faded part of the reach and the at-risk part left
  private double[] pooled;
  private double[] seenPools;
  private double[] atRiskLeft;
  private double reachDecay;
  private long[] homeStarted;
  // issue 14 (capacity on held ground): the largest population or area held so far
  private boolean followsGround;
  private double peakHeld;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, ExternalOperationsParameters.class, ExternalOperations::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new ExternalOperations());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Operations.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    people = world.people();
    sim = ctx.sim();
    draw = new Draw(ctx.random(NAME));
    p = ctx.scenario().processes().get(ExternalOperationsParameters.class);
    training = Samplers.of(p.trainingDays(), draw.rng());
    plot = Samplers.of(p.plotDays(), draw.rng());
    List<Corridor> corridors = ctx.scenario().corridors();
    int c = corridors.size();
    weights = new double[c];
    interdiction = new double[c];
    delay = new ContinuousSampler[c];
    scratch = new double[c];
    int sources = ctx.index().sourceCount();
    for (int k = 0; k < c; k++) {
      Corridor corridor = corridors.get(k);
      weights[k] = corridor.weight();
      interdiction[k] = corridor.interdiction();
      delay[k] = Samplers.of(corridor.transitDelayDays(), draw.rng());
    }
    corridorsOf = new int[sources][];
    intelligence = new double[sources];
    for (int s = 0; s < sources; s++) {
      corridorsOf[s] = ctx.index().corridorsOf(s);
      Source source = ctx.scenario().sources().get(s);
      intelligence[s] = source.intelligenceEffectiveness();
    }
    cellSize = Samplers.of(p.cellSize(), draw.rng());
    forming = new int[sources];
    cellTarget = new int[sources];
    formingBy = new long[sources][sources];
    selectedFor = new long[sources][sources];
    // who the branch can draw on for each destination: the sources that speak its language
    selectDraw = new Draw(ctx.random(NAME + "/selection"));
    eligible = new int[sources][];
    eligibleWeight = new double[sources];
    List<Source> all = ctx.scenario().sources();
    for (int d = 0; d < sources; d++) {
      String language = all.get(d).languageGroup();
      List<Integer> e = new ArrayList<>();
      for (int s = 0; s < sources; s++) {
        if (s == d || p.speaks(all.get(s).id(), all.get(s).languageGroup(), language)) {
          e.add(s);
        }
      }
      eligible[d] = e.stream().mapToInt(Integer::intValue).toArray();
    }
    // the dated ways out
    calendar = ctx.scenario().calendar();
    routes = p.exitRoutes();
    routeVia = new int[routes.size()][];
    routeServes = new boolean[routes.size()][sources];
    routeDelay = new ContinuousSampler[routes.size()];
    departedBy = new long[c + routes.size()];
    scratch = new double[c + routes.size()];
    for (int e = 0; e < routes.size(); e++) {
      ExternalOperationsParameters.ExitRoute route = routes.get(e);
      routeVia[e] = route.via().stream().mapToInt(id -> ctx.index().corridor(id)).toArray();
      for (String d : route.destinations()) {
        routeServes[e][ctx.index().source(d)] = true;
      }
      routeDelay[e] = Samplers.of(route.transitDelayDays(), draw.rng());
    }
    queues = new TerrorQueue[sources];
    ContinuousSampler unit = ZigguratSampler.Exponential.of(draw.rng());
    double meanPlotDays = p.plotDays().mean();
    for (int s = 0; s < sources; s++) {
      int source = s;
      Integer teams = p.intelligenceServers().get(ctx.index().sourceId(s));
      double e = intelligence[s];
      // the rate at which, with unlimited teams and exponential durations of the same mean, a plot
      // is detected with probability intelligenceEffectiveness: e / ((1 - e) mean)
      double base =
          e >= 1 ? Double.POSITIVE_INFINITY : meanPlotDays > 0 ? e / ((1 - e) * meanPlotDays) : 0;
      queues[s] =
          new TerrorQueue(
              () ->
                  teams == null
                      ? Integer.MAX_VALUE
                      : (int) Math.round(teams * (1 + world.intelligenceSharing(source))),
              () -> {
                double x = world.encryption(source);
                return x >= 1 ? 0 : base * (1 - x);
              },
              unit);
    }
    // inspired and remote-guided plots draw their counts, durations and failures from a stream of
    // their own (detection times come from the shared queue's)
    homeDraw = new Draw(ctx.random(NAME + "/home"));
    inspiredPlot = Samplers.of(p.inspiredPlotDays(), homeDraw.rng());
    atRisk = new double[sources];
    reach = new double[sources];
    for (int s = 0; s < sources; s++) {
      atRisk[s] = ctx.scenario().sources().get(s).atRiskPool();
      atRiskTotal += atRisk[s];
    }
    atRiskLeft = atRisk.clone();
    homeStarted = new long[sources];
    pooled = new double[sources];
    seenPools = new double[sources];
    reachDecay = Math.exp(-p.reachDecayPerYear() / 365.0);
    pools =
        ctx.provides(Ports.HomePools.class)
            ? ctx.require(Ports.HomePools.class)
            : Ports.HomePools.NONE;
    message =
        ctx.provides(Ports.Message.class) ? ctx.require(Ports.Message.class) : Ports.Message.COME;
    followsGround = p.capacityFollows() != ExternalOperationsParameters.CapacityBasis.FIXED;
    if (followsGround) {
      peakHeld = held();
      world.addControlListener((place, from, to) -> peakHeld = Math.max(peakHeld, held()));
    }
    sim.scheduleAt(MIDDAY, this);
  }

  /** The population or area the organisation holds now ({@code capacityFollows}). */
  private double held() {
    int org = world.organisation();
    if (org < 0) {
      return 0;
    }
    return p.capacityFollows() == ExternalOperationsParameters.CapacityBasis.AREA
        ? world.areaHeld(org)
        : world.populationHeld(org);
  }

  /**
   * The branch's training places now: {@code trainingPlaces}, or with {@code capacityFollows} set
   * {@code floor(trainingPlaces x H / max H)}, {@code H} the population (or area) held now and
   * {@code max H} its largest value so far. Operatives already in training when places are lost
   * finish their training; no one new is taken while {@code inTraining} is at or above it.
   */
  @Override
  public int trainingPlaces() {
    return followsGround ? p.placesNow(held(), peakHeld) : p.trainingPlaces();
  }

  @Override
  public boolean hasPlace(int source) {
    return inTraining < trainingPlaces();
  }

  @Override
  public void assigned(int source) {
    train(source, source);
  }

  @Override
  public long selected(boolean underground) {
    return selected[underground ? 1 : 0];
  }

  /** Operatives selected so far for destination {@code destination} from source {@code source}. */
  public long selectedFor(int destination, int source) {
    return selectedFor[destination][source];
  }

  /** Inspired and remote-guided plots started so far in destination {@code source}. */
  public long homePlotsStarted(int source) {
    return homeStarted[source];
  }

  @Override
  public long cellsDeparted(int way) {
    return departedBy[way];
  }

  /** An operative of {@code source} (already in state OPERATIVE) trains for {@code destination}. */
  private void train(int destination, int source) {
    inTraining++;
    sim.schedule(
        training.sample(),
        s -> {
          inTraining--;
          trained(destination, source);
        });
  }

  /**
   * The branch's selection for one day (issue 14 step 1, issue 12 item 5): for each destination
   * {@code d}, a Poisson number of operatives wanted with mean {@code selectionPerYear / 365 x} the
   * foreign fighters of {@code d} serving (visible and underground); the day's requests are served
   * in random order while a training place is free (the rest are dropped), each drawn from the
   * serving foreign fighters of the sources that speak {@code d}'s language: a source in proportion
   * to its serving stock (visible plus underground), then visible or underground in proportion,
   * then a place in proportion to its foreign fighters of that kind. The one drawn moves to
   * OPERATIVE through {@link Forces}, so people stay conserved.
   */
  private void select() {
    int sources = eligible.length;
    Forces forces = world.forces();
    int n = 0;
    for (int d = 0; d < sources; d++) {
      double nationals =
          people.count(PersonState.FIGHTER, d) + people.count(PersonState.UNDERGROUND, d);
      if (nationals > 0) {
        long wanted = selectDraw.poisson(p.selectionPerYear() / 365.0 * nationals);
        for (long i = 0; i < wanted; i++) {
          if (n == requests.length) {
            requests = java.util.Arrays.copyOf(requests, 2 * n);
          }
          requests[n++] = d;
        }
      }
    }
    // the day's requests are served in random order, so that when training places run short no
    // destination comes first
    int places = trainingPlaces();
    while (n > 0 && inTraining < places) {
      int k = selectDraw.rng().nextInt(n);
      int d = requests[k];
      requests[k] = requests[--n];
      int[] e = eligible[d];
      double total = 0;
      for (int j = 0; j < e.length; j++) {
        eligibleWeight[j] =
            people.count(PersonState.FIGHTER, e[j]) + people.count(PersonState.UNDERGROUND, e[j]);
        total += eligibleWeight[j];
      }
      if (total <= 0) {
        continue;
      }
      int s = e[selectDraw.pick(eligibleWeight, e.length)];
      long visible = people.count(PersonState.FIGHTER, s);
      long hidden = people.count(PersonState.UNDERGROUND, s);
      boolean underground = selectDraw.rng().nextLong(visible + hidden) >= visible;
      int place = placeOf(underground);
      if (underground) {
        forces.undergroundToOperative(place, s);
      } else {
        forces.foreignToOperative(place, s);
      }
      selected[underground ? 1 : 0]++;
      selectedFor[d][s]++;
      train(d, s);
    }
  }

  /** A place drawn in proportion to its foreign fighters, visible or underground. */
  private int placeOf(boolean underground) {
    Forces forces = world.forces();
    long total = 0;
    for (int r = 0; r < world.places(); r++) {
      total += underground ? forces.undergroundForeign(r) : forces.foreignFighters(r);
    }
    long u = selectDraw.rng().nextLong(total);
    for (int r = 0; r < world.places(); r++) {
      u -= underground ? forces.undergroundForeign(r) : forces.foreignFighters(r);
      if (u < 0) {
        return r;
      }
    }
    throw new IllegalStateException("no foreign fighter to select");
  }

  /** A trained operative joins its destination's forming cell; a complete cell sets out. */
  private void trained(int destination, int source) {
    if (forming[destination] == 0) {
      cellTarget[destination] = Math.max(1, (int) Math.round(cellSize.sample()));
    }
    forming[destination]++;
    formingBy[destination][source]++;
    if (forming[destination] >= cellTarget[destination]) {
      int n = forming[destination];
      long[] members = formingBy[destination].clone();
      forming[destination] = 0;
      java.util.Arrays.fill(formingBy[destination], 0);
      new Operative(destination, members, n).fire(sim);
    }
  }

  /** Operatives in training now. */
  @Override
  public int inTraining() {
    return inTraining;
  }

  /**
   * The handlers guiding attackers at home now: {@code handlers} times the share of peak area held.
   */
  public double handlersNow() {
    double peak = world.peakOrganisationArea();
    return peak > 0 ? p.handlers() * world.areaHeld(world.organisation()) / peak : 0;
  }

  /** The home reach of destination {@code source} as of the last day (issue 14 step 4). */
  public double reach(int source) {
    return reach[source];
  }

  /** The branch's selection (when it selects), then inspired and remote-guided plots, daily. */
  @Override
  public void fire(Simulation sim) {
    if (p.selectionPerYear() > 0) {
      select();
    }
    double call = 1 + p.callGain() * message.stayAndAttackCall();
    boolean depletes = p.reachDecayPerYear() > 0 || p.reachUsedPerPlot() > 0;
    double sum = 0;
    for (int s = 0; s < reach.length; s++) {
      double pool =
          p.frustratedWeight() * pools.frustratedTravellers(s)
              + p.returneeWeight() * pools.returneesAtLarge(s);
      if (depletes) {
        // the pools' part fades and takes in what the pools gained since yesterday
        pooled[s] = Math.max(0, pooled[s] * reachDecay + pool - seenPools[s]);
        seenPools[s] = pool;
        reach[s] = atRiskLeft[s] + pooled[s];
      } else {
        reach[s] = atRisk[s] + pool;
      }
      sum += reach[s];
    }
    double inspired = atRiskTotal > 0 ? p.inspiredAttacksPerYear() / 365.0 / atRiskTotal : 0;
    double guided = sum > 0 ? handlersNow() * p.guidedPlotsPerHandlerPerYear() / 365.0 / sum : 0;
    for (int s = 0; s < reach.length; s++) {
      long a = homeDraw.poisson(inspired * reach[s] * call);
      long b = homeDraw.poisson(guided * reach[s] * call);
      start(sim, World.INSPIRED, s, a);
      start(sim, World.REMOTE_GUIDED, s, b);
      homeStarted[s] += a + b;
      if (depletes && a + b > 0) {
        use(s, p.reachUsedPerPlot() * (a + b));
      }
    }
    sim.schedule(1.0, this);
  }

  /** Removes {@code x} people from destination {@code s}'s reach: the pools' part first. */
  private void use(int s, double x) {
    double fromPools = Math.min(x, pooled[s]);
    pooled[s] -= fromPools;
    atRiskLeft[s] = Math.max(0, atRiskLeft[s] - (x - fromPools));
    reach[s] = atRiskLeft[s] + pooled[s];
  }

  /** Starts {@code n} plots of {@code kind} in destination {@code source}: its terror queue. */
  private void start(Simulation sim, int kind, int source, long n) {
    for (long i = 0; i < n; i++) {
      queues[source].arrive(
          sim, inspiredPlot.sample(), (at, detected) -> world.plot(kind, teSat(detected), source));
    }
  }

  /** A plot's TE-SAT outcome: foiled if detected, else failed with {@code attackFailure}. */
  private int teSat(boolean detected) {
    if (detected) {
      return World.FOILED;
    }
    return p.attackFailure() > 0 && homeDraw.bernoulli(p.attackFailure())
        ? World.FAILED
        : World.COMPLETED;
  }

  /**
   * One cell of {@code size} operatives bound for {@code destination} ({@code members[s]} of them
   * of source {@code s}), as its own kernel action moving through phases: it sets out by a way open
   * now (waiting a day at a time while none is), travels, may be interdicted (all together), and
   * makes one plot.
   */
  private final class Operative implements Action {
    private static final int TRAINING = 0;
    private static final int TRAVELLING = 1;
    private static final int FOILED = 2;
    private static final int EXECUTED = 3;
    private final int destination;
    private final long[] members;
    private final int size;
    private int corridor = -1;
    private int route = -1;
    private int phase = TRAINING;

    Operative(int destination, long[] members, int size) {
      this.destination = destination;
      this.members = members;
      this.size = size;
    }

    private void moveAll(PersonState to) {
      for (int s = 0; s < members.length; s++) {
        if (members[s] > 0) {
          people.move(s, PersonState.OPERATIVE, to, members[s]);
        }
      }
    }

    @Override
    public void fire(Simulation sim) {
      switch (phase) {
        case TRAINING -> dispatch(sim);
        case TRAVELLING -> arrive(sim);
        case FOILED -> {
          moveAll(PersonState.PLOT_FOILED);
          world.plot(World.DIRECTED, World.FOILED, destination);
        }
        case EXECUTED -> {
          moveAll(PersonState.PLOT_EXECUTED);
          world.plot(World.DIRECTED, teSat(false), destination);
        }
        default -> throw new IllegalStateException("phase " + phase);
      }
    }

    /**
     * The ways out now: each corridor serving the destination that is open (by its weight), and
     * each exit route serving it whose dates cover today and one of whose crossings is open (by the
     * route's weight). With none now it waits a day; with no way at all (no corridor, no route
     * serves the destination) it needs none.
     */
    private void dispatch(Simulation sim) {
      int[] ks = corridorsOf[destination];
      int c = ks.length;
      boolean open = false;
      boolean any = c > 0;
      LocalDate today = routes.isEmpty() ? null : calendar.dateAt(Math.floor(sim.now()));
      for (int j = 0; j < c; j++) {
        scratch[j] = world.corridorOpen(ks[j]) ? weights[ks[j]] : 0;
        open |= scratch[j] > 0;
      }
      for (int e = 0; e < routes.size(); e++) {
        scratch[c + e] = 0;
        if (!routeServes[e][destination]) {
          continue;
        }
        any = true;
        if (routes.get(e).openOn(today) && crossing(e, false) >= 0) {
          scratch[c + e] = routes.get(e).weight();
          open |= scratch[c + e] > 0;
        }
      }
      if (any && !open) {
        sim.schedule(1.0, this); // no way out now: wait for a route to open
        return;
      }
      for (int m = 0; m < size; m++) {
        people.operativeDispatched(destination);
      }
      phase = TRAVELLING;
      if (!any) {
        arrive(sim);
        return;
      }
      int j = draw.pick(scratch, c + routes.size());
      if (j < c) {
        corridor = ks[j];
        departedBy[corridor]++;
        sim.schedule(delay[corridor].sample(), this);
      } else {
        route = j - c;
        corridor = crossing(route, true);
        departedBy[weights.length + route]++;
        sim.schedule(routeDelay[route].sample(), this);
      }
    }

    /**
     * A crossing of exit route {@code e} open now: drawn by the corridors' weights when {@code
     * draw}, else the first open one; -1 when none is open.
     */
    private int crossing(int e, boolean pick) {
      int[] via = routeVia[e];
      double total = 0;
      int first = -1;
      for (int v : via) {
        if (world.corridorOpen(v)) {
          total += weights[v];
          first = first < 0 ? v : first;
        }
      }
      if (!pick || first < 0 || total <= 0) {
        return first;
      }
      double u = draw.uniform() * total;
      for (int v : via) {
        if (world.corridorOpen(v)) {
          u -= weights[v];
          if (u < 0) {
            return v;
          }
        }
      }
      return first;
    }

    private void arrive(Simulation sim) {
      if (corridor >= 0) {
        double closure = p.borderClosureStopsOperatives() ? world.borderClosure(corridor) : 0;
        double stop = 1 - (1 - interdiction[corridor]) * (1 - closure);
        if (draw.bernoulli(stop)) {
          moveAll(PersonState.OPERATIVE_INTERDICTED);
          for (int m = 0; m < size; m++) {
            world.interdicted(corridor);
          }
          return;
        }
      }
      if (route >= 0
          && routes.get(route).interdiction() > 0
          && draw.bernoulli(routes.get(route).interdiction())) {
        moveAll(PersonState.OPERATIVE_INTERDICTED);
        return;
      }
      queues[destination].arrive(sim, plot.sample(), this::outcome);
    }

    private void outcome(Simulation sim, boolean detected) {
      phase = detected ? FOILED : EXECUTED;
      fire(sim);
    }
  }

  /**
   * The terror queue of one destination country (Kaplan, "Terror queues", Operations Research
   * 58(4), 2010): plots are the customers and intelligence teams the servers. A plot that arrives
   * finds a free team and is investigated at once, or waits in line (first come, first served) for
   * one. A plot under investigation is detected (foiled) after an exponential time of rate {@code
   * detectionRate()}; any plot, waiting or under investigation, is carried out when its own
   * duration (drawn by the caller) runs out first. When a plot leaves a team, the next waiting plot
   * takes its place. With exponential durations of rate theta and Poisson arrivals of rate lambda
   * the number of plots present is a birth-death chain (births lambda, deaths min(n, c) delta + n
   * theta), so the chance a plot is detected is {@code delta E[min(N, c)] / lambda}; with unlimited
   * teams it is {@code delta / (delta + theta)} whatever the load. The chance of detection falls as
   * the load rises (teams busy, plots waiting): the congestion the model is built on.
   */
  public static final class TerrorQueue {
    /** What happens to a plot: {@code detected} true if foiled, false if carried out. */
    public interface Outcome {
      void happened(Simulation sim, boolean detected);
    }

    private final java.util.function.IntSupplier servers;
    private final java.util.function.DoubleSupplier detectionRate;
    private final ContinuousSampler unitExponential;
    private final java.util.ArrayDeque<Entry> waiting = new java.util.ArrayDeque<>();
    private int investigated;

    /**
     * @param servers the teams available now ({@link Integer#MAX_VALUE} = unlimited), read at each
     *     admission
     * @param detectionRate rate per day at which a team detects the plot it investigates, read when
     *     an investigation starts ({@link Double#POSITIVE_INFINITY}: at once; 0: never)
     * @param unitExponential exponential samples of mean 1
     */
    public TerrorQueue(
        java.util.function.IntSupplier servers,
        java.util.function.DoubleSupplier detectionRate,
        ContinuousSampler unitExponential) {
      this.servers = servers;
      this.detectionRate = detectionRate;
      this.unitExponential = unitExponential;
    }

    /** Plots under investigation now. */
    public int investigated() {
      return investigated;
    }

    /** Plots waiting for a team now. */
    public int waiting() {
      return waiting.size();
    }

    /** A plot arrives that would be carried out after {@code duration} days. */
    public void arrive(Simulation sim, double duration, Outcome outcome) {
      Entry e = new Entry(outcome);
      e.completeAt = sim.now() + duration;
      e.completion = sim.schedule(duration, e::complete);
      if (investigated < servers.getAsInt()) {
        investigate(sim, e);
      } else {
        waiting.addLast(e);
      }
    }

    private void investigate(Simulation sim, Entry e) {
      investigated++;
      e.investigated = true;
      double rate = detectionRate.getAsDouble();
      if (rate > 0) {
        double delay = unitExponential.sample() / rate;
        // a detection that would come after the plot is carried out never happens: not scheduled
        // (also keeps far-future events, from rates near 0, out of the event queue)
        if (sim.now() + delay < e.completeAt) {
          e.detection = sim.schedule(delay, e::detect);
        }
      }
    }

    private void leave(Simulation sim, Entry e) {
      e.done = true;
      if (e.investigated) {
        investigated--;
        while (!waiting.isEmpty() && investigated < servers.getAsInt()) {
          Entry next = waiting.pollFirst();
          if (!next.done) {
            investigate(sim, next);
          }
        }
      }
    }

    private final class Entry {
      private final Outcome outcome;
      private int completion = -1;
      private double completeAt;
      private int detection = -1;
      private boolean investigated;
      private boolean done;

      Entry(Outcome outcome) {
        this.outcome = outcome;
      }

      void complete(Simulation sim) {
        if (done) {
          return;
        }
        if (detection >= 0) {
          sim.cancel(detection);
        }
        leave(sim, this);
        outcome.happened(sim, false);
      }

      void detect(Simulation sim) {
        if (done) {
          return;
        }
        sim.cancel(completion);
        leave(sim, this);
        outcome.happened(sim, true);
      }
    }
  }
}
