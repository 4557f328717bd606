package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to exhaust time or memory fail within seconds. The JVM running these tests has the
 * default heap; a bomb that were expanded would need gigabytes (10^9 nodes), so finishing at all
 * shows memory stays bounded.
 */
class HostileInputLimitsTest {

  private static final Duration QUICKLY = Duration.ofSeconds(5);
  private final ScenarioReader reader = new ScenarioReader();

  @Test
  void billionLaughsWithTenLevelsFailsQuickly() {
    StringBuilder text =
        new StringBuilder(
            "schemaVersion: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      text.append('l')
          .append(level)
          .append(": &l")
          .append(level)
          .append(" [")
          .append(String.join(", ", Collections.nCopies(10, "*l" + (level - 1))))
          .append("]\n");
    }
    byte[] bytes = text.toString().getBytes(UTF_8);
    assertTimeoutPreemptively(
        QUICKLY,
        () ->
            assertThatThrownBy(() -> reader.read("lol.yaml", bytes))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(
                    "aliases to mappings or lists; the limit guards against alias bombs"));
  }

  @Test
  void aliasesToSingleValuesAreRefused() {
    // Jackson's YAML parser does not report anchors on scalars, so they cannot be resolved:
    // refused, clearly.
    byte[] bytes = "schemaVersion: 1\ns: &s lol\nl: [*s, *s]\n".getBytes(UTF_8);
    assertThatThrownBy(() -> reader.read("scalar-alias.yaml", bytes))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage(
            "scalar-alias.yaml:3:5 l[0]: alias *s refers to no anchor &s on a mapping or list before it "
                + "(anchors on single values are not supported)");
  }

  @Test
  void deepNestingFailsQuicklyInBothFormats() {
    // within the 2 MiB file limit (and, for YAML, the 250,000-character line limit)
    byte[] yaml = ("schemaVersion: 1\nx: " + "{a:\n".repeat(500_000)).getBytes(UTF_8);
    byte[] json = ("{\"x\": " + "[".repeat(2_000_000)).getBytes(UTF_8);
    assertTimeoutPreemptively(
        QUICKLY,
        () -> {
          assertThatThrownBy(() -> reader.read("deep.yaml", yaml))
              .isInstanceOf(ScenarioFileException.class)
              .hasMessageContaining("nests deeper than 64 levels");
          assertThatThrownBy(() -> reader.read("deep.json", json))
              .isInstanceOf(ScenarioFileException.class)
              .hasMessageContaining("nests deeper than 64 levels");
        });
  }

  @Test
  void limitsAreAsDocumented() {
    assertThat(ScenarioReader.MAX_BYTES).isEqualTo(2 * 1024 * 1024);
    assertThat(ScenarioReader.MAX_DEPTH).isEqualTo(64);
    assertThat(ScenarioReader.MAX_ALIASES).isEqualTo(20);
    assertThat(ScenarioReader.MAX_NODES).isEqualTo(1_000_000);
  }

  @Test
  void yamlLookalikeStringsAreQuotedOnWrite() {
    var base = BundledScenarios.load("minimal");
    var renamed =
        new org.polemos.model.Scenario(
            base.id(),
            "yes",
            ".inf",
            base.calendar(),
            base.seed(),
            base.factions(),
            base.regions(),
            base.sources(),
            base.corridors(),
            base.interventions(),
            base.processes(),
            "0x1F");
    String yaml = new ScenarioWriter().toYaml(renamed);
    assertThat(yaml).contains("name: \"yes\"", "description: \".inf\"", "notes: \"0x1F\"");
  }
}
