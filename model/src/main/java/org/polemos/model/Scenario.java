package org.polemos.model;

import java.util.List;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.Problem;
import org.polemos.model.validation.ScenarioValidator;

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
public record Scenario(
    String id,
    String name,
    String description,
    Calendar calendar,
    long seed,
    List<Faction> factions,
    List<Region> regions,
    List<Source> sources,
    List<Corridor> corridors,
    @Omittable List<Intervention> interventions,
    Processes processes,
    @Omittable String notes) {

  public Scenario {
    factions = Lists.copy(factions);
    regions = Lists.copy(regions);
    sources = Lists.copy(sources);
    corridors = Lists.copy(corridors);
    interventions = Lists.copy(interventions);
    notes = notes == null ? "" : notes;
  }

  /** A builder for a scenario with this id; see {@link ScenarioBuilder}. */
  public static ScenarioBuilder builder(String id) {
    return new ScenarioBuilder(id);
  }

  /** A copy of this scenario with other regions (not validated: call {@link #validate()}). */
  public Scenario withRegions(List<Region> regions) {
    return new Scenario(
        id,
        name,
        description,
        calendar,
        seed,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        notes);
  }

  /** A copy of this scenario with other sources (not validated: call {@link #validate()}). */
  public Scenario withSources(List<Source> sources) {
    return new Scenario(
        id,
        name,
        description,
        calendar,
        seed,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        notes);
  }

  /** A copy of this scenario with other corridors (not validated: call {@link #validate()}). */
  public Scenario withCorridors(List<Corridor> corridors) {
    return new Scenario(
        id,
        name,
        description,
        calendar,
        seed,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        notes);
  }

  /** A copy of this scenario with other interventions (not validated: call {@link #validate()}). */
  public Scenario withInterventions(List<Intervention> interventions) {
    return new Scenario(
        id,
        name,
        description,
        calendar,
        seed,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        notes);
  }

  /** A copy of this scenario with other processes (not validated: call {@link #validate()}). */
  public Scenario withProcesses(Processes processes) {
    return new Scenario(
        id,
        name,
        description,
        calendar,
        seed,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        notes);
  }

  /** Every problem of this scenario, in document order; empty when it is valid. */
  public List<Problem> validate() {
    return ScenarioValidator.validate(this);
  }

  /**
   * A copy of this scenario with the parameter at {@code path} set to {@code value}; see {@link
   * ScenarioPaths} for the path syntax and conversions. The copy is not validated: call {@link
   * #validate()} on it.
   *
   * @throws IllegalArgumentException when the path does not resolve or the value cannot be
   *     converted
   */
  public Scenario with(String path, Object value) {
    return ScenarioPaths.with(this, path, value);
  }

  /**
   * The value at {@code path} (a number, string, date, enum constant, list, map or record).
   *
   * @throws IllegalArgumentException when the path does not resolve
   */
  public Object get(String path) {
    return ScenarioPaths.get(this, path);
  }

  /**
   * The number at {@code path}, as a double.
   *
   * @throws IllegalArgumentException when the path does not resolve or does not lead to a number
   */
  public double getDouble(String path) {
    return ScenarioPaths.getDouble(this, path);
  }
}
