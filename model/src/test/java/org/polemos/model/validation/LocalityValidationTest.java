package org.polemos.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.Fixtures;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;

/** Located problems of the places fields of issue 12 (localities, unheld area, coordinates). */
class LocalityValidationTest {
  private static final Scenario BASE = Fixtures.base();

  /**
   * The base scenario with {@code localities} and {@code unheld} km2 put into its first region
   * (raqqa).
   */
  private static Scenario withRaqqa(List<Locality> localities, double unheld, Double latitude) {
    List<Region> regions = new ArrayList<>(BASE.regions());
    Region r = regions.get(0);
    regions.set(
        0,
        new Region(
            r.id(),
            r.name(),
            r.country(),
            r.population(),
            r.areaKm2(),
            r.oilCapacityBblPerDay(),
            r.defensibility(),
            r.neighbours(),
            r.controller(),
            r.forces(),
            r.notes(),
            localities,
            unheld,
            null,
            null,
            latitude,
            null));
    return new Scenario(
        BASE.id(),
        BASE.name(),
        BASE.description(),
        BASE.calendar(),
        BASE.seed(),
        BASE.factions(),
        regions,
        BASE.sources(),
        BASE.corridors(),
        BASE.interventions(),
        BASE.processes(),
        null);
  }

  private static Locality city(
      String id,
      long population,
      double area,
      Double unheld,
      double lat,
      String controller,
      List<String> neighbours) {
    return new Locality(
        id,
        id,
        population,
        area,
        unheld,
        lat,
        39.0,
        controller,
        Map.of(),
        neighbours,
        null,
        true,
        3.0,
        null,
        null);
  }

  @Test
  void aValidLocalityHasNoProblemsAndCanBeANeighbourAndATarget() {
    Scenario s =
        withRaqqa(
            List.of(city("raqqa-city", 200_000, 2000, 500.0, 35.95, null, List.of("mosul"))),
            1000,
            35.9);
    assertThat(ScenarioValidator.validate(s)).isEmpty();
  }

  @Test
  void everyNewFieldHasALocatedProblem() {
    String p = "regions[0].localities[0]";
    assertThat(
            ScenarioValidator.validate(
                withRaqqa(
                    List.of(
                        city(
                            "raqqa-city",
                            200_000,
                            2000,
                            2500.0,
                            95,
                            "nobody",
                            List.of("mosul", "nowhere"))),
                    -1,
                    91.0)))
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "regions[0].unheldAreaKm2",
            "regions[0].latitude",
            p + ".unheldAreaKm2",
            p + ".latitude",
            p + ".controller",
            p + ".neighbours[1]");
  }

  @Test
  void localitiesCannotExceedTheirRegionAndIdsAreUniqueAmongPlaces() {
    List<Problem> problems =
        ScenarioValidator.validate(
            withRaqqa(
                List.of(
                    city("mosul", 900_000, 15_000, null, 35.9, null, List.of()),
                    city("tabqa", 100_000, 5_000, null, 35.8, null, List.of())),
                0,
                null));
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "regions[0].localities[0].id", "regions[0].areaKm2", "regions[0].population");
    assertThat(problems.get(0).message()).isNotBlank();
  }
}
