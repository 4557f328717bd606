package org.polemos.sim.world;

import java.util.List;
import org.polemos.model.Corridor;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.EconomyParameters;
import org.polemos.sim.sampling.Draw;

/**
 * The shared state of one run, stored for speed in flat arrays indexed by the dense ints of a
 * {@link ScenarioIndex}. It is made of the {@link Territory} (places, who holds them, the rule for
 * a change of hands), the {@link Forces} (fighters, commitments, losses, movement, the underground)
 * and the organisation-wide quantities below (corridors, levers in force, momentum, economy,
 * intake, external operations). Mechanisms read and write it through narrow methods; the methods on
 * places and fighters here delegate to {@link #territory()} and {@link #forces()}. A "place"
 * argument is a place index of {@link ScenarioIndex} (a region's rest or a locality; equal to the
 * region index in a scenario without localities). Nothing here allocates on the paths that run
 * every day, except control changes (rare) which notify {@link ControlListener}s. Not thread-safe:
 * one world per run.
 */
public final class World {

  /** Told when a place changes hands. */
  public interface ControlListener extends Territory.ControlListener {}

  private final ScenarioIndex index;
  private final int org;
  private final People people;
  private final Forces forces;
  private final Territory territory;

  // corridors
  private final int[] corridorEntry;
  private final boolean[] corridorOpen;
  private final long[] interdicted;

  // levers in force (recomputed when an intervention starts or ends)
  private final boolean[] interventionActive;
  private final double[] travelMeasures;

  /** States' travel instruments in force, [kind ordinal][source] (issue 13), see instrument(). */
  private final double[][] instruments;

  private final double[] intelligenceSharing;
  private final double[] counterMessaging;
  private final double[] borderClosure;
  private final double[] revenueDamage;
  private final double[] cashStrikes;
  private final double[] encryption;

  // organisation-wide quantities
  private double momentum = 1.0;
  private double perceivedMomentum = 1.0;
  private double treasury;
  private double unfundedShare;
  private final double[] revenueCumulative = new double[4];
  private final double[] revenuePeriod = new double[4];
  private final double[] spendingPeriod = new double[5];
  private double unfundedPeriod;
  private int intakeWaiting;
  private int intakeInService;
  private double intakeWaitSumPeriod;
  private long intakeStartedPeriod;

  /** Plots by kind and outcome: {@code plots[kind * OUTCOMES + outcome][source]}. */
  private final long[][] plots;

  /** Revenue streams, in the order of {@link #revenueStreamKey(int)}. */
  public static final int TAX = 0;

  public static final int OIL = 1;
  public static final int OTHER = 2;
  public static final int LOOT = 3;
  private static final String[] STREAMS = {"tax", "oil", "other", "loot"};

  /** Spending streams, in the order of {@link #spendingStreamKey(int)}. */
  public static final int PAY = 0;

  public static final int ADMINISTRATION = 1;
  public static final int WAR = 2;
  public static final int FAMILIES = 3;
  public static final int OPERATIONS = 4;
  private static final String[] SPENDING = {
    "pay", "administration", "war", "families", "operations"
  };

  public World(ScenarioIndex index) {
    this.index = index;
    Scenario sc = index.scenario();
    this.org = index.organisation();
    people = new People(index.sourceCount());
    forces = new Forces(index.placeCount(), index.factionCount(), org, people);
    territory = new Territory(index, forces);
    placeForeignStock(sc);
    plots = new long[PLOT_KINDS.size() * OUTCOMES][index.sourceCount()];
    int corridors = index.corridorCount();
    corridorEntry = new int[corridors];
    corridorOpen = new boolean[corridors];
    interdicted = new long[corridors];
    for (int c = 0; c < corridors; c++) {
      Corridor corridor = sc.corridors().get(c);
      corridorEntry[c] = index.place(corridor.entryRegion());
      corridorOpen[c] = territory.controller(corridorEntry[c]) == org;
    }
    interventionActive = new boolean[index.interventionCount()];
    travelMeasures = new double[index.sourceCount()];
    instruments = new double[InterventionKind.values().length][];
    for (InterventionKind k : InterventionKind.DEPARTURE_INSTRUMENTS) {
      instruments[k.ordinal()] = new double[index.sourceCount()];
    }
    instruments[InterventionKind.RETURNEE_PROSECUTION.ordinal()] = new double[index.sourceCount()];
    intelligenceSharing = new double[index.sourceCount()];
    counterMessaging = new double[index.sourceCount()];
    borderClosure = new double[corridors];
    revenueDamage = new double[index.placeCount()];
    cashStrikes = new double[index.placeCount()];
    encryption = new double[index.sourceCount()];
    treasury = sc.processes().get(EconomyParameters.class).initialTreasuryUsd();
  }

