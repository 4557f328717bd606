package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresentationTest {
  @TempDir Path tmp;

  private static Path bundledScenario(Path dir) throws Exception {
    Path file = dir.resolve("scenario.yaml");
    try (var in =
        Presentation.class.getResourceAsStream("/org/polemos/io/scenarios/levant-2014.yaml")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void levantHasAPlaceOnTheMapForEveryRegionAndHubAndDistinctFactionColours() throws Exception {
    Presentation levant = Presentation.forRun(tmp, "levant-2014");
    Geography geography = Geography.read(bundledScenario(tmp));
    assertThat(geography.regions()).hasSize(31);
    for (Geography.Region region : geography.regions()) {
      assertThat(levant.regions()).as(region.id()).containsKey(region.id());
    }
    for (Geography.Corridor corridor : geography.corridors()) {
      assertThat(levant.hubs()).as(corridor.id()).containsKey(corridor.hub());
    }
    assertThat(new HashSet<>(levant.colours().values())).hasSize(levant.colours().size());
    assertThat(levant.organisation()).isEqualTo("islamic-state");
    assertThat(levant.limitations()).isNotEmpty();
    assertThat(levant.limitationsFrom()).contains("docs/scenarios/levant-2014.md");
    assertThat(levant.figures()).isNotEmpty();
  }

  @Test
  void aScenarioWithoutPresentationGetsDefaults() throws Exception {
    Presentation none = Presentation.forRun(tmp, "minimal");
    assertThat(none.colours()).isEmpty();
    assertThat(none.figures()).isEmpty();
    assertThat(Presentation.forRun(tmp, "../levant-2014").regions()).isEmpty();
  }

  @Test
  void aRunDirectorysPresentationWinsAndIsChecked() throws Exception {
    Files.writeString(
        tmp.resolve("presentation.yaml"),
        "colours: {a: \"#010203\"}\nmap: {regions: {r: [40, 35]}}\n");
    Presentation local = Presentation.forRun(tmp, "levant-2014");
    assertThat(local.colours()).containsEntry("a", "#010203");
    assertThat(local.figures()).isEmpty();
    Files.writeString(tmp.resolve("presentation.yaml"), "colours: {a: red}\n");
    assertThatThrownBy(() -> Presentation.forRun(tmp, "x"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("colours.a: 'red' is not a colour");
    Files.writeString(tmp.resolve("presentation.yaml"), "map: {regions: {r: [400, 35]}}\n");
    assertThatThrownBy(() -> Presentation.forRun(tmp, "x"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("map.regions.r: expected [longitude, latitude]");
  }

  @Test
  void theReportCodeHoldsNoScenarioSpecificIds() throws Exception {
    Set<String> offenders = new HashSet<>();
    try (var files = Files.walk(Path.of("src/main/java/org/polemos/io/report"))) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String text = Files.readString(file);
        for (String id :
            new String[] {"islamic-state", "iraqi-forces", "levant-2014", "kurdish-forces"}) {
          if (text.contains("\"" + id + "\"")) {
            offenders.add(file.getFileName() + ": " + id);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
