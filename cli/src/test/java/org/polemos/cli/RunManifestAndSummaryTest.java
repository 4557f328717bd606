package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.scenario.BundledScenarios;

/**
 * What a run writes about itself: the manifest's build, timing and edit fields; no NaN in summary
 * or console.
 */
class RunManifestAndSummaryTest {
  @TempDir Path tmp;

  private static JsonNode manifest(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
  }

  @Test
  void manifestRecordsCommitJavaWallTimeAndThatTheBundledScenarioWasRunUnedited() throws Exception {
    Path dir = tmp.resolve("base");
    CliRun run =
        CliRun.of(
            "run",
            "minimal",
            "-n",
            "2",
            "--seed",
            "7",
            "--out",
            dir.toString(),
            "--no-progress",
            "--no-report");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = manifest(dir);
    // The tests run from the project's git work tree, so the commit is known.
    assertThat(json.path("gitCommit").asText()).matches("[0-9a-f]{40}(\\+dirty)?");
    assertThat(json.has("codeSha256")).isFalse();
    assertThat(json.path("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(json.path("wallTimeSeconds").isNumber()).isTrue();
    assertThat(json.path("wallTimeSeconds").asDouble()).isPositive().isLessThan(600);
    // A different seed is not an edit: the seed is recorded on its own.
    assertThat(json.path("scenarioEdited").asBoolean(true)).isFalse();
    assertThat(run.out()).startsWith("minimal: 2 replications").doesNotContain("edited");
  }

  @Test
  void anEditedCopyOfABundledScenarioIsMarked() throws Exception {
    // Same content, other formatting: not an edit.
    Path copy =
        Files.writeString(
            tmp.resolve("copy.yaml"), "# my copy\n" + BundledScenarios.source("minimal"));
    Path same = tmp.resolve("same");
    assertThat(
            CliRun.of(
                    "run",
                    copy.toString(),
                    "--out",
                    same.toString(),
                    "--no-progress",
                    "--no-report")
                .exitCode())
        .isZero();
    assertThat(manifest(same).path("scenarioEdited").asBoolean(true)).isFalse();

    Path edited =
        Files.writeString(
            tmp.resolve("edited.yaml"),
            BundledScenarios.source("minimal")
                .replaceFirst("interdiction: 0.1 ", "interdiction: 0.2 "));
    Path dir = tmp.resolve("edited");
    CliRun run =
        CliRun.of(
            "run", edited.toString(), "--out", dir.toString(), "--no-progress", "--no-report");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(manifest(dir).path("scenarioEdited").asBoolean(false)).isTrue();
    assertThat(run.out())
        .startsWith("minimal (edited: differs from the bundled minimal): 1 replication");

    Path set = tmp.resolve("set");
    CliRun variant =
        CliRun.of(
            "run",
            "minimal",
            "--set",
            "corridors.tal-abyad.interdiction=0.6",
            "--out",
            set.toString(),
            "--no-progress",
            "--no-report");
    assertThat(variant.exitCode()).isZero();
    assertThat(manifest(set).path("scenarioEdited").asBoolean(false)).isTrue();
  }

  @Test
  void summaryHasNoEmptyCellsAndTheConsoleNoNaN() throws Exception {
    Path dir = tmp.resolve("run");
    CliRun run =
        CliRun.of(
            "run", "minimal", "-n", "3", "--out", dir.toString(), "--no-progress", "--no-report");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary).hasSizeGreaterThan(100);
    assertThat(summary.stream().skip(1))
        .allSatisfy(
            line -> {
              assertThat(line).doesNotContain("NaN");
              assertThat(Integer.parseInt(line.split(",", -1)[3])).isBetween(1, 3);
            });
    // intake_wait_days_mean has no value on the first date (nobody has entered intake yet): no row
    // then.
    List<String> series = Files.readAllLines(dir.resolve("series.csv"));
    String first = series.get(1).split(",")[1];
    assertThat(series)
        .anyMatch(l -> l.contains("," + first + ",intake_wait_days_mean,") && l.endsWith(",NaN"));
    assertThat(summary).noneMatch(l -> l.startsWith(first + ",intake_wait_days_mean,"));
    assertThat(summary).anyMatch(l -> l.contains(",intake_wait_days_mean,"));
    assertThat(run.out()).doesNotContain("NaN");
  }
}
