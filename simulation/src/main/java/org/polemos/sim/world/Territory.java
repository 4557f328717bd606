package org.polemos.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.model.Faction;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.process.CombatParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.TerritoryParameters;
import org.polemos.sim.sampling.Draw;

/**
 * The map and who holds it: the places of {@link ScenarioIndex} (each region's rest and its
 * localities) with their area, population, oil, defensibility, siege flag, symbolic weight and
 * adjacency; the holder of each place; and the rule for a change of hands: when a garrison breaks
 * ({@link #breakProbability}, and {@link #riseProbability} for the organisation's cells) and what
 * happens to the garrison that loses a place ({@link #changeControl}: retreat, the underground).
 * {@code Combat} computes the forces engaged and asks these.
 *
 * <p>Conservation: every place has exactly one holder, so at every moment the factions' held areas
 * plus the regions' unheld desert ({@link #unheldArea()}) sum to the map's area, and the held
 * populations to the map's population. Areas are kept in whole square metres ({@link
 * #AREA_UNITS_PER_KM2} per km2, as {@code long}s): each place's area is rounded to the square metre
 * once, at the start, and the held areas are then exact integer sums, so they sum to the map
 * exactly ({@link #areaUnitsHeld}, {@link #unheldAreaUnits}, {@link #totalAreaUnits}) and a faction
 * that holds nothing holds exactly 0 km2 (with doubles, adding and subtracting areas left residues
 * such as -7e-12 km2). A region's held area is the sum of its held places ({@link
 * #regionAreaHeld}). Not thread-safe.
 */
public final class Territory {

  /** Told when a place changes hands. */
  public interface ControlListener {
    void controlChanged(int place, int from, int to);
  }

  private final ScenarioIndex index;
  private final Forces forces;
  private final int places;
  private final int factions;
  private final int org;
  private final int[] controller;
  private int controlChanges;
  private final double[] area;
  private final double[] population;
  private final double[] oilCapacity;
  private final double[] defensibility;
  private final boolean[] siege;
  private final double[] symbolicWeight;
  private final int[][] neighbours;
  private final boolean[] enemies;
  private final boolean[] holdsGround;

  /** Area bookkeeping: square metres per km2. */
  public static final long AREA_UNITS_PER_KM2 = 1_000_000L;

  private final long[] areaUnits;
  private final long[] areaUnitsHeld;
  private final double[] populationHeld;
  private final long totalAreaUnits;
  private final double totalPopulation;
  private final long unheldAreaUnits;
  private final double undergroundShare;
  private final double detainedOnCapture;
  private final double captureRatio;
  private final double minimumGarrison;
  private final double siegeAdvantage;
  private final double retakeRatio;
  private final boolean stochastic;
  private final double stepDays;
  private double peakOrganisationArea;
  private final List<ControlListener> listeners = new ArrayList<>();

