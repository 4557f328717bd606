package org.polemos.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.model.Corridor;
import org.polemos.model.Faction;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.process.EconomyParameters;
import org.polemos.sim.sampling.Draw;

/**
 * The shared state of one run, stored for speed in flat arrays indexed by the dense ints of a
 * {@link ScenarioIndex}. Mechanisms read and write it through the narrow methods below; nothing here allocates on
 * the paths that run every day, except control changes (rare) which notify {@link ControlListener}s.
 *
 * <p>Forces: {@code fighters[region * factions + faction]} as doubles (aggregates). The organisation's fighters in
 * a region are its local recruits plus {@code foreignIn[region]} foreign fighters, whose sources are tracked in
 * {@link People} (state {@link PersonState#FIGHTER}); every change of foreign fighters goes through the methods
 * here so the two stay equal. Not thread-safe: one world per run.
 */
public final class World {

  /** Told when a region changes hands. */
  public interface ControlListener {
    void controlChanged(int region, int from, int to);
  }

  private final ScenarioIndex index;
  private final int regions;
  private final int factions;
  private final int org;
  private final int[] controller;
  private final double[] fighters;
  private final long[] foreignIn;
  // fighters committed by ground offensives: committed[(region * factions + faction) * regions + target]
  private final double[] committed;
  private final double[] committedTotal;
  private final double[] area;
  private final double[] population;
  private final double[] oilCapacity;
  private final double[] defensibility;
  private final int[][] neighbours;
  private final boolean[] enemies;
  private final boolean[] holdsGround;
  private final double[] areaHeld;
  private final double[] populationHeld;
  private final double totalArea;
  private double peakOrganisationArea;
  private final double[] deaths;
  private final People people;
  private final List<ControlListener> controlListeners = new ArrayList<>();

  // corridors
  private final int[] corridorEntry;
  private final boolean[] corridorOpen;
  private final long[] interdicted;

  // levers in force (recomputed when an intervention starts or ends)
  private final boolean[] interventionActive;
  private final double[] travelMeasures;
  private final double[] intelligenceSharing;
  private final double[] counterMessaging;
  private final double[] borderClosure;
  private final double[] revenueDamage;

  // organisation-wide quantities
  private double momentum = 1.0;
  private double perceivedMomentum = 1.0;
  private double treasury;
  private double unfundedShare;
  private final double[] revenueCumulative = new double[3];
  private final double[] revenuePeriod = new double[3];
  private double localDeserted;
  private int intakeWaiting;
  private int intakeInService;
  private double intakeWaitSumPeriod;
  private long intakeStartedPeriod;
  private final long[] inspiredAttacks;

  /** Revenue streams, in the order of {@link #revenueStreamKey(int)}. */
  public static final int TAX = 0;
  public static final int OIL = 1;
  public static final int OTHER = 2;
  private static final String[] STREAMS = {"tax", "oil", "other"};

