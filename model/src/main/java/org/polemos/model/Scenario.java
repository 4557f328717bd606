package org.polemos.model;

import java.util.List;
import org.polemos.model.process.Processes;

/**
 * Everything one simulation needs: the horizon, the actors, the map, the flows and the levers.
 *
 * @param id stable identifier (lower-case, e.g. "levant-2014")
 * @param name display name
 * @param description one paragraph on what the scenario represents
 * @param calendar horizon and output step
 * @param seed default seed of the random streams
 * @param factions armed actors
 * @param regions the map
 * @param sources source countries of foreign recruits
 * @param corridors travel routes from sources into the map
 * @param interventions policy levers with dates; empty when omitted
 * @param processes parameters of every mechanism
 * @param notes sources and reasoning; empty when omitted
 */
public record Scenario(String id, String name, String description, Calendar calendar, long seed,
    List<Faction> factions, List<Region> regions, List<Source> sources, List<Corridor> corridors,
    @Omittable List<Intervention> interventions, Processes processes, @Omittable String notes) {

  public Scenario {
    factions = Lists.copy(factions);
    regions = Lists.copy(regions);
    sources = Lists.copy(sources);
    corridors = Lists.copy(corridors);
    interventions = Lists.copy(interventions);
    notes = notes == null ? "" : notes;
  }
}