  Territory(ScenarioIndex index, Forces forces) {
    this.index = index;
    this.forces = forces;
    Scenario sc = index.scenario();
    places = index.placeCount();
    factions = index.factionCount();
    org = index.organisation();
    controller = new int[places];
    area = new double[places];
    population = new double[places];
    oilCapacity = new double[places];
    defensibility = new double[places];
    siege = new boolean[places];
    symbolicWeight = new double[places];
    neighbours = new int[places][];
    enemies = new boolean[factions * factions];
    holdsGround = new boolean[factions];
    areaUnits = new long[places];
    areaUnitsHeld = new long[factions];
    populationHeld = new double[factions];
    for (int f = 0; f < factions; f++) {
      Faction faction = sc.factions().get(f);
      holdsGround[f] = faction.kind().holdsGround();
      for (String e : faction.enemies()) {
        int g = index.faction(e);
        enemies[f * factions + g] = true;
        enemies[g * factions + f] = true;
      }
    }
    List<List<Integer>> adj = new ArrayList<>();
    for (int p = 0; p < places; p++) {
      adj.add(new ArrayList<>());
    }
    long unheld = 0;
    double people = 0;
    for (int r = 0; r < index.regionCount(); r++) {
      Region region = sc.regions().get(r);
      unheld += units(region.unheldAreaKm2());
      people += region.population();
      double restArea = region.areaKm2() - region.unheldAreaKm2();
      double restPopulation = region.population();
      double restOil = region.oilCapacityBblPerDay();
      for (int p : index.regionPlaces(r)) {
        Locality l = index.locality(p);
        List<String> ns = l == null ? region.neighbours() : l.neighbours();
        for (String n : ns) {
          link(adj, p, index.place(n));
        }
        if (l == null) {
          controller[p] = index.faction(region.controller());
          defensibility[p] = region.defensibility();
          siege[p] = region.siege();
          symbolicWeight[p] = region.symbolicWeight();
          continue;
        }
        controller[p] =
            index.faction(l.controller() == null ? region.controller() : l.controller());
        area[p] = l.areaKm2() - l.unheldAreaKm2();
        unheld += units(l.unheldAreaKm2());
        population[p] = l.population();
        oilCapacity[p] = l.oilCapacityBblPerDay();
        defensibility[p] = l.defensibility() == null ? region.defensibility() : l.defensibility();
        siege[p] = l.siege();
        symbolicWeight[p] = l.symbolicWeight();
        restArea -= l.areaKm2();
        restPopulation -= l.population();
        restOil -= l.oilCapacityBblPerDay();
      }
      area[r] =
          Math.max(
              0,
              restArea); // within the validator's tolerance of 0 when localities cover the region
      population[r] = Math.max(0, restPopulation);
      oilCapacity[r] = Math.max(0, restOil);
      if (area[r] > 0) {
        for (int k = 1; k < index.regionPlaces(r).length; k++) {
          link(adj, index.regionPlaces(r)[k], r); // a locality lies in the rest of its region
        }
      }
      for (int p : index.regionPlaces(r)) {
        Locality l = index.locality(p);
        for (Map.Entry<String, Integer> e : (l == null ? region.forces() : l.forces()).entrySet()) {
          int f = index.faction(e.getKey());
          if (f == org && controller[p] != org) {
            forces.addUnderground(
                p, e.getValue()); // the organisation's cells in a place it does not hold
          } else {
            forces.addFighters(p, f, e.getValue());
          }
        }
      }
    }
    for (int p = 0; p < places; p++) {
      for (int q : List.copyOf(adj.get(p))) {
        if (!adj.get(q).contains(p)) {
          adj.get(q).add(p);
        }
      }
    }
    for (int p = 0; p < places; p++) {
      neighbours[p] = adj.get(p).stream().mapToInt(Integer::intValue).toArray();
      areaUnits[p] = units(area[p]);
      area[p] = areaUnits[p] / (double) AREA_UNITS_PER_KM2;
      areaUnitsHeld[controller[p]] += areaUnits[p];
      populationHeld[controller[p]] += population[p];
    }
    long mapUnits = unheld;
    for (int p = 0; p < places; p++) {
      mapUnits += areaUnits[p];
    }
    totalAreaUnits = mapUnits;
    totalPopulation = people;
    unheldAreaUnits = unheld;
    peakOrganisationArea = org >= 0 ? areaHeld(org) : 0;
    Processes processes = sc.processes() == null ? Processes.defaults() : sc.processes();
    TerritoryParameters tp = processes.get(TerritoryParameters.class);
    CombatParameters cp = processes.get(CombatParameters.class);
    undergroundShare = tp.undergroundShare();
    detainedOnCapture = tp.foreignDetainedOnCapture();
    captureRatio = cp.captureRatio();
    minimumGarrison = cp.minimumGarrison();
    siegeAdvantage = tp.siegeAdvantage();
    retakeRatio = tp.undergroundRetakeRatio();
    stochastic = tp.lossNoise() > 0 || tp.battleSigma() > 0;
    stepDays = cp.stepDays() > 0 ? cp.stepDays() : 1.0;
  }

  // ---- the capture rule ----