  public World(ScenarioIndex index) {
    this.index = index;
    Scenario sc = index.scenario();
    this.regions = index.regionCount();
    this.factions = index.factionCount();
    this.org = index.organisation();
    controller = new int[regions];
    fighters = new double[regions * factions];
    foreignIn = new long[regions];
    committed = new double[regions * factions * regions];
    committedTotal = new double[regions * factions];
    area = new double[regions];
    population = new double[regions];
    oilCapacity = new double[regions];
    defensibility = new double[regions];
    neighbours = new int[regions][];
    enemies = new boolean[factions * factions];
    holdsGround = new boolean[factions];
    areaHeld = new double[factions];
    populationHeld = new double[factions];
    deaths = new double[factions];
    for (int f = 0; f < factions; f++) {
      Faction faction = sc.factions().get(f);
      holdsGround[f] = faction.kind().holdsGround();
      for (String e : faction.enemies()) {
        int g = index.faction(e);
        enemies[f * factions + g] = true;
        enemies[g * factions + f] = true;
      }
    }
    double total = 0;
    for (int r = 0; r < regions; r++) {
      Region region = sc.regions().get(r);
      controller[r] = index.faction(region.controller());
      area[r] = region.areaKm2();
      population[r] = region.population();
      oilCapacity[r] = region.oilCapacityBblPerDay();
      defensibility[r] = region.defensibility();
      neighbours[r] = region.neighbours().stream().mapToInt(index::region).toArray();
      for (Map.Entry<String, Integer> e : region.forces().entrySet()) {
        fighters[r * factions + index.faction(e.getKey())] += e.getValue();
      }
      areaHeld[controller[r]] += area[r];
      populationHeld[controller[r]] += population[r];
      total += area[r];
    }
    totalArea = total;
    peakOrganisationArea = org >= 0 ? areaHeld[org] : 0;
    people = new People(index.sourceCount());
    inspiredAttacks = new long[index.sourceCount()];
    int corridors = index.corridorCount();
    corridorEntry = new int[corridors];
    corridorOpen = new boolean[corridors];
    interdicted = new long[corridors];
    for (int c = 0; c < corridors; c++) {
      Corridor corridor = sc.corridors().get(c);
      corridorEntry[c] = index.region(corridor.entryRegion());
      corridorOpen[c] = controller[corridorEntry[c]] == org;
    }
    interventionActive = new boolean[index.interventionCount()];
    travelMeasures = new double[index.sourceCount()];
    intelligenceSharing = new double[index.sourceCount()];
    counterMessaging = new double[index.sourceCount()];
    borderClosure = new double[corridors];
    revenueDamage = new double[regions];
    treasury = sc.processes().get(EconomyParameters.class).initialTreasuryUsd();
  }

  public ScenarioIndex index() {
    return index;
  }

  public People people() {
    return people;
  }

  /** The organisation's faction index (-1 when the scenario has none). */
  public int organisation() {
    return org;
  }

  // ---- map and control ----

  public int controller(int region) {
    return controller[region];
  }

  public double area(int region) {
    return area[region];
  }

  public double population(int region) {
    return population[region];
  }

  public double oilCapacity(int region) {
    return oilCapacity[region];
  }

  public double defensibility(int region) {
    return defensibility[region];
  }

  public int[] neighbours(int region) {
    return neighbours[region];
  }

  public boolean enemies(int f, int g) {
    return enemies[f * factions + g];
  }

  public boolean holdsGround(int faction) {
    return holdsGround[faction];
  }

  public double areaHeld(int faction) {
    return areaHeld[faction];
  }

  public double populationHeld(int faction) {
    return populationHeld[faction];
  }

  public double totalArea() {
    return totalArea;
  }

  /** The largest area the organisation has held so far in the run. */
  public double peakOrganisationArea() {
    return peakOrganisationArea;
  }

  public void addControlListener(ControlListener listener) {
    controlListeners.add(listener);
  }

  /**
   * Hands {@code region} to {@code to}: the old holder's fighters fall back to the adjacent region it holds with
   * most of its fighters (else any region it holds with most fighters; with none left they are lost and counted
   * as deaths). Listeners are told after the change.
   */
  public void changeControl(int region, int to, Draw draw) {
    int from = controller[region];
    if (from == to) {
      return;
    }
    int retreat = -1;
    for (int n : neighbours[region]) {
      if (controller[n] == from && (retreat < 0 || fighters[n * factions + from] > fighters[retreat * factions + from])) {
        retreat = n;
      }
    }
    if (retreat < 0) {
      for (int r = 0; r < regions; r++) {
        if (r != region && controller[r] == from
            && (retreat < 0 || fighters[r * factions + from] > fighters[retreat * factions + from])) {
          retreat = r;
        }
      }
    }
    double defenders = fighters[region * factions + from];
    if (retreat >= 0) {
      moveFighters(from, region, retreat, defenders, draw);
    } else {
      kill(region, from, defenders, draw);
    }
    controller[region] = to;
    areaHeld[from] -= area[region];
    populationHeld[from] -= population[region];
    areaHeld[to] += area[region];
    populationHeld[to] += population[region];
    if (to == org && areaHeld[org] > peakOrganisationArea) {
      peakOrganisationArea = areaHeld[org];
    }
    for (int i = 0; i < controlListeners.size(); i++) {
      controlListeners.get(i).controlChanged(region, from, to);
    }
  }

