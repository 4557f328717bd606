package org.polemos.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy lever switched on at {@code start} and off after {@code end}.
 *
 * @param id stable identifier
 * @param name display name
 * @param kind which lever; it fixes what the targets are and what intensity means
 * @param targets ids of regions, corridors or sources, as {@link InterventionKind#targetKind()}
 *     says
 * @param faction the faction carrying it out, for kinds that need one; empty otherwise
 * @param start first day in force
 * @param end last day in force, inclusive
 * @param intensity strength of the lever, in the units of its kind
 * @param notes sources and reasoning; empty when omitted
 */
public record Intervention(
    String id,
    String name,
    InterventionKind kind,
    List<String> targets,
    @Omittable String faction,
    LocalDate start,
    LocalDate end,
    double intensity,
    @Omittable String notes) {

  public Intervention {
    targets = Lists.copy(targets);
    faction = faction == null ? "" : faction;
    notes = notes == null ? "" : notes;
  }

  /**
   * A builder for an intervention with this id and kind: name defaults to the id, faction to empty.
   */
  public static Builder builder(String id, InterventionKind kind) {
    return new Builder(id, kind);
  }

  /** Builds an {@link Intervention}; see {@link #builder(String, InterventionKind)}. */
  public static final class Builder {
    private final String id;
    private final InterventionKind kind;
    private String name;
    private final List<String> targets = new java.util.ArrayList<>();
    private String faction = "";
    private LocalDate start;
    private LocalDate end;
    private double intensity;
    private String notes = "";

    private Builder(String id, InterventionKind kind) {
      this.id = id;
      this.kind = kind;
      this.name = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder targets(String... ids) {
      targets.addAll(List.of(ids));
      return this;
    }

    public Builder faction(String factionId) {
      this.faction = factionId;
      return this;
    }

    /** First and last (inclusive) day in force. */
    public Builder dates(LocalDate start, LocalDate end) {
      this.start = start;
      this.end = end;
      return this;
    }

    public Builder intensity(double intensity) {
      this.intensity = intensity;
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Intervention build() {
      return new Intervention(id, name, kind, targets, faction, start, end, intensity, notes);
    }
  }
}