  /**
   * Places the organisation's foreign fighters present at the start ({@code
   * sources[].fightersAtStart}, issue 13) in the places it holds, on top of its forces there, in
   * proportion to those forces (to every held place alike when it has none), by largest remainder
   * (ties to the earlier place), so exactly the stock is placed; deterministic.
   */
  private void placeForeignStock(Scenario sc) {
    long total = 0;
    for (int s = 0; s < sc.sources().size(); s++) {
      total += sc.sources().get(s).fightersAtStart();
    }
    if (total <= 0 || org < 0) {
      return;
    }
    int places = territory.places();
    double[] w = new double[places];
    double sum = 0;
    for (int p = 0; p < places; p++) {
      w[p] = territory.controller(p) == org ? forces.fighters(p, org) : 0;
      sum += w[p];
    }
    if (!(sum > 0)) {
      for (int p = 0; p < places; p++) {
        w[p] = territory.controller(p) == org ? 1 : 0;
        sum += w[p];
      }
    }
    if (!(sum > 0)) {
      throw new IllegalStateException("foreign fighters at the start but no place held");
    }
    long[] n = new long[places];
    double[] rest = new double[places];
    long placed = 0;
    for (int p = 0; p < places; p++) {
      double x = total * w[p] / sum;
      n[p] = (long) Math.floor(x);
      rest[p] = w[p] > 0 ? x - n[p] : -1;
      placed += n[p];
    }
    for (; placed < total; placed++) {
      int best = 0;
      for (int p = 1; p < places; p++) {
        if (rest[p] > rest[best]) {
          best = p;
        }
      }
      n[best]++;
      rest[best] = -1;
    }
    for (int p = 0; p < places; p++) {
      if (n[p] > 0) {
        forces.placeForeignAtStart(p, n[p]);
      }
    }
    for (int s = 0; s < sc.sources().size(); s++) {
      people.placeAtStart(s, sc.sources().get(s).fightersAtStart());
    }
  }

  public ScenarioIndex index() {
    return index;
  }

  public People people() {
    return people;
  }

  /** Places, holders and the rule for a change of hands. */
  public Territory territory() {
    return territory;
  }

  /** Fighters, commitments, losses and the underground. */
  public Forces forces() {
    return forces;
  }

  /** The organisation's faction index (-1 when the scenario has none). */
  public int organisation() {
    return org;
  }

  /** Number of places (see {@link ScenarioIndex#placeCount()}). */
  public int places() {
    return territory.places();
  }

  // ---- map and control (see Territory) ----

  public int controller(int place) {
    return territory.controller(place);
  }

  public double area(int place) {
    return territory.area(place);
  }

  public double population(int place) {
    return territory.population(place);
  }

  public double oilCapacity(int place) {
    return territory.oilCapacity(place);
  }

  public double defensibility(int place) {
    return territory.defensibility(place);
  }

  public int[] neighbours(int place) {
    return territory.neighbours(place);
  }

  public boolean enemies(int f, int g) {
    return territory.enemies(f, g);
  }

  public boolean holdsGround(int faction) {
    return territory.holdsGround(faction);
  }

  public double areaHeld(int faction) {
    return territory.areaHeld(faction);
  }

  public double populationHeld(int faction) {
    return territory.populationHeld(faction);
  }

  public double totalArea() {
    return territory.totalArea();
  }

