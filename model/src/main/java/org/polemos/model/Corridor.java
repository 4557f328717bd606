package org.polemos.model;

import java.util.List;
import org.polemos.model.distribution.DistributionSpec;

/**
 * A travel route from source countries through a transit hub to a border crossing into an entry region. It is
 * open only while the organisation holds the entry region.
 *
 * @param id stable identifier (e.g. "tal-abyad")
 * @param name display name
 * @param sources ids of the sources whose travellers may use it
 * @param hub transit hub (a place name, e.g. "Gaziantep")
 * @param entryRegion id of the region the crossing leads into
 * @param transitDelayDays days from departure to arrival at the crossing
 * @param departureScreening probability a traveller is stopped at departure, in [0,1]
 * @param interdiction probability a traveller is stopped at the border, in [0,1]
 * @param weight relative preference among the open corridors serving the same source; 1 when omitted
 * @param notes sources and reasoning; empty when omitted
 */
public record Corridor(String id, String name, List<String> sources, String hub, String entryRegion,
    DistributionSpec transitDelayDays, double departureScreening, double interdiction, @Omittable Double weight,
    @Omittable String notes) {

  public Corridor {
    sources = Lists.copy(sources);
    weight = weight == null ? 1.0 : weight;
    notes = notes == null ? "" : notes;
  }
}
