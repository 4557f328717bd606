package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.model.process.FamiliesParameters;
import org.polemos.model.process.FamilyShares;

/**
 * The {@code families} section (issue 13, item 7): read with its defaults, and every bad value of
 * each of its fields a located one-line error (file:line:col path: problem).
 */
class FamiliesSectionTest {
  private final ScenarioReader reader = new ScenarioReader();

  /**
   * The bundled minimal scenario with {@code section} added under {@code processes:} (line 102).
   */
  private static String minimalWith(String section) {
    String text = BundledScenarios.source("minimal");
    assertThat(text.split("\n", -1)[100]).isEqualTo("processes:");
    return text.replace("\nprocesses:\n", "\nprocesses:\n" + section);
  }

  private List<String> errors(String section) {
    Throwable thrown =
        catchThrowable(() -> reader.read("f.yaml", minimalWith(section).getBytes(UTF_8)));
    assertThat(thrown).isInstanceOf(ScenarioFileException.class);
    return ((ScenarioFileException) thrown)
        .diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void theSectionIsReadAndOmittedFieldsTakeTheirDefaults() throws Exception {
    Scenario s =
        reader.read(
            "f.yaml",
            minimalWith(
                    "  families:\n"
                        + "    womenShare: 0.1\n"
                        + "    bySource:\n"
                        + "      tunisia: {womenShare: 0.2, minorsShare: 0.05}\n")
                .getBytes(UTF_8));
    FamiliesParameters p = s.processes().get(FamiliesParameters.class);
    assertThat(p.shares("tunisia")).isEqualTo(new FamilyShares(0.2, 0.05));
    assertThat(p.shares("elsewhere")).isEqualTo(new FamilyShares(0.1, 0));
    assertThat(p.returnPerYear()).isZero();
    assertThat(p.detainedOnCapture()).isZero();
    Scenario older = reader.read("f.yaml", BundledScenarios.source("minimal").getBytes(UTF_8));
    assertThat(older.processes().get(FamiliesParameters.class))
        .isEqualTo(FamiliesParameters.none());
  }

  @Test
  void eachBadValueIsALocatedOneLineError() {
    assertThat(errors("  families:\n    womenShare: 1.2\n"))
        .containsExactly("f.yaml:103:17 processes.families.womenShare: must be in [0, 1], was 1.2");
    assertThat(errors("  families:\n    womenShare: 0.5\n    minorsShare: 0.5\n"))
        .containsExactly(
            "f.yaml:104:18 processes.families.minorsShare: womenShare + minorsShare must be at"
                + " most 0.9 (at least one traveller in ten is a man), was 0.5 + 0.5");
    assertThat(errors("  families:\n    deathsPerYear: -1\n"))
        .containsExactly("f.yaml:103:20 processes.families.deathsPerYear: must be >= 0, was -1");
    assertThat(errors("  families:\n    warExposure: 1000\n"))
        .containsExactly(
            "f.yaml:103:18 processes.families.warExposure: must be <= 100 (a bound that keeps runs"
                + " finite, docs/SCENARIO-FORMAT.md), was 1000");
    assertThat(errors("  families:\n    detainedOnCapture: 2\n"))
        .containsExactly(
            "f.yaml:103:24 processes.families.detainedOnCapture: must be in [0, 1], was 2");
    assertThat(errors("  families:\n    returnPerYear: 366\n"))
        .containsExactly(
            "f.yaml:103:20 processes.families.returnPerYear: must be <= 365 (a bound that keeps"
                + " runs finite, docs/SCENARIO-FORMAT.md), was 366");
    assertThat(
            errors("  families:\n    bySource:\n      tunisa: {womenShare: 0.2, minorsShare: 0}\n"))
        .containsExactly(
            "f.yaml:104:7 processes.families.bySource.tunisa: unknown source \"tunisa\" (did you"
                + " mean \"tunisia\"?)");
    assertThat(errors("  families:\n    bySource:\n      tunisia: {womenShare: 0.2}\n"))
        .hasSize(1)
        .allSatisfy(
            e ->
                assertThat(e)
                    .startsWith("f.yaml:104:")
                    .contains("bySource.tunisia", "minorsShare"));
    assertThat(errors("  families:\n    womenShar: 0.2\n"))
        .containsExactly(
            "f.yaml:103:5 processes.families.womenShar: unknown field \"womenShar\" (did you mean"
                + " \"womenShare\"?)");
  }
}