  /** The largest area the organisation has held so far in the run. */
  public double peakOrganisationArea() {
    return territory.peakOrganisationArea();
  }

  public void addControlListener(Territory.ControlListener listener) {
    territory.addControlListener(listener);
  }

  /** Hands {@code place} to {@code to}; see {@link Territory#changeControl}. */
  public void changeControl(int place, int to, Draw draw) {
    territory.changeControl(place, to, draw);
  }

  // ---- forces (see Forces) ----

  public double fighters(int place, int faction) {
    return forces.fighters(place, faction);
  }

  /** Visible fighters of {@code faction} over all places. */
  public double fighters(int faction) {
    return forces.fighters(faction);
  }

  public long foreignFighters(int place) {
    return forces.foreignFighters(place);
  }

  public void addFighters(int place, int faction, double n) {
    forces.addFighters(place, faction, n);
  }

  public void addForeignFighter(int place, int source) {
    forces.addForeignFighter(place, source);
  }

  public double kill(int place, int faction, double n, Draw draw) {
    return forces.kill(place, faction, n, draw);
  }

  public double remove(int place, int faction, double n, PersonState fate, Draw draw) {
    return forces.remove(place, faction, n, fate, draw);
  }

  public long removeForeign(
      int place, long k, PersonState fate, double arrestProbability, Draw draw) {
    return forces.removeForeign(place, k, fate, s -> arrestProbability, draw);
  }

  /** As above with an arrest probability by source (prosecution of returnees, issue 13). */
  public long removeForeign(
      int place,
      long k,
      PersonState fate,
      java.util.function.IntToDoubleFunction arrestProbability,
      Draw draw) {
    return forces.removeForeign(place, k, fate, arrestProbability, draw);
  }

  public double moveFighters(int faction, int from, int to, double n, Draw draw) {
    return forces.moveFighters(faction, from, to, n, draw);
  }

  public double commit(int place, int faction, int target, double n) {
    return forces.commit(place, faction, target, n);
  }

  public double committed(int place, int faction, int target) {
    return forces.committed(place, faction, target);
  }

  public double committedTotal(int place, int faction) {
    return forces.committedTotal(place, faction);
  }

  public void releaseCommitted(int faction, int target) {
    forces.releaseCommitted(faction, target);
  }

  public double deaths(int faction) {
    return forces.deaths(faction);
  }

  public void addLocalDeserters(double n) {
    forces.addLocalDeserters(n);
  }

  public double localDeserted() {
    return forces.localDeserted();
  }

  // ---- corridors ----

  public int corridorEntry(int corridor) {
    return corridorEntry[corridor];
  }

  public boolean corridorOpen(int corridor) {
    return corridorOpen[corridor];
  }

  public void corridorOpen(int corridor, boolean open) {
    corridorOpen[corridor] = open;
  }

  public void interdicted(int corridor) {
    interdicted[corridor]++;
  }

  public long interdictedCount(int corridor) {
    return interdicted[corridor];
  }

  // ---- levers ----

  public boolean interventionActive(int intervention) {
    return interventionActive[intervention];
  }

  /** Switches an intervention on or off and recomputes the levers it feeds. */
  public void interventionActive(int intervention, boolean active) {
    interventionActive[intervention] = active;
    recomputeLevers();
  }

