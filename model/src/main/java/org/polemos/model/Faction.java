package org.polemos.model;

import java.util.List;

/**
 * An armed actor.
 *
 * @param id stable identifier referenced elsewhere in the scenario
 * @param name display name
 * @param kind organisation, state, non-state or coalition
 * @param parameters combat behaviour
 * @param enemies ids of the factions this one fights (hostility must be declared on both sides)
 * @param notes sources and reasoning for the numbers; empty when omitted
 */
public record Faction(String id, String name, FactionKind kind, FactionParameters parameters,
    List<String> enemies, @Omittable String notes) {

  public Faction {
    enemies = Lists.copy(enemies);
    notes = notes == null ? "" : notes;
  }
}
