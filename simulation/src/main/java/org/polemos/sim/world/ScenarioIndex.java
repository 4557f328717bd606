package org.polemos.sim.world;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polemos.model.Corridor;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.Intervention;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.Source;

/**
 * Dense integer indices for the ids of a scenario: regions, factions, sources, corridors and
 * interventions are numbered 0..n-1 in the order the scenario lists them, so state can live in flat
 * arrays. Immutable; one per run (cheap to build).
 *
 * <p>Places: the nodes of the map that change hands. Place {@code r < regionCount()} is the rest of
 * region {@code r} (the whole region when it lists no localities) and has the region's id; the
 * regions' localities follow in scenario order, {@code regionCount()..placeCount()-1}. A scenario
 * without localities has exactly one place per region with the same index.
 */
public final class ScenarioIndex {
  private final Scenario scenario;
  private final Map<String, Integer> regions = new HashMap<>();
  private final Map<String, Integer> factions = new HashMap<>();
  private final Map<String, Integer> sources = new HashMap<>();
  private final Map<String, Integer> corridors = new HashMap<>();
  private final Map<String, Integer> interventions = new HashMap<>();
  private final Map<String, Integer> places = new HashMap<>();
  private final String[] placeIds;
  private final Locality[] localities;
  private final int[] placeRegion;
  private final int[][] regionPlaces;
  private final int[][] corridorsOfSource;
  private final int organisation;

  public ScenarioIndex(Scenario scenario) {
    this.scenario = scenario;
    put(regions, scenario.regions().stream().map(Region::id).toList(), "region");
    put(factions, scenario.factions().stream().map(Faction::id).toList(), "faction");
    put(sources, scenario.sources().stream().map(Source::id).toList(), "source");
    put(corridors, scenario.corridors().stream().map(Corridor::id).toList(), "corridor");
    put(
        interventions,
        scenario.interventions().stream().map(Intervention::id).toList(),
        "intervention");
    List<Region> rs = scenario.regions();
    int n = rs.size();
    for (Region r : rs) {
      n += r.localities().size();
    }
    placeIds = new String[n];
    localities = new Locality[n];
    placeRegion = new int[n];
    regionPlaces = new int[rs.size()][];
    int next = rs.size();
    for (int r = 0; r < rs.size(); r++) {
      placeIds[r] = rs.get(r).id();
      placeRegion[r] = r;
      List<Locality> ls = rs.get(r).localities();
      regionPlaces[r] = new int[ls.size() + 1];
      regionPlaces[r][0] = r;
      for (int k = 0; k < ls.size(); k++) {
        placeIds[next] = ls.get(k).id();
        localities[next] = ls.get(k);
        placeRegion[next] = r;
        regionPlaces[r][k + 1] = next;
        next++;
      }
    }
    put(places, List.of(placeIds), "place");
    int org = -1;
    for (int f = 0; f < scenario.factions().size(); f++) {
      if (scenario.factions().get(f).kind() == FactionKind.ORGANISATION) {
        org = f;
        break;
      }
    }
    this.organisation = org;
    corridorsOfSource = new int[scenario.sources().size()][];
    for (int src = 0; src < corridorsOfSource.length; src++) {
      String id = scenario.sources().get(src).id();
      List<Corridor> cs = scenario.corridors();
      corridorsOfSource[src] =
          java.util.stream.IntStream.range(0, cs.size())
              .filter(k -> cs.get(k).sources().contains(id))
              .toArray();
    }
  }

  private static void put(Map<String, Integer> map, List<String> ids, String what) {
    for (int i = 0; i < ids.size(); i++) {
      if (map.putIfAbsent(ids.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate " + what + " id: " + ids.get(i));
      }
    }
  }

  private static int get(Map<String, Integer> map, String id, String what) {
    Integer i = map.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown " + what + " id: " + id);
    }
    return i;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Index of the first faction of kind organisation, or -1 when the scenario has none. */
  public int organisation() {
    return organisation;
  }

  public int regionCount() {
    return scenario.regions().size();
  }

  /** Places (regions' rests, then localities); see the class comment. */
  public int placeCount() {
    return placeIds.length;
  }

  /** Index of the place with this id: a region's id names the rest of that region. */
  public int place(String id) {
    return get(places, id, "place");
  }

  public String placeId(int place) {
    return placeIds[place];
  }

  /** The region a place lies in. */
  public int placeRegion(int place) {
    return placeRegion[place];
  }

  /** The locality a place describes, or null for a region's rest. */
  public Locality locality(int place) {
    return localities[place];
  }

  /**
   * The places an id covers: a region's id covers the whole region (its rest and its localities), a
   * locality's id the locality alone. Air campaigns and revenue strikes act on the places their
   * targets cover. Do not modify.
   */
  public int[] placesWithin(String id) {
    Integer r = regions.get(id);
    return r != null ? regionPlaces[r] : new int[] {place(id)};
  }

  /** The places of a region: its rest first, then its localities. Do not modify. */
  public int[] regionPlaces(int region) {
    return regionPlaces[region];
  }

  public int factionCount() {
    return scenario.factions().size();
  }

  public int sourceCount() {
    return scenario.sources().size();
  }

  /**
   * The corridors serving source {@code source}, by index in the scenario's order (shared: do not
   * modify). The travellers' and the cells' ways out both read it.
   */
  public int[] corridorsOf(int source) {
    return corridorsOfSource[source];
  }

  public int corridorCount() {
    return scenario.corridors().size();
  }

  public int interventionCount() {
    return scenario.interventions().size();
  }

  public int region(String id) {
    return get(regions, id, "region");
  }

  public int faction(String id) {
    return get(factions, id, "faction");
  }

  public int source(String id) {
    return get(sources, id, "source");
  }

  public int corridor(String id) {
    return get(corridors, id, "corridor");
  }

  public int intervention(String id) {
    return get(interventions, id, "intervention");
  }

  public String regionId(int i) {
    return scenario.regions().get(i).id();
  }

  public String factionId(int i) {
    return scenario.factions().get(i).id();
  }

  public String sourceId(int i) {
    return scenario.sources().get(i).id();
  }

  public String corridorId(int i) {
    return scenario.corridors().get(i).id();
  }
}
