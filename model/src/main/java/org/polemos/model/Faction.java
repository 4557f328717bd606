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
public record Faction(
    String id,
    String name,
    FactionKind kind,
    FactionParameters parameters,
    List<String> enemies,
    @Omittable String notes) {

  public Faction {
    enemies = Lists.copy(enemies);
    notes = notes == null ? "" : notes;
  }

  /** A builder for a faction with this id: name defaults to the id, morale to 1, no enemies. */
  public static Builder builder(String id, FactionKind kind) {
    return new Builder(id, kind);
  }

  /** Builds a {@link Faction}; see {@link #builder(String, FactionKind)}. */
  public static final class Builder {
    private final String id;
    private final FactionKind kind;
    private String name;
    private FireMode fireMode = FireMode.AIMED;
    private double effectiveness;
    private Double morale = 1.0;
    private final List<String> enemies = new java.util.ArrayList<>();
    private String notes = "";

    private Builder(String id, FactionKind kind) {
      this.id = id;
      this.kind = kind;
      this.name = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Fire mode (aimed when not set) and Lanchester effectiveness. */
    public Builder fire(FireMode fireMode, double effectiveness) {
      this.fireMode = fireMode;
      this.effectiveness = effectiveness;
      return this;
    }

    public Builder morale(Double morale) {
      this.morale = morale;
      return this;
    }

    public Builder enemies(String... ids) {
      enemies.addAll(List.of(ids));
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Faction build() {
      return new Faction(
          id, name, kind, new FactionParameters(fireMode, effectiveness, morale), enemies, notes);
    }
  }
}