  // ---- forces ----

  public double fighters(int region, int faction) {
    return fighters[region * factions + faction];
  }

  /** Fighters of {@code faction} over all regions. */
  public double fighters(int faction) {
    double total = 0;
    for (int r = 0; r < regions; r++) {
      total += fighters[r * factions + faction];
    }
    return total;
  }

  /** Foreign fighters of the organisation in {@code region}. */
  public long foreignFighters(int region) {
    return foreignIn[region];
  }

  /** Adds aggregate (non-foreign) fighters; for the organisation these are local recruits. */
  public void addFighters(int region, int faction, double n) {
    fighters[region * factions + faction] += n;
  }

  /** A foreign recruit of {@code source} leaves intake and joins the organisation's fighters in {@code region}. */
  public void addForeignFighter(int region, int source) {
    people.move(source, PersonState.IN_INTAKE, PersonState.FIGHTER, 1);
    fighters[region * factions + org] += 1;
    foreignIn[region]++;
  }

  /** Combat or air-strike deaths: removes up to {@code n} fighters and returns how many were removed. */
  public double kill(int region, int faction, double n, Draw draw) {
    double removed = remove(region, faction, n, PersonState.DEAD, draw);
    deaths[faction] += removed;
    return removed;
  }

  /**
   * Removes about {@code n} fighters of {@code faction} from {@code region} and returns how many were removed. For
   * the organisation the foreign part is {@code n} times the foreign share, rounded stochastically (the amount
   * removed is nudged so neither foreign nor local fighters go negative); those people move to {@code fate}, their
   * sources drawn in proportion to the foreign fighters serving from each source.
   */
  public double remove(int region, int faction, double n, PersonState fate, Draw draw) {
    int i = region * factions + faction;
    double have = fighters[i];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    if (faction == org && foreignIn[region] > 0) {
      long foreign = foreignIn[region];
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      moveForeign(k, fate, 0, draw);
      foreignIn[region] -= k;
    }
    fighters[i] = have - x;
    scaleCommitted(i, have);
    return x;
  }

  private static long foreignPart(double x, double have, long foreign, Draw draw) {
    return x >= have ? foreign : Math.min(foreign, draw.stochasticRound(x * foreign / have));
  }

  /**
   * Removes exactly {@code k} foreign fighters (at most those present) from {@code region}; they move to
   * {@code fate}, and those moving to {@link PersonState#RETURNED} are arrested with {@code arrestProbability}.
   */
  public long removeForeign(int region, long k, PersonState fate, double arrestProbability, Draw draw) {
    long n = Math.min(k, foreignIn[region]);
    if (n <= 0) {
      return 0;
    }
    moveForeign(n, fate, arrestProbability, draw);
    foreignIn[region] -= n;
    int i = region * factions + org;
    double have = fighters[i];
    fighters[i] = Math.max(fighters[i] - n, foreignIn[region]);
    scaleCommitted(i, have);
    return n;
  }

  private void moveForeign(long k, PersonState fate, double arrestProbability, Draw draw) {
    for (long j = 0; j < k; j++) {
      int s = pickServingSource(draw);
      people.move(s, PersonState.FIGHTER, fate, 1);
      if (fate == PersonState.RETURNED && draw.bernoulli(arrestProbability)) {
        people.returneeArrested(s);
      }
    }
  }

  private int pickServingSource(Draw draw) {
    int sources = people.sources();
    long total = people.count(PersonState.FIGHTER);
    long u = draw.rng().nextLong(total);
    for (int s = 0; s < sources; s++) {
      u -= people.count(PersonState.FIGHTER, s);
      if (u < 0) {
        return s;
      }
    }
    throw new IllegalStateException("no foreign fighter to remove");
  }

