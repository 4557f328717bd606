package org.polemos.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.figures.PublicFigure;
import org.polemos.io.figures.PublicFiguresReader;
import org.polemos.io.scenario.ScenarioFileException;

/**
 * How a scenario is presented in the report, kept out of the report code: faction colours, which
 * faction is the organisation, which public figures to overlay, the scenario's known limitations
 * and the map geometry (longitude, latitude of each region and corridor hub). Read from a YAML file
 * beside the scenario: {@code presentation.yaml} in the run directory, else the resource {@code
 * <scenario id>.presentation.yaml} beside the bundled scenarios ({@code
 * org/polemos/io/scenarios/}), else nothing (the report then uses a palette, the faction of kind
 * {@code organisation}, no figures, no limitations and a map laid out on a grid). Layout: see
 * docs/REPORT.md and {@code levant-2014.presentation.yaml}.
 *
 * @param organisation the organisation's faction id, or empty to take it from the scenario
 * @param colours colour by faction (or source) id
 * @param figures the public figures to overlay (empty for none)
 * @param figuresName where the figures come from, for the page
 * @param limitationsFrom where the limitations are taken from, for the page
 * @param limitations the scenario's known limitations, one sentence each
 * @param mapSource the source of the map geometry, for the page
 * @param regions longitude and latitude of each region's centroid
 * @param hubs longitude and latitude of each corridor hub, by the hub's name in the scenario
 */
public record Presentation(
    String organisation,
    Map<String, String> colours,
    List<PublicFigure> figures,
    String figuresName,
    String limitationsFrom,
    List<String> limitations,
    String mapSource,
    Map<String, double[]> regions,
    Map<String, double[]> hubs) {

  /** Where bundled presentations live (beside the bundled scenarios). */
  static final String BUNDLED_FOLDER = "/org/polemos/io/scenarios/";

  /** No presentation: defaults everywhere. */
  public static Presentation none() {
    return new Presentation("", Map.of(), List.of(), "", "", List.of(), "", Map.of(), Map.of());
  }

  /**
   * The presentation for a run: its directory's {@code presentation.yaml}, else the bundled one,
   * else none.
   */
  public static Presentation forRun(Path directory, String scenarioId) throws IOException {
    Path local = directory.resolve("presentation.yaml");
    if (Files.isRegularFile(local)) {
      return read(local);
    }
    String resource = BUNDLED_FOLDER + scenarioId + ".presentation.yaml";
    if (scenarioId.matches("[A-Za-z0-9._-]+")) {
      try (InputStream in = Presentation.class.getResourceAsStream(resource)) {
        if (in != null) {
          return parse(new ObjectMapper(new YAMLFactory()).readTree(in), resource, null);
        }
      }
    }
    return none();
  }

  /** Reads a presentation file; its {@code figures} path is relative to the file's folder. */
  public static Presentation read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportException(file + ": not readable as YAML: " + e.getOriginalMessage(), e);
    }
    return parse(root, file.toString(), file.toAbsolutePath().getParent());
  }

  private static Presentation parse(JsonNode root, String name, Path folder) {
    if (root == null || !root.isObject()) {
      throw new ReportException(name + ": not a presentation file (no mapping at the top)");
    }
    Map<String, String> colours = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("colours").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String colour = e.getValue().asText();
      if (!colour.matches("#[0-9a-fA-F]{6}")) {
        throw new ReportException(
            name + ": colours." + e.getKey() + ": '" + colour + "' is not a colour #rrggbb");
      }
      colours.put(e.getKey(), colour);
    }
    List<PublicFigure> figures = List.of();
    String figuresFile = root.path("figures").asText("");
    String figuresName = "";
    if (!figuresFile.isEmpty()) {
      if (!figuresFile.matches("[A-Za-z0-9._-]+")) {
        throw new ReportException(
            name + ": figures: '" + figuresFile + "' must be a file name beside it");
      }
      try {
        figures =
            folder == null
                ? PublicFiguresReader.resource(Presentation.class, BUNDLED_FOLDER + figuresFile)
                : PublicFiguresReader.read(folder.resolve(figuresFile));
      } catch (ScenarioFileException e) {
        throw new ReportException(e.diagnostics().get(0).toString(), e);
      }
      figuresName = figuresFile;
    }
    List<String> limitations = new ArrayList<>();
    root.path("limitations").path("items").forEach(item -> limitations.add(item.asText()));
    JsonNode map = root.path("map");
    return new Presentation(
        root.path("organisation").asText(""),
        colours,
        figures,
        figuresName,
        root.path("limitations").path("from").asText(""),
        limitations,
        map.path("source").asText(""),
        points(map.path("regions"), name + ": map.regions"),
        points(map.path("hubs"), name + ": map.hubs"));
  }

  private static Map<String, double[]> points(JsonNode node, String where) {
    Map<String, double[]> points = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      if (!p.isArray()
          || p.size() != 2
          || !p.get(0).isNumber()
          || !p.get(1).isNumber()
          || Math.abs(p.get(0).asDouble()) > 180
          || Math.abs(p.get(1).asDouble()) > 90) {
        throw new ReportException(
            where + "." + e.getKey() + ": expected [longitude, latitude] in degrees");
      }
      points.put(e.getKey(), new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
    }
    return points;
  }
}
