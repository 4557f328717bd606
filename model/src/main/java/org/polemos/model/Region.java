package org.polemos.model;

import java.util.List;
import java.util.Map;

/**
 * An area of the map whose control changes over time.
 *
 * @param id stable identifier
 * @param name display name
 * @param country ISO 3166-1 alpha-2 code of the country it lies in
 * @param population inhabitants at the start of the horizon
 * @param areaKm2 area in square kilometres, positive
 * @param oilCapacityBblPerDay oil output capacity in barrels per day (0 where none)
 * @param defensibility multiplier on the defender's effectiveness (1 = open terrain)
 * @param neighbours ids of adjacent regions (adjacency is symmetric)
 * @param controller id of the faction holding the region at the start
 * @param forces fighters present at the start, by faction id
 * @param notes sources and reasoning; empty when omitted
 */
public record Region(String id, String name, String country, long population, double areaKm2,
    double oilCapacityBblPerDay, double defensibility, List<String> neighbours, String controller,
    Map<String, Integer> forces, @Omittable String notes) {

  public Region {
    neighbours = Lists.copy(neighbours);
    forces = Lists.copy(forces);
    notes = notes == null ? "" : notes;
  }
}
