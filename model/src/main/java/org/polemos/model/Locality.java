package org.polemos.model;

import java.util.List;
import java.util.Map;

/**
 * A named place inside a {@link Region} (a town with its district, or a district) that changes
 * hands on its own. The region it belongs to keeps the rest of its area and population as one more
 * place, the "rest of the region", whose id is the region's id; a region's held area is the sum of
 * its held places (docs/MODEL.md, "Territory").
 *
 * @param id stable identifier, unique among regions and localities
 * @param name display name
 * @param population inhabitants at the start of the horizon (pre-war), subtracted from the region's
 * @param areaKm2 area in square kilometres (the district's), positive, subtracted from the region's
 * @param unheldAreaKm2 part of {@code areaKm2} that no faction holds (open desert): counted in the
 *     map's area but in no faction's territory; 0 when omitted
 * @param latitude decimal degrees north, [-90, 90]
 * @param longitude decimal degrees east, [-180, 180]
 * @param controller id of the faction holding it at the start; the region's controller when omitted
 * @param forces fighters present at the start, by faction id (subtracted from nothing: the region's
 *     forces are the rest-of-region garrison)
 * @param neighbours ids of adjacent places (localities or regions' rests); a locality is also
 *     adjacent to the rest of its own region when that rest has an area (a region its localities
 *     cover is only a reporting unit)
 * @param defensibility multiplier on the holder's effectiveness; the region's when omitted
 * @param siege whether it is a city taken only by a siege (its garrison fights with the siege
 *     advantage of {@code processes.territory.siegeAdvantage} and cannot be overrun by {@code
 *     minimumGarrison} alone)
 * @param symbolicWeight multiplier on its population in momentum (1 when omitted; the caliphate's
 *     capital, or a town whose battle was watched worldwide, count more)
 * @param oilCapacityBblPerDay oil output capacity (0 when omitted), subtracted from the region's
 * @param notes sources and reasoning; empty when omitted
 */
public record Locality(
    String id,
    String name,
    long population,
    double areaKm2,
    @Omittable Double unheldAreaKm2,
    double latitude,
    double longitude,
    @Omittable String controller,
    @Omittable Map<String, Integer> forces,
    @Omittable List<String> neighbours,
    @Omittable Double defensibility,
    @Omittable Boolean siege,
    @Omittable Double symbolicWeight,
    @Omittable Double oilCapacityBblPerDay,
    @Omittable String notes) {

  public Locality {
    unheldAreaKm2 = unheldAreaKm2 == null ? 0.0 : unheldAreaKm2;
    forces = forces == null ? Map.of() : Lists.copy(forces);
    neighbours = neighbours == null ? List.of() : Lists.copy(neighbours);
    siege = siege != null && siege;
    symbolicWeight = symbolicWeight == null ? 1.0 : symbolicWeight;
    oilCapacityBblPerDay = oilCapacityBblPerDay == null ? 0.0 : oilCapacityBblPerDay;
    notes = notes == null ? "" : notes;
  }

  /**
   * A minimal locality (for tests and tutorials): no forces, neighbours or notes, region's
   * controller.
   */
  public static Locality of(
      String id, long population, double areaKm2, double latitude, double longitude) {
    return new Locality(
        id,
        id,
        population,
        areaKm2,
        null,
        latitude,
        longitude,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