  /**
   * The probability that the garrison of {@code place} breaks in this combat step, so that the
   * place passes to its attacker: {@code defenders} fighters of morale {@code morale}, attacked by
   * {@code attackers} fighters (their sum over every front toward the place) whose morale-weighted
   * sum is {@code attackersWeighted}.
   *
   * <ul>
   *   <li>0 (it holds) when the attack is empty or below {@code minimumGarrison};
   *   <li>1 when the place is overrun: not a siege place and its defenders below {@code
   *       minimumGarrison};
   *   <li>otherwise it is beaten when {@code held = defenders x morale} is below {@code needed =
   *       ratio x attackersWeighted}, the ratio being {@code captureRatio}, or {@code captureRatio
   *       / siegeAdvantage} for a siege place (which never falls by {@code minimumGarrison} alone);
   *       a garrison that is not beaten holds (0); a beaten one breaks with probability 1 when
   *       combat is deterministic ({@code lossNoise} and {@code battleSigma} 0) or it has no one
   *       left, else {@code 1 - exp(-(needed / held - 1) stepDays)}: a garrison barely beaten holds
   *       on for days or weeks, an overwhelmed one breaks at once.
   * </ul>
   *
   * When two enemies of the holder could take a place, {@code Combat} lets the one attacking with
   * more take it.
   */
  public double breakProbability(
      int place, double defenders, double morale, double attackers, double attackersWeighted) {
    if (!(attackers > 0) || attackers < minimumGarrison) {
      return 0;
    }
    boolean city = siege[place];
    if (!city && defenders < minimumGarrison) {
      return 1;
    }
    double ratio = city ? captureRatio / siegeAdvantage : captureRatio;
    double held = defenders * morale;
    double needed = ratio * attackersWeighted;
    if (!(held < needed)) {
      return 0;
    }
    if (!stochastic || !(held > 0)) {
      return 1;
    }
    return 1 - Math.exp(-(needed / held - 1) * stepDays);
  }

  /**
   * The probability that the organisation's underground in {@code place} ({@code cells} fighters)
   * rises this step and retakes the place from a holder (an enemy) with {@code garrison} fighters
   * there: 0 unless {@code undergroundRetakeRatio} > 0 and the cells number at least {@code
   * minimumGarrison} (and 1) and more than {@code undergroundRetakeRatio x garrison}; then {@code 1
   * - exp(-(cells / (undergroundRetakeRatio x garrison) - 1) stepDays)}, so cells that barely
   * outnumber the garrison rise after a random delay of days to weeks and much stronger ones at
   * once.
   */
  public double riseProbability(double cells, double garrison) {
    if (retakeRatio <= 0 || cells < Math.max(1, minimumGarrison)) {
      return 0;
    }
    double excess = cells / (retakeRatio * garrison) - 1;
    return excess > 0 ? 1 - Math.exp(-excess * stepDays) : 0;
  }

  /** An area in km2 as whole square metres (rounded). */
  private static long units(double km2) {
    return Math.round(km2 * AREA_UNITS_PER_KM2);
  }

  /**
   * Adds {@code b} to {@code a}'s listed neighbours (the reverse links are added once all are
   * listed).
   */
  private static void link(List<List<Integer>> adj, int a, int b) {
    if (a != b && !adj.get(a).contains(b)) {
      adj.get(a).add(b);
    }
  }

  public int places() {
    return places;
  }

  public int controller(int place) {
    return controller[place];
  }

  /**
   * How many times a place has changed hands so far: while it is unchanged, so is every {@link
   * #controller}, so a caller may keep what it derived from control alone (fronts, places held).
   */
  public int controlChanges() {
    return controlChanges;
  }

  public double area(int place) {
    return area[place];
  }

  public double population(int place) {
    return population[place];
  }

  public double oilCapacity(int place) {
    return oilCapacity[place];
  }

  public double defensibility(int place) {
    return defensibility[place];
  }

  /**
   * Whether the place is a city taken only by siege (see {@code
   * TerritoryParameters.siegeAdvantage}).
   */
  public boolean siege(int place) {
    return siege[place];
  }

  /** Multiplier on the place's population in momentum (1 unless the scenario says otherwise). */
  public double symbolicWeight(int place) {
    return symbolicWeight[place];
  }

  /**
   * Adjacent places (symmetric; a locality is adjacent to the rest of its region). Do not modify.
   */
  public int[] neighbours(int place) {
    return neighbours[place];
  }

  public boolean enemies(int f, int g) {
    return enemies[f * factions + g];
  }

  public boolean holdsGround(int faction) {
    return holdsGround[faction];
  }

  /** Area held by {@code faction}, km2: exactly 0 when it holds nothing, never negative. */
  public double areaHeld(int faction) {
    return areaUnitsHeld[faction] / (double) AREA_UNITS_PER_KM2;
  }

