package org.polemos.model.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.Fixtures;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.IntakeParameters;

class ScenarioPathsTest {
  private static final Scenario BASE = Fixtures.base();

  @ParameterizedTest
  @CsvSource({
    "corridors.tal-abyad.interdiction, 0.35",
    "sources.tunisia.annualPropensity, 0.002",
    "sources.tunisia.atRiskPool, 250000",
    "regions.raqqa.forces.islamic-state, 12000",
    "regions.mosul.population, 1000",
    "processes.intake.servers, 40",
    "processes.intake.serviceDays.mean, 14",
    "processes.momentum.maximum, 3.5",
    "factions.islamic-state.parameters.effectiveness, 0.003",
    "factions.iraqi-forces.parameters.morale, 1.25",
    "interventions.mosul-offensive.intensity, 45000",
    "corridors.tal-abyad.weight, 2.5",
    "seed, 12345",
  })
  void numericRoundTrips(String path, double value) {
    Scenario changed = BASE.with(path, value);
    assertThat(changed.getDouble(path)).isEqualTo(value);
    assertThat(BASE.getDouble(path)).isNotEqualTo(value);
  }

  @Test
  void valuesKeepTheComponentType() {
    assertThat(BASE.with("processes.intake.servers", 40.0).get("processes.intake.servers"))
        .isEqualTo(40);
    assertThat(BASE.with("seed", 7).get("seed")).isEqualTo(7L);
    assertThat(
            BASE.with("regions.raqqa.forces.islamic-state", 10L)
                .get("regions.raqqa.forces.islamic-state"))
        .isEqualTo(10);
    assertThat(
            BASE.with("corridors.tal-abyad.interdiction", 1)
                .get("corridors.tal-abyad.interdiction"))
        .isEqualTo(1.0);
    assertThat(BASE.with("processes.intake.servers", "25").get("processes.intake.servers"))
        .isEqualTo(25);
    assertThat(
            BASE.with("corridors.tal-abyad.interdiction", "0.5")
                .getDouble("corridors.tal-abyad.interdiction"))
        .isEqualTo(0.5);
  }

