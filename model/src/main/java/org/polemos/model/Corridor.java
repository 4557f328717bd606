package org.polemos.model;

import java.util.List;
import org.polemos.model.distribution.DistributionSpec;

/**
 * A travel route from source countries through a transit hub to a border crossing into an entry
 * region. It is open only while the organisation holds the entry region.
 *
 * @param id stable identifier (e.g. "tal-abyad")
 * @param name display name
 * @param sources ids of the sources whose travellers may use it
 * @param hub transit hub (a place name, e.g. "Gaziantep")
 * @param entryRegion id of the region the crossing leads into
 * @param transitDelayDays days from departure to arrival at the crossing
 * @param departureScreening probability a traveller is stopped at departure, in [0,1]
 * @param interdiction probability a traveller is stopped at the border, in [0,1]
 * @param weight relative preference among the open corridors serving the same source; 1 when
 *     omitted
 * @param notes sources and reasoning; empty when omitted
 */
public record Corridor(
    String id,
    String name,
    List<String> sources,
    String hub,
    String entryRegion,
    DistributionSpec transitDelayDays,
    double departureScreening,
    double interdiction,
    @Omittable Double weight,
    @Omittable String notes) {

  public Corridor {
    sources = Lists.copy(sources);
    weight = weight == null ? 1.0 : weight;
    notes = notes == null ? "" : notes;
  }

  /**
   * A builder for a corridor with this id: name defaults to the id, weight to 1, probabilities to
   * 0.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link Corridor}; see {@link #builder(String)}. */
  public static final class Builder {
    private final String id;
    private String name;
    private final List<String> sources = new java.util.ArrayList<>();
    private String hub;
    private String entryRegion;
    private DistributionSpec transitDelayDays;
    private double departureScreening;
    private double interdiction;
    private Double weight = 1.0;
    private String notes = "";

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder sources(String... ids) {
      sources.addAll(List.of(ids));
      return this;
    }

    public Builder hub(String hub) {
      this.hub = hub;
      return this;
    }

    public Builder entryRegion(String regionId) {
      this.entryRegion = regionId;
      return this;
    }

    public Builder transitDelayDays(DistributionSpec delay) {
      this.transitDelayDays = delay;
      return this;
    }

    public Builder departureScreening(double p) {
      this.departureScreening = p;
      return this;
    }

    public Builder interdiction(double p) {
      this.interdiction = p;
      return this;
    }

    public Builder weight(Double weight) {
      this.weight = weight;
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Corridor build() {
      return new Corridor(
          id,
          name,
          sources,
          hub,
          entryRegion,
          transitDelayDays,
          departureScreening,
          interdiction,
          weight,
          notes);
    }
  }
}
