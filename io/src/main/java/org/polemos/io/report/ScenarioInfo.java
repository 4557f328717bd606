package org.polemos.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few parts of a run's {@code scenario.yaml} the report needs, read from the YAML tree so that
 * a run written by an older version still reports: id, name, factions, sources, region names,
 * output step and interventions.
 *
 * <p>Lenient on purpose: this is not the scenario reader. Fields it does not know, and missing
 * ones, are ignored (a missing name reads as the id, missing tables as empty), so run directories
 * written by older versions, whose scenario.yaml the current {@code ScenarioReader} might refuse,
 * still read; only YAML that does not parse, a top level that is not a mapping, or an intervention
 * without valid dates is refused ({@link ReportException}).
 *
 * @param id scenario id
 * @param name scenario name
 * @param factions faction id to name, in scenario order
 * @param organisation id of the organisation faction (kind {@code organisation}; empty when none)
 * @param sources source id to name, in scenario order
 * @param regions region id to name
 * @param outputStep daily, weekly or monthly (empty when unknown)
 * @param interventions interventions in scenario order
 */
public record ScenarioInfo(
    String id,
    String name,
    Map<String, String> factions,
    String organisation,
    Map<String, String> sources,
    Map<String, String> regions,
    String outputStep,
    List<InterventionSpan> interventions) {

  /** An intervention as a date span. */
  public record InterventionSpan(
      String id, String name, String kind, LocalDate start, LocalDate end) {}

  /** What is known without a scenario file. */
  public static ScenarioInfo unknown(String id) {
    return new ScenarioInfo(id, id, Map.of(), "", Map.of(), Map.of(), "", List.of());
  }

  /** Reads {@code scenario.yaml}. */
  public static ScenarioInfo read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.newBufferedReader(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportException(file + ": not readable as YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ReportException(file + ": not a scenario (no mapping at the top)");
    }
    String id = root.path("id").asText("");
    Map<String, String> factions = names(root.path("factions"));
    String organisation = "";
    for (JsonNode faction : root.path("factions")) {
      if ("organisation".equals(faction.path("kind").asText())) {
        organisation = faction.path("id").asText();
        break;
      }
    }
    List<InterventionSpan> interventions = new ArrayList<>();
    for (JsonNode node : root.path("interventions")) {
      try {
        String interventionId = node.path("id").asText("");
        interventions.add(
            new InterventionSpan(
                interventionId,
                node.path("name").asText(interventionId),
                node.path("kind").asText(""),
                LocalDate.parse(node.path("start").asText()),
                LocalDate.parse(node.path("end").asText())));
      } catch (DateTimeParseException e) {
        throw new ReportException(
            file + ": intervention '" + node.path("id").asText() + "' has no valid start/end", e);
      }
    }
    return new ScenarioInfo(
        id,
        root.path("name").asText(id),
        factions,
        organisation,
        names(root.path("sources")),
        names(root.path("regions")),
        root.path("calendar").path("outputStep").asText(""),
        interventions);
  }

  private static Map<String, String> names(JsonNode list) {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode node : list) {
      String nodeId = node.path("id").asText("");
      names.put(nodeId, node.path("name").asText(nodeId));
    }
    return names;
  }

  /** This scenario with {@code organisation} as the organisation's faction id (when not empty). */
  public ScenarioInfo withOrganisation(String organisation) {
    return organisation.isEmpty()
        ? this
        : new ScenarioInfo(
            id, name, factions, organisation, sources, regions, outputStep, interventions);
  }

  /** The display name of a faction, source or region id (the id itself when unknown). */
  public String label(String key) {
    if (key == null || key.isEmpty()) {
      return "";
    }
    if ("all".equals(key)) {
      return "All sources";
    }
    String name = factions.get(key);
    if (name == null) {
      name = sources.get(key);
    }
    if (name == null) {
      name = regions.get(key);
    }
    return name == null ? key : name;
  }
}
