package org.polemos.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy lever switched on at {@code start} and off after {@code end}.
 *
 * @param id stable identifier
 * @param name display name
 * @param kind which lever; it fixes what the targets are and what intensity means
 * @param targets ids of regions, corridors or sources, as {@link InterventionKind#targetKind()} says
 * @param faction the faction carrying it out, for kinds that need one; empty otherwise
 * @param start first day in force
 * @param end last day in force, inclusive
 * @param intensity strength of the lever, in the units of its kind
 * @param notes sources and reasoning; empty when omitted
 */
public record Intervention(String id, String name, InterventionKind kind, List<String> targets,
    @Omittable String faction, LocalDate start, LocalDate end, double intensity, @Omittable String notes) {

  public Intervention {
    targets = Lists.copy(targets);
    faction = faction == null ? "" : faction;
    notes = notes == null ? "" : notes;
  }
}