  /**
   * Moves about {@code n} fighters of {@code faction} between regions (foreign ones in proportion for the
   * organisation) and returns how many moved.
   */
  public double moveFighters(int faction, int from, int to, double n, Draw draw) {
    int i = from * factions + faction;
    double have = fighters[i];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    if (faction == org && foreignIn[from] > 0) {
      long foreign = foreignIn[from];
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      foreignIn[from] -= k;
      foreignIn[to] += k;
    }
    fighters[i] = have - x;
    fighters[to * factions + faction] += x;
    scaleCommitted(i, have);
    return x;
  }

  // ---- forces committed by ground offensives ----

  /**
   * Marks {@code n} of {@code faction}'s fighters in {@code region} (already added there) as committed to the front
   * toward {@code target}: {@code Combat} engages them on that front only instead of spreading them over all the
   * region's fronts. Committed fighters stay ordinary fighters of the region for every other purpose; losses and
   * moves out of the region shrink the committed part in proportion.
   */
  public void commit(int region, int faction, int target, double n) {
    int i = region * factions + faction;
    double add = Math.max(0, Math.min(n, fighters[i] - committedTotal[i]));
    committed[i * regions + target] += add;
    committedTotal[i] += add;
  }

  /** Fighters of {@code faction} in {@code region} committed to the front toward {@code target}. */
  public double committed(int region, int faction, int target) {
    return committed[(region * factions + faction) * regions + target];
  }

  /** Fighters of {@code faction} in {@code region} committed to any front. */
  public double committedTotal(int region, int faction) {
    return committedTotal[region * factions + faction];
  }

  /** Returns {@code faction}'s fighters committed toward {@code target}, in every region, to the ordinary pool. */
  public void releaseCommitted(int faction, int target) {
    for (int r = 0; r < regions; r++) {
      int i = r * factions + faction;
      committedTotal[i] = Math.max(0, committedTotal[i] - committed[i * regions + target]);
      committed[i * regions + target] = 0;
    }
  }

  /** After the fighters at index {@code i} changed from {@code before}, scales their committed parts alike. */
  private void scaleCommitted(int i, double before) {
    if (committedTotal[i] <= 0) {
      return;
    }
    double keep = before > 0 ? Math.max(0, Math.min(1, fighters[i] / before)) : 0;
    double total = 0;
    for (int t = 0; t < regions; t++) {
      committed[i * regions + t] *= keep;
      total += committed[i * regions + t];
    }
    committedTotal[i] = Math.min(total, fighters[i]);
  }

  /** Deaths of {@code faction}'s fighters so far (combat, air strikes, cut off). */
  public double deaths(int faction) {
    return deaths[faction];
  }

  /** Records local (non-foreign) deserters of the organisation. */
  public void addLocalDeserters(double n) {
    localDeserted += n;
  }

  public double localDeserted() {
    return localDeserted;
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
          case REVENUE_STRIKES -> combine(revenueDamage, index.region(t), x);
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

  public double intelligenceSharing(int source) {
    return intelligenceSharing[source];
  }

  public double counterMessaging(int source) {
    return counterMessaging[source];
  }

  public double borderClosure(int corridor) {
    return borderClosure[corridor];
  }

  /** Share of {@code region}'s oil capacity put out of action by revenue strikes in force, [0,1]. */
  public double revenueDamage(int region) {
    return revenueDamage[region];
  }

  // ---- momentum and economy ----

  public double momentum() {
    return momentum;
  }

  public void momentum(double value) {
    momentum = value;
  }

  /**
   * Momentum as perceived in the source countries: the actual momentum smoothed exponentially with time constant
   * {@code momentum.perceptionDays} (equal to {@link #momentum()} when that is 0). Departures respond to it.
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

  public void inspiredAttack(int source) {
    inspiredAttacks[source]++;
  }

  public long inspiredAttacks(int source) {
    return inspiredAttacks[source];
  }

  // ---- sampling ----

  /** Resets the per-period accumulators; the engine calls it after each sample. */
  public void startSamplePeriod() {
    java.util.Arrays.fill(revenuePeriod, 0);
    intakeWaitSumPeriod = 0;
    intakeStartedPeriod = 0;
  }
}