  private void recomputeLevers() {
    // each lever combines the interventions in force as 1 - prod(1 - intensity)
    java.util.Arrays.fill(travelMeasures, 0);
    java.util.Arrays.fill(intelligenceSharing, 0);
    java.util.Arrays.fill(counterMessaging, 0);
    java.util.Arrays.fill(borderClosure, 0);
    java.util.Arrays.fill(revenueDamage, 0);
    java.util.Arrays.fill(cashStrikes, 0);
    java.util.Arrays.fill(encryption, 0);
    for (double[] lever : instruments) {
      if (lever != null) {
        java.util.Arrays.fill(lever, 0);
      }
    }
    List<Intervention> all = index.scenario().interventions();
    for (int i = 0; i < all.size(); i++) {
      if (!interventionActive[i]) {
        continue;
      }
      Intervention iv = all.get(i);
      double x = Math.max(0, Math.min(1, iv.intensity()));
      InterventionKind kind = iv.kind();
      for (String t : iv.targets()) {
        switch (kind) {
          case TRAVEL_MEASURES -> combine(travelMeasures, index.source(t), x);
          case INTELLIGENCE_SHARING -> combine(intelligenceSharing, index.source(t), x);
          case COUNTER_MESSAGING -> combine(counterMessaging, index.source(t), x);
          case BORDER_CLOSURE -> combine(borderClosure, index.corridor(t), x);
          case REVENUE_STRIKES -> {
            for (int place : index.placesWithin(t)) {
              combine(revenueDamage, place, x);
            }
          }
          case ENCRYPTED_COMMUNICATION -> combine(encryption, index.source(t), x);
          case TRAVEL_BAN,
              PASSPORT_REVOCATION,
              WATCHLIST,
              DEPARTURE_SCREENING,
              RETURNEE_PROSECUTION ->
              combine(instruments[kind.ordinal()], index.source(t), x);
          case CASH_STRIKES -> {
            for (int place : index.placesWithin(t)) {
              combine(cashStrikes, place, x);
            }
          }
          default -> {
            // air campaigns and ground offensives are read from the active list by their mechanisms
          }
        }
      }
    }
  }

  private static void combine(double[] lever, int i, double x) {
    lever[i] = 1 - (1 - lever[i]) * (1 - x);
  }

  /** Share of departures from {@code source} prevented by travel measures in force, [0,1]. */
  public double travelMeasures(int source) {
    return travelMeasures[source];
  }

  /**
   * The intensity in force of the states' travel instrument {@code kind} (one of {@link
   * InterventionKind#DEPARTURE_INSTRUMENTS} or {@link InterventionKind#RETURNEE_PROSECUTION}) in
   * {@code source}, [0,1], combined over the interventions in force as {@code 1 - prod(1 -
   * intensity)}.
   */
  public double instrument(InterventionKind kind, int source) {
    return instruments[kind.ordinal()][source];
  }

  public double intelligenceSharing(int source) {
    return intelligenceSharing[source];
  }

  public double counterMessaging(int source) {
    return counterMessaging[source];
  }

  /**
   * Relative reduction of the plot detection rate in {@code source} by encrypted communication in
   * force, [0,1].
   */
  public double encryption(int source) {
    return encryption[source];
  }

  public double borderClosure(int corridor) {
    return borderClosure[corridor];
  }

  /** Share of {@code place}'s oil capacity put out of action by revenue strikes in force, [0,1]. */
  public double revenueDamage(int place) {
    return revenueDamage[place];
  }

  /**
   * Share of the cash kept in {@code place} destroyed per 30 days by the cash strikes in force,
   * [0,1].
   */
  public double cashStrikes(int place) {
    return cashStrikes[place];
  }

  // ---- momentum and economy ----

  public double momentum() {
    return momentum;
  }

  public void momentum(double value) {
    momentum = value;
  }

  /**
   * Momentum as perceived in the source countries: the actual momentum smoothed exponentially with
   * time constant {@code momentum.perceptionDays} (equal to {@link #momentum()} when that is 0).
   * Departures respond to it.
   */
  public double perceivedMomentum() {
    return perceivedMomentum;
  }

  public void perceivedMomentum(double value) {
    perceivedMomentum = value;
  }

  public double treasury() {
    return treasury;
  }

  public void treasury(double value) {
    treasury = value;
  }

  /** Share of the organisation's daily need that went unfunded on the last economy day, [0,1]. */
  public double unfundedShare() {
    return unfundedShare;
  }

  public void unfundedShare(double value) {
    unfundedShare = value;
  }

  public void addRevenue(int stream, double usd) {
    revenueCumulative[stream] += usd;
    revenuePeriod[stream] += usd;
  }

  public double revenueCumulative(int stream) {
    return revenueCumulative[stream];
  }

  /** Revenue of {@code stream} since the previous sample. */
  public double revenuePeriod(int stream) {
    return revenuePeriod[stream];
  }