  @Test
  void datesEnumsStringsAndListsRoundTrip() {
    assertThat(BASE.with("calendar.end", "2016-06-30").get("calendar.end"))
        .isEqualTo(LocalDate.of(2016, 6, 30));
    assertThat(BASE.with("calendar.end", LocalDate.of(2016, 1, 1)).calendar().end())
        .isEqualTo(LocalDate.of(2016, 1, 1));
    assertThat(BASE.with("calendar.outputStep", "weekly").calendar().outputStep())
        .isEqualTo(OutputStep.WEEKLY);
    assertThat(BASE.with("factions.iraqi-forces.kind", "non-state").factions().get(1).kind())
        .isEqualTo(FactionKind.NON_STATE);
    assertThat(
            BASE.with("factions.iraqi-forces.kind", FactionKind.COALITION)
                .get("factions.iraqi-forces.kind"))
        .isEqualTo(FactionKind.COALITION);
    assertThat(
            BASE.with("factions.islamic-state.parameters.fireMode", "AIMED")
                .get("factions.islamic-state.parameters.fireMode"))
        .isEqualTo(FireMode.AIMED);
    assertThat(BASE.with("corridors.tal-abyad.hub", "Istanbul").get("corridors.tal-abyad.hub"))
        .isEqualTo("Istanbul");
    assertThat(BASE.with("regions.mosul.neighbours.1", "raqqa").regions().get(1).neighbours())
        .containsExactly("raqqa", "raqqa");
    assertThat(
            BASE.with("regions.raqqa.neighbours", List.of("mosul", "baghdad"))
                .get("regions.raqqa.neighbours"))
        .isEqualTo(List.of("mosul", "baghdad"));
    DistributionSpec gamma = new DistributionSpec.Gamma(2, 7);
    Scenario withGamma = BASE.with("processes.intake.serviceDays", gamma);
    assertThat(withGamma.get("processes.intake.serviceDays")).isEqualTo(gamma);
    assertThat(
            withGamma
                .with("processes.intake.serviceDays.scale", 3)
                .getDouble("processes.intake.serviceDays.scale"))
        .isEqualTo(3.0);
    Scenario empirical =
        BASE.with(
            "processes.intake.serviceDays",
            new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0, 1.0)));
    assertThat(
            empirical
                .with("processes.intake.serviceDays.values.1", 5)
                .get("processes.intake.serviceDays"))
        .isEqualTo(new DistributionSpec.Empirical(List.of(1.0, 5.0), List.of(1.0, 1.0)));
  }

  @Test
  void withLeavesTheOriginalUntouchedAndTheResultImmutable() {
    Scenario before = Fixtures.base();
    Scenario changed =
        BASE.with("regions.raqqa.forces.islamic-state", 1)
            .with("calendar.end", "2015-12-31")
            .with("corridors.tal-abyad.sources", List.of("tunisia", "tunisia"));
    assertThat(BASE).isEqualTo(before);
    assertThat(changed).isNotEqualTo(before);
    assertThat(BASE.regions().get(0).forces()).containsEntry("islamic-state", 5000);
    assertThatThrownBy(() -> changed.regions().get(0).forces().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> changed.corridors().get(0).sources().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void gettingIntermediateNodesReturnsRecords() {
    assertThat(BASE.get("regions.raqqa")).isSameAs(BASE.regions().get(0));
    assertThat(BASE.get("processes.intake")).isSameAs(BASE.processes().get(IntakeParameters.class));
    assertThat(BASE.get("regions.mosul.forces"))
        .isEqualTo(Map.of("islamic-state", 8000, "iraqi-forces", 0));
  }

  // ---------------------------------------------------------------------------------------------
  // errors

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "processes.intake.serverz | segment \"serverz\" (3 of 3): \"serverz\" is not a field of IntakeParameters at"
            + " \"processes.intake\" (did you mean \"servers\"?); valid: servers, serviceDays, roles",
        "corridors.tal-abyd.interdiction | segment \"tal-abyd\" (2 of 3): no element with id \"tal-abyd\" in"
            + " \"corridors\" (did you mean \"tal-abyad\"?); valid: tal-abyad",
        "regions.raqqa.forces.isis | no key \"isis\" in \"regions.raqqa.forces\" (did you mean \"islamic-state\"?);"
            + " valid: islamic-state",
        "regions.raqqa.neighbours.5 | index 5 is out of range for \"regions.raqqa.neighbours\" (size 1)",
        "regions.raqqa.neighbours.first | is a list addressed by index, 0 to 0, not \"first\"",
        "seed.value | \"seed\" is 42 (a Long) and has no field \"value\"",
        "processes.recruitment.compartmental.transmissionPerYear | \"processes.recruitment.compartmental\" is not set",
        "sourcez.tunisia | \"sourcez\" is not a field of Scenario at the scenario (did you mean \"sources\"?)",
      })
  void unknownSegmentsNameThePathTheSegmentAndTheChoices(String path, String fragment) {
    assertThatThrownBy(() -> BASE.get(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path \"" + path + "\"")
        .hasMessageContaining(fragment);
    assertThatThrownBy(() -> BASE.with(path, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(fragment);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "processes.intake.servers | 2.5 | expected a whole number within the range of int, was 2.5",
        "processes.intake.servers | 3000000000 | expected a whole number within the range of int, was 3000000000",
        "processes.intake.servers | many | expected a whole number, was \"many\" (a string)",
        "corridors.tal-abyad.interdiction | high | expected a number, was \"high\"",
        "calendar.end | 2015-13-01 | expected a date like 2015-06-01, was \"2015-13-01\"",
        "factions.islamic-state.kind | organization | unknown FactionKind \"organization\" (did you mean"
            + " \"organisation\"?); valid: organisation, state, non-state, coalition",
      })
  void wrongTypesAreRejected(String path, String value, String fragment) {
    Object converted = value.matches("[0-9.]+") ? (Object) Double.parseDouble(value) : value;
    assertThatThrownBy(() -> BASE.with(path, converted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path \"" + path + "\"")
        .hasMessageContaining(fragment);
  }

  @Test
  void otherTypeMismatchesAreRejected() {
    assertThatThrownBy(() -> BASE.with("corridors.tal-abyad.hub", 3))
        .hasMessageContaining("expected a string");
    assertThatThrownBy(() -> BASE.with("processes.intake.serviceDays", 3))
        .hasMessageContaining("expected a DistributionSpec, was 3 (a Integer)");
    assertThatThrownBy(() -> BASE.with("seed", null))
        .hasMessageContaining("expected long, was null");
    assertThatThrownBy(() -> BASE.with("regions.raqqa.neighbours", "mosul"))
        .hasMessageContaining("expected a list");
    assertThatThrownBy(() -> BASE.getDouble("corridors.tal-abyad.hub"))
        .hasMessageContaining("does not lead to a number but to \"Gaziantep\" (a string)");
    assertThatThrownBy(() -> BASE.get("")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> BASE.get("processes..intake"))
        .hasMessageContaining("empty segment at position 2");
  }

  @Test
  void constructorRejectionsBecomeIllegalArgument() {
    assertThatThrownBy(
            () ->
                BASE.with(
                        "processes.intake.serviceDays",
                        new DistributionSpec.Empirical(List.of(1.0), List.of(1.0)))
                    .with(
                        "processes.intake.serviceDays.values", java.util.Arrays.asList(1.0, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rejected by Empirical");
  }

  // --------------------------------------------------------------------------------------- numeric
  // paths

  @Test
  void numericPathsListEveryNumericLeafInDocumentOrder() {
    List<String> paths = ScenarioPaths.numericPaths(BASE);
    assertThat(paths)
        .startsWith(
            "seed",
            "factions.islamic-state.parameters.effectiveness",
            "factions.islamic-state.parameters.morale");
    assertThat(paths)
        .contains(
            "regions.raqqa.population",
            "regions.mosul.forces.iraqi-forces",
            "sources.tunisia.atRiskPool",
            "corridors.tal-abyad.transitDelayDays.mu",
            "corridors.tal-abyad.transitDelayDays.sigma",
            "corridors.tal-abyad.weight",
            "interventions.mosul-offensive.intensity",
            "processes.intake.servers",
            "processes.intake.serviceDays.mean",
            "processes.intake.roles.externalOperations",
            "processes.externalOperations.inspiredMomentumSensitivity");
    assertThat(paths)
        .doesNotContain(
            "id",
            "calendar.end",
            "regions.raqqa.neighbours",
            "corridors.tal-abyad.hub",
            "processes.recruitment.compartmental.transmissionPerYear");
    assertThat(paths)
        .doesNotHaveDuplicates()
        .allSatisfy(p -> assertThat(BASE.get(p)).isInstanceOf(Number.class));
    assertThat(paths.indexOf("regions.raqqa.population"))
        .isLessThan(paths.indexOf("sources.tunisia.atRiskPool"));
  }

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  /**
   * Property: setting one numeric path changes exactly that path, and reading it back gives the
   * value set.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void settingANumericPathChangesThatPathOnly(long seed) {
    Random random = new Random(seed);
    List<String> paths = ScenarioPaths.numericPaths(BASE);
    for (int trial = 0; trial < 10; trial++) {
      String path = paths.get(random.nextInt(paths.size()));
      Object current = BASE.get(path);
      Object value;
      if (current instanceof Integer) {
        value = random.nextInt();
      } else if (current instanceof Long) {
        value = random.nextLong();
      } else {
        value =
            switch (random.nextInt(4)) {
              case 0 -> random.nextDouble();
              case 1 -> -random.nextDouble() * 1e6;
              case 2 -> (double) random.nextInt(1000);
              default -> Math.exp(random.nextGaussian() * 10);
            };
      }
      Scenario changed = BASE.with(path, value);
      assertThat(changed.get(path)).as(path).isEqualTo(value);
      assertThat(ScenarioPaths.numericPaths(changed)).isEqualTo(paths);
      List<String> differing = new ArrayList<>();
      for (String other : paths) {
        if (!other.equals(path) && !BASE.get(other).equals(changed.get(other))) {
          differing.add(other);
        }
      }
      assertThat(differing).as("paths changed by setting " + path).isEmpty();
      assertThat(BASE).isEqualTo(Fixtures.base());
    }
  }
}
