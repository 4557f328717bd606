package org.polemos.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;

class BundledScenariosTest {

  @Test
  void listsTheBundledScenariosThatExist() {
    assertThat(BundledScenarios.ids()).contains("minimal").doesNotHaveDuplicates();
    assertThat(BundledScenarios.ids())
        .allSatisfy(id -> assertThat(BundledScenarios.exists(id)).isTrue());
  }

  @Test
  void everyBundledScenarioLoadsAndIsNamedAfterItsId() {
    for (String id : BundledScenarios.ids()) {
      Scenario scenario = BundledScenarios.load(id);
      assertThat(scenario.id()).isEqualTo(id);
    }
  }

  @Test
  void minimalHasTheAdvertisedShape() {
    Scenario minimal = BundledScenarios.load("minimal");
    assertThat(minimal.regions()).hasSize(3);
    assertThat(minimal.factions())
        .hasSize(2)
        .anySatisfy(f -> assertThat(f.id()).isEqualTo("islamic-state"));
    assertThat(minimal.sources()).hasSize(1);
    assertThat(minimal.corridors()).hasSize(1);
    assertThat(minimal.interventions()).hasSize(1);
  }

  @Test
  void sourceKeepsComments() {
    assertThat(BundledScenarios.source("minimal")).contains("# ").contains("schemaVersion: 1");
  }

  @Test
  void everyNumberInMinimalIsCommented() {
    for (String line : BundledScenarios.source("minimal").split("\n")) {
      String code = line.split("#", 2)[0];
      if (code.matches(".*:\\s+-?[0-9.]+\\s*$")) {
        assertThat(line).as("a number without a comment").contains("#");
      }
    }
  }

  @Test
  void unknownIdSuggestsTheClosest() {
    assertThatThrownBy(() -> BundledScenarios.load("minmal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "no bundled scenario \"minmal\" (did you mean \"minimal\"?); bundled: ")
        .hasMessageContaining("minimal");
    assertThatThrownBy(() -> BundledScenarios.source("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
