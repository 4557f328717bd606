package org.polemos.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.model.Faction;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.sim.sampling.Draw;

/**
 * The map and who holds it: the places of {@link ScenarioIndex} (each region's rest and its
 * localities) with their area, population, oil, defensibility, siege flag, symbolic weight and
 * adjacency; the holder of each place; and the one rule for a change of hands ({@link
 * #changeControl}): what happens to the garrison that loses a place.
 *
 * <p>Conservation: every place has exactly one holder, so at every moment the factions' held areas
 * plus the regions' unheld desert ({@link #unheldArea()}) sum to the map's area, and the held
 * populations to the map's population. A region's held area is the sum of its held places ({@link
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
  private final double[] area;
  private final double[] population;
  private final double[] oilCapacity;
  private final double[] defensibility;
  private final boolean[] siege;
  private final double[] symbolicWeight;
  private final int[][] neighbours;
  private final boolean[] enemies;
  private final boolean[] holdsGround;
  private final double[] areaHeld;
  private final double[] populationHeld;
  private final double totalArea;
  private final double totalPopulation;
  private final double unheldArea;
  private final double undergroundShare;
  private final double detainedOnCapture;
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
    areaHeld = new double[factions];
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
    double unheld = 0;
    double total = 0;
    double people = 0;
    for (int r = 0; r < index.regionCount(); r++) {
      Region region = sc.regions().get(r);
      unheld += region.unheldAreaKm2();
      total += region.areaKm2();
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
        unheld += l.unheldAreaKm2();
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
      areaHeld[controller[p]] += area[p];
      populationHeld[controller[p]] += population[p];
    }
    totalArea = total;
    totalPopulation = people;
    unheldArea = unheld;
    peakOrganisationArea = org >= 0 ? areaHeld[org] : 0;
    var tp =
        sc.processes() == null
            ? null
            : sc.processes().get(org.polemos.model.process.TerritoryParameters.class);
    undergroundShare = tp == null ? 0 : tp.undergroundShare();
    detainedOnCapture = tp == null ? 0 : tp.foreignDetainedOnCapture();
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

  public double areaHeld(int faction) {
    return areaHeld[faction];
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

  /** The map's area: the regions' areas, held or not. */
  public double totalArea() {
    return totalArea;
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
    return unheldArea;
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
    areaHeld[from] -= area[place];
    populationHeld[from] -= population[place];
    areaHeld[to] += area[place];
    populationHeld[to] += population[place];
    if (to == org && areaHeld[org] > peakOrganisationArea) {
      peakOrganisationArea = areaHeld[org];
    }
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).controlChanged(place, from, to);
    }
  }
}
