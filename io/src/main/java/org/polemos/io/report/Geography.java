package org.polemos.io.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.model.Locality;
import org.polemos.model.Scenario;

/**
 * What the map of control needs from a run's scenario: regions (each with its places: the rest of
 * the region, whose id is the region's, and its localities with their areas and coordinates), and
 * corridors (hub, entry region). The scenario is read by io's one scenario reader ({@link
 * ScenarioReader}), never parsed here; when it cannot be read, the geography is empty and {@link
 * #note()} says why, so the rest of the report still renders.
 *
 * @param note empty, or why the map is left out (the scenario file is absent or unreadable)
 */
public record Geography(List<Region> regions, List<Corridor> corridors, String note) {

  /**
   * A region.
   *
   * @param areaKm2 the region's whole area (its total: the rest of the region, its localities and
   *     unheld desert)
   * @param rest the rest of the region, a place with the region's id: the region's area less its
   *     localities' and less its unheld area (0 when its localities cover it)
   * @param places the region's localities
   */
  public record Region(
      String id,
      String name,
      double areaKm2,
      Place rest,
      List<Place> places,
      List<String> neighbours) {}

  /** A corridor from a hub into an entry place (a region's rest, or a locality). */
  public record Corridor(String id, String name, String hub, String entryRegion) {}

  /**
   * A place whose control changes on its own: a locality, or the rest of a region.
   *
   * @param heldAreaKm2 its area less the part no faction holds (open desert)
   * @param controller holder at the start
   * @param latitude decimal degrees north, or NaN when it has no coordinates
   */
  public record Place(
      String id,
      String name,
      String region,
      double heldAreaKm2,
      String controller,
      double latitude,
      double longitude) {

    /** Whether it has coordinates (then the map draws it as a point). */
    public boolean located() {
      return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }
  }

  /**
   * The display name of a place (a locality, or a region's rest: the region's name, or "the rest
   * of" it when the region has localities); empty when no place has this id.
   */
  public Optional<String> placeName(String id) {
    for (Region region : regions) {
      if (region.id().equals(id)) {
        return Optional.of(
            region.places().isEmpty() ? region.name() : region.name() + " (rest of the region)");
      }
      for (Place place : region.places()) {
        if (place.id().equals(id)) {
          return Optional.of(place.name() + " (" + region.name() + ")");
        }
      }
    }
    return Optional.empty();
  }

  /** No geography, with the reason. */
  public static Geography none(String note) {
    return new Geography(List.of(), List.of(), note);
  }

  /**
   * The geography of the scenario {@code file}; none, with a note, when the file is absent or is
   * not a scenario io's reader accepts (its first diagnostic, located).
   */
  public static Geography read(Path file) {
    if (!Files.isRegularFile(file)) {
      return none("The run directory has no " + file.getFileName() + ": the map is left out.");
    }
    Scenario scenario;
    try {
      scenario = new ScenarioReader().read(file);
    } catch (ScenarioFileException e) {
      return none(
          "The run's scenario cannot be read ("
              + e.diagnostics().get(0)
              + "): the map is left out.");
    }
    return of(scenario);
  }

  /** The geography of a scenario. */
  public static Geography of(Scenario scenario) {
    List<Region> regions = new ArrayList<>();
    for (org.polemos.model.Region region : scenario.regions()) {
      List<Place> places = new ArrayList<>();
      double restArea = region.areaKm2();
      for (Locality locality : region.localities()) {
        restArea -= locality.areaKm2();
        places.add(
            new Place(
                locality.id(),
                locality.name(),
                region.id(),
                Math.max(0, locality.areaKm2() - locality.unheldAreaKm2()),
                locality.controller() != null ? locality.controller() : region.controller(),
                locality.latitude(),
                locality.longitude()));
      }
      Place rest =
          new Place(
              region.id(),
              region.name(),
              region.id(),
              Math.max(0, restArea - region.unheldAreaKm2()),
              region.controller(),
              region.latitude() != null ? region.latitude() : Double.NaN,
              region.longitude() != null ? region.longitude() : Double.NaN);
      regions.add(
          new Region(
              region.id(), region.name(), region.areaKm2(), rest, places, region.neighbours()));
    }
    List<Corridor> corridors = new ArrayList<>();
    for (org.polemos.model.Corridor corridor : scenario.corridors()) {
      corridors.add(
          new Corridor(
              corridor.id(),
              corridor.name() == null ? corridor.id() : corridor.name(),
              corridor.hub(),
              corridor.entryRegion()));
    }
    return new Geography(regions, corridors, "");
  }
}
