package org.polemos.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the map of control needs from a run's {@code scenario.yaml}: regions (area, controller at the start,
 * neighbours), corridors (hub, entry region) and, when the scenario has them, named places with coordinates
 * ({@code places: [{id, name, region, latitude, longitude}]}). Read from the YAML tree, so an older or newer
 * scenario still maps; anything missing is left out.
 */
public record Geography(List<Region> regions, List<Corridor> corridors, List<Place> places) {

  /** A region. */
  public record Region(String id, String name, double areaKm2, String controller, List<String> neighbours) {
  }

  /** A corridor from a hub into an entry region. */
  public record Corridor(String id, String name, String hub, String entryRegion) {
  }

  /** A named place inside a region. */
  public record Place(String id, String name, String region, double latitude, double longitude) {
  }

  /** No geography. */
  public static Geography none() {
    return new Geography(List.of(), List.of(), List.of());
  }

  /** Reads the geography of {@code file}, or none when the file is absent. */
  public static Geography read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    JsonNode root;
    try (Reader reader = Files.newBufferedReader(file)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(reader);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportException(file + ": not readable as YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null) {
      return none();
    }
    List<Region> regions = new ArrayList<>();
    for (JsonNode node : root.path("regions")) {
      List<String> neighbours = new ArrayList<>();
      node.path("neighbours").forEach(n -> neighbours.add(n.asText()));
      String id = node.path("id").asText("");
      regions.add(new Region(id, node.path("name").asText(id), node.path("areaKm2").asDouble(0),
          node.path("controller").asText(""), neighbours));
    }
    List<Corridor> corridors = new ArrayList<>();
    for (JsonNode node : root.path("corridors")) {
      String id = node.path("id").asText("");
      corridors.add(new Corridor(id, node.path("name").asText(id), node.path("hub").asText(""),
          node.path("entryRegion").asText("")));
    }
    List<Place> places = new ArrayList<>();
    for (JsonNode node : root.path("places")) {
      JsonNode lat = node.has("latitude") ? node.get("latitude") : node.path("lat");
      JsonNode lon = node.has("longitude") ? node.get("longitude") : node.path("lon");
      if (lat.isNumber() && lon.isNumber()) {
        String id = node.path("id").asText("");
        places.add(new Place(id, node.path("name").asText(id), node.path("region").asText(""), lat.asDouble(),
            lon.asDouble()));
      }
    }
    return new Geography(regions, corridors, places);
  }
}