  /** Area held by {@code faction} in square metres: the exact sum of its places' areas. */
  public long areaUnitsHeld(int faction) {
    return areaUnitsHeld[faction];
  }

  public double populationHeld(int faction) {
    return populationHeld[faction];
  }

  /**
   * Area of {@code region} held by {@code faction}: the sum of the areas of its places the faction
   * holds.
   */
  public double regionAreaHeld(int region, int faction) {
    double total = 0;
    for (int p : index.regionPlaces(region)) {
      if (controller[p] == faction) {
        total += area[p];
      }
    }
    return total;
  }

  /**
   * The map's area, km2: the places' areas and the unheld desert (the regions' areas, to the square
   * metre).
   */
  public double totalArea() {
    return totalAreaUnits / (double) AREA_UNITS_PER_KM2;
  }

  /** The map's area in square metres: exactly the held areas plus the unheld desert. */
  public long totalAreaUnits() {
    return totalAreaUnits;
  }

  /**
   * The map's population at the start (every place is held, so it is also the sum of the held
   * populations).
   */
  public double totalPopulation() {
    return totalPopulation;
  }

  /** Area that no faction holds (the regions' {@code unheldAreaKm2}, open desert). */
  public double unheldArea() {
    return unheldAreaUnits / (double) AREA_UNITS_PER_KM2;
  }

  /** The unheld desert in square metres. */
  public long unheldAreaUnits() {
    return unheldAreaUnits;
  }

  /** The largest area the organisation has held so far in the run. */
  public double peakOrganisationArea() {
    return peakOrganisationArea;
  }

  public void addControlListener(ControlListener listener) {
    listeners.add(listener);
  }

  /**
   * The rule for a change of hands: {@code place} passes to {@code to}. If the old holder is the
   * organisation, first {@code foreignDetainedOnCapture} of its foreign fighters there (x, rounded
   * stochastically to floor or ceiling with mean x) are captured by the taker (state {@code
   * DETAINED}); then {@code undergroundShare} of its garrison there goes underground in the place.
   * The rest of the garrison falls back to the adjacent place its faction holds with most of its
   * fighters (else any place it holds with most fighters); with none left, the organisation's
   * fighters all go underground and another faction's are lost (counted as deaths). The
   * organisation's underground in a place it takes comes back to the surface. Listeners are told
   * after the change.
   */
  public void changeControl(int place, int to, Draw draw) {
    int from = controller[place];
    if (from == to) {
      return;
    }
    int retreat = -1;
    for (int n : neighbours[place]) {
      if (controller[n] == from
          && (retreat < 0 || forces.fighters(n, from) > forces.fighters(retreat, from))) {
        retreat = n;
      }
    }
    if (retreat < 0) {
      for (int r = 0; r < places; r++) {
        if (r != place
            && controller[r] == from
            && (retreat < 0 || forces.fighters(r, from) > forces.fighters(retreat, from))) {
          retreat = r;
        }
      }
    }
    if (from == org && detainedOnCapture > 0 && forces.foreignFighters(place) > 0) {
      // issue 13, item 6: a share of the foreigners there are captured by the faction taking it
      long k = draw.stochasticRound(detainedOnCapture * forces.foreignFighters(place));
      forces.removeForeign(place, k, PersonState.DETAINED, s -> 0, draw);
    }
    if (from == org) {
      double defenders = forces.fighters(place, from);
      forces.goUnderground(place, retreat < 0 ? defenders : undergroundShare * defenders, draw);
    }
    double defenders = forces.fighters(place, from);
    if (retreat >= 0) {
      forces.moveFighters(from, place, retreat, defenders, draw);
    } else {
      forces.kill(place, from, defenders, draw);
    }
    if (to == org) {
      forces.surface(place, draw);
    }
    controller[place] = to;
    controlChanges++;
    areaUnitsHeld[from] -= areaUnits[place];
    populationHeld[from] -= population[place];
    areaUnitsHeld[to] += areaUnits[place];
    populationHeld[to] += population[place];
    if (to == org && areaHeld(org) > peakOrganisationArea) {
      peakOrganisationArea = areaHeld(org);
    }
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).controlChanged(place, from, to);
    }
  }
}
