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
 * @param localities named places inside the region that change hands on their own (empty when
 *     omitted); the region's own population, area, oil, controller, forces and neighbours then
 *     describe the rest of the region (its totals less the localities'), which is one more place
 *     with the region's id
 * @param unheldAreaKm2 part of {@code areaKm2} that no faction holds (open desert), counted in the
 *     map's area but in no faction's territory; 0 when omitted
 * @param siege whether the rest of the region is a city taken only by siege (see {@link
 *     Locality#siege()}); false when omitted
 * @param symbolicWeight multiplier on the rest of the region's population in momentum; 1 when
 *     omitted
 * @param latitude decimal degrees north of the named place the region is (a district carved out for
 *     one town), or null
 * @param longitude decimal degrees east, or null
 */
public record Region(
    String id,
    String name,
    String country,
    long population,
    double areaKm2,
    double oilCapacityBblPerDay,
    double defensibility,
    List<String> neighbours,
    String controller,
    Map<String, Integer> forces,
    @Omittable String notes,
    @Omittable List<Locality> localities,
    @Omittable Double unheldAreaKm2,
    @Omittable Boolean siege,
    @Omittable Double symbolicWeight,
    @Omittable Double latitude,
    @Omittable Double longitude) {

  public Region {
    neighbours = Lists.copy(neighbours);
    forces = Lists.copy(forces);
    notes = notes == null ? "" : notes;
    localities = Lists.copy(localities);
    unheldAreaKm2 = unheldAreaKm2 == null ? 0.0 : unheldAreaKm2;
    siege = siege != null && siege;
    symbolicWeight = symbolicWeight == null ? 1.0 : symbolicWeight;
  }

  /** The region without localities or unheld area (the constructor of earlier versions). */
  public Region(
      String id,
      String name,
      String country,
      long population,
      double areaKm2,
      double oilCapacityBblPerDay,
      double defensibility,
      List<String> neighbours,
      String controller,
      Map<String, Integer> forces,
      String notes) {
    this(
        id,
        name,
        country,
        population,
        areaKm2,
        oilCapacityBblPerDay,
        defensibility,
        neighbours,
        controller,
        forces,
        notes,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A builder for a region with this id: name defaults to the id, defensibility to 1, everything
   * else empty.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link Region}; see {@link #builder(String)}. */
  public static final class Builder {
    private final String id;
    private String name;
    private String country;
    private long population;
    private double areaKm2;
    private double oilCapacityBblPerDay;
    private double defensibility = 1;
    private final List<String> neighbours = new java.util.ArrayList<>();
    private String controller;
    private final Map<String, Integer> forces = new java.util.LinkedHashMap<>();
    private String notes = "";
    private final List<Locality> localities = new java.util.ArrayList<>();
    private double unheldAreaKm2;

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder population(long population) {
      this.population = population;
      return this;
    }

    public Builder areaKm2(double areaKm2) {
      this.areaKm2 = areaKm2;
      return this;
    }

    public Builder oilCapacityBblPerDay(double oil) {
      this.oilCapacityBblPerDay = oil;
      return this;
    }

    public Builder defensibility(double defensibility) {
      this.defensibility = defensibility;
      return this;
    }

    public Builder neighbours(String... ids) {
      neighbours.addAll(List.of(ids));
      return this;
    }

    public Builder controller(String factionId) {
      this.controller = factionId;
      return this;
    }

    /** Adds (or replaces) the fighters of {@code factionId} in the region. */
    public Builder forces(String factionId, int fighters) {
      forces.put(factionId, fighters);
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Builder locality(Locality locality) {
      localities.add(locality);
      return this;
    }

    public Builder unheldAreaKm2(double km2) {
      this.unheldAreaKm2 = km2;
      return this;
    }

    public Region build() {
      return new Region(
          id,
          name,
          country,
          population,
          areaKm2,
          oilCapacityBblPerDay,
          defensibility,
          neighbours,
          controller,
          forces,
          notes,
          localities,
          unheldAreaKm2,
          null,
          null,
          null,
          null);
    }
  }
}
