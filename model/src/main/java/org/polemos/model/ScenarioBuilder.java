package org.polemos.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.InvalidScenarioException;
import org.polemos.model.validation.Problem;
import org.polemos.model.validation.ScenarioValidator;

/**
 * Builds a {@link Scenario} in code. Obtain one with {@link Scenario#builder(String)}. Unset
 * fields: the name defaults to the id, the description and notes to "", the seed to 1, the
 * processes to {@link Processes#defaults()}; the calendar has no default. {@link #build()}
 * validates.
 */
public final class ScenarioBuilder {
  private final String id;
  private String name;
  private String description = "";
  private Calendar calendar;
  private long seed = 1;
  private final List<Faction> factions = new ArrayList<>();
  private final List<Region> regions = new ArrayList<>();
  private final List<Source> sources = new ArrayList<>();
  private final List<Corridor> corridors = new ArrayList<>();
  private final List<Intervention> interventions = new ArrayList<>();
  private Processes processes = Processes.defaults();
  private String notes = "";

  ScenarioBuilder(String id) {
    this.id = id;
    this.name = id;
  }

  public ScenarioBuilder name(String name) {
    this.name = name;
    return this;
  }

  public ScenarioBuilder description(String description) {
    this.description = description;
    return this;
  }

  public ScenarioBuilder calendar(Calendar calendar) {
    this.calendar = calendar;
    return this;
  }

  public ScenarioBuilder calendar(LocalDate start, LocalDate end, OutputStep outputStep) {
    return calendar(new Calendar(start, end, outputStep));
  }

  public ScenarioBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  public ScenarioBuilder faction(Faction faction) {
    factions.add(faction);
    return this;
  }

  public ScenarioBuilder faction(Faction.Builder faction) {
    return faction(faction.build());
  }

  public ScenarioBuilder region(Region region) {
    regions.add(region);
    return this;
  }

  public ScenarioBuilder region(Region.Builder region) {
    return region(region.build());
  }

  public ScenarioBuilder source(Source source) {
    sources.add(source);
    return this;
  }

  public ScenarioBuilder source(Source.Builder source) {
    return source(source.build());
  }

  public ScenarioBuilder corridor(Corridor corridor) {
    corridors.add(corridor);
    return this;
  }

  public ScenarioBuilder corridor(Corridor.Builder corridor) {
    return corridor(corridor.build());
  }

  public ScenarioBuilder intervention(Intervention intervention) {
    interventions.add(intervention);
    return this;
  }

  public ScenarioBuilder intervention(Intervention.Builder intervention) {
    return intervention(intervention.build());
  }

  public ScenarioBuilder processes(Processes processes) {
    this.processes = processes;
    return this;
  }

  public ScenarioBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  /**
   * The scenario, validated.
   *
   * @throws InvalidScenarioException listing every problem when it is invalid
   */
  public Scenario build() {
    Scenario scenario = buildUnchecked();
    List<Problem> problems = ScenarioValidator.validate(scenario);
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(id, problems);
    }
    return scenario;
  }

  /**
   * The scenario without validation (for tests of invalid input, and for callers that validate
   * later).
   */
  public Scenario buildUnchecked() {
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
}