  public static String revenueStreamKey(int stream) {
    return STREAMS[stream];
  }

  /** Number of revenue streams. */
  public static int revenueStreams() {
    return STREAMS.length;
  }

  /** Records {@code usd} of spending (what was due, paid or not) in {@code stream}. */
  public void addSpending(int stream, double usd) {
    spendingPeriod[stream] += usd;
  }

  /** Spending due in {@code stream} since the previous sample. */
  public double spendingPeriod(int stream) {
    return spendingPeriod[stream];
  }

  public static String spendingStreamKey(int stream) {
    return SPENDING[stream];
  }

  public static int spendingStreams() {
    return SPENDING.length;
  }

  /** Records {@code usd} of the day's need that the treasury could not pay. */
  public void addUnfunded(double usd) {
    unfundedPeriod += usd;
  }

  /** Need left unpaid since the previous sample, USD. */
  public double unfundedPeriod() {
    return unfundedPeriod;
  }

  // ---- intake ----

  public int intakeWaiting() {
    return intakeWaiting;
  }

  public int intakeInService() {
    return intakeInService;
  }

  public void intakeCounts(int waiting, int inService) {
    intakeWaiting = waiting;
    intakeInService = inService;
  }

  /** Records that a recruit started intake after waiting {@code waitDays}. */
  public void intakeStarted(double waitDays) {
    intakeWaitSumPeriod += waitDays;
    intakeStartedPeriod++;
  }

  /** Mean wait of the recruits who started intake since the previous sample; NaN when none did. */
  public double intakeMeanWaitPeriod() {
    return intakeStartedPeriod == 0 ? Double.NaN : intakeWaitSumPeriod / intakeStartedPeriod;
  }

  // ---- external operations ----

  /** Plot kinds, in the order of the Europol TE-SAT style metrics (docs/OUTPUTS.md). */
  public static final int DIRECTED = 0;

  public static final int REMOTE_GUIDED = 1;
  public static final int INSPIRED = 2;

  /** The metric prefix of each plot kind, indexed by kind. */
  public static final List<String> PLOT_KINDS = List.of("directed", "remote_guided", "inspired");

  /** Plot outcomes (Europol TE-SAT): carried out and succeeded, attempted but not, foiled. */
  public static final int COMPLETED = 0;

  public static final int FAILED = 1;
  public static final int FOILED = 2;
  private static final int OUTCOMES = 3;

  /** Records one plot of {@code kind} in destination {@code source} with {@code outcome}. */
  public void plot(int kind, int outcome, int source) {
    plots[kind * OUTCOMES + outcome][source]++;
  }

  /** Plots of {@code kind} in {@code source} with {@code outcome}, so far. */
  public long plots(int kind, int outcome, int source) {
    return plots[kind * OUTCOMES + outcome][source];
  }

  /** Plots foiled in {@code source}, summed over kinds. */
  public long plotsFoiled(int source) {
    long n = 0;
    for (int k = 0; k < PLOT_KINDS.size(); k++) {
      n += plots(k, FOILED, source);
    }
    return n;
  }

  /** Plots carried out (completed or failed) in {@code source}, summed over kinds. */
  public long plotsExecuted(int source) {
    long n = 0;
    for (int k = 0; k < PLOT_KINDS.size(); k++) {
      n += plots(k, COMPLETED, source) + plots(k, FAILED, source);
    }
    return n;
  }

  /** Inspired attacks carried out (completed or failed) in {@code source}. */
  public long inspiredAttacks(int source) {
    return plots(INSPIRED, COMPLETED, source) + plots(INSPIRED, FAILED, source);
  }

  // ---- sampling ----

  /** Resets the per-period accumulators; the engine calls it after each sample. */
  public void startSamplePeriod() {
    java.util.Arrays.fill(revenuePeriod, 0);
    java.util.Arrays.fill(spendingPeriod, 0);
    unfundedPeriod = 0;
    intakeWaitSumPeriod = 0;
    intakeStartedPeriod = 0;
  }
}
