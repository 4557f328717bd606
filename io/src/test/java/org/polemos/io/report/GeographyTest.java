package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;

class GeographyTest {
  @TempDir Path tmp;

  private static Path bundled(Path dir) throws Exception {
    Path file = dir.resolve("scenario.yaml");
    try (var in =
        GeographyTest.class.getResourceAsStream("/org/polemos/io/scenarios/levant-2014.yaml")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void levantRegionsCarryTheirPlacesWithCoordinatesAndAreas() throws Exception {
    Path file = bundled(tmp);
    Geography geography = Geography.read(file);
    assertThat(geography.note()).isEmpty();
    Geography.Region ninawa =
        geography.regions().stream().filter(r -> r.id().equals("ninawa")).findFirst().orElseThrow();
    assertThat(ninawa.rest().id()).isEqualTo("ninawa");
    Geography.Place mosul =
        ninawa.places().stream().filter(p -> p.id().equals("mosul")).findFirst().orElseThrow();
    assertThat(mosul.located()).isTrue();
    assertThat(mosul.region()).isEqualTo("ninawa");
    assertThat(geography.placeName("mosul")).hasValue("Mosul (" + ninawa.name() + ")");
    assertThat(geography.placeName("ninawa")).hasValue(ninawa.name() + " (rest of the region)");
    assertThat(geography.placeName("nowhere")).isEmpty();
    // Area is conserved: for every region, the held areas of its places plus the unheld desert are
    // its area.
    Scenario scenario = new ScenarioReader().read(file);
    for (Region region : scenario.regions()) {
      Geography.Region mapped =
          geography.regions().stream()
              .filter(r -> r.id().equals(region.id()))
              .findFirst()
              .orElseThrow();
      double unheld = region.unheldAreaKm2();
      for (Locality locality : region.localities()) {
        unheld += locality.unheldAreaKm2();
      }
      double held =
          mapped.rest().heldAreaKm2()
              + mapped.places().stream().mapToDouble(Geography.Place::heldAreaKm2).sum();
      assertThat(held + unheld)
          .as(region.id())
          .isCloseTo(region.areaKm2(), within(1e-6 * region.areaKm2()));
      assertThat(mapped.places()).hasSameSizeAs(region.localities());
    }
  }

  @Test
  void anUnreadableScenarioLeavesTheMapOutWithALocatedNote() throws Exception {
    Path file = tmp.resolve("scenario.yaml");
    Files.writeString(file, "id: broken\nregions: [\n");
    Geography geography = Geography.read(file);
    assertThat(geography.regions()).isEmpty();
    assertThat(geography.note()).contains("scenario.yaml").contains("map is left out");
    assertThat(Geography.read(tmp.resolve("absent.yaml")).note()).contains("absent.yaml");
  }
}
