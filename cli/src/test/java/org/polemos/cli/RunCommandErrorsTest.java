package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.model.Scenario;

/**
 * What {@code polemos run} writes, and how it refuses bad input: one line, the right exit code, no
 * trace.
 */
class RunCommandErrorsTest {

  @TempDir Path dir;

  private static void assertNoStackTrace(CliRun run) {
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.out()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void writesACompleteRunDirectoryAndTheScenarioItRan() throws Exception {
    Path out = dir.resolve("run");
    CliRun run =
        CliRun.of(
            "run", "minimal", "--seed", "5", "-n", "2", "--out", out.toString(), "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("minimal: 2 replications, seed 5", "Organisation over time (mean of 2");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("series.csv", "events.ndjson", "manifest.json", "scenario.yaml")
          .allMatch(name -> !name.startsWith("."), "no temporary file is left");
    }
    List<String> series = Files.readAllLines(out.resolve("series.csv"));
    assertThat(series.get(0)).isEqualTo("replication,date,metric,key,value");
    assertThat(series.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct())
        .containsExactly("0", "1");
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("seed").asLong()).isEqualTo(5);
    assertThat(manifest.get("replications").asInt()).isEqualTo(2);
    assertThat(manifest.get("command").toString()).contains("\"run\"", "\"minimal\"");
    // The scenario file reproduces the run: same scenario, with the run's seed.
    Scenario ran = new ScenarioReader().read(out.resolve("scenario.yaml"));
    assertThat(ran).isEqualTo(BundledScenarios.load("minimal").with("seed", 5L));
    assertThat(manifest.get("scenarioSha256").asText())
        .isEqualTo(RunCommand.sha256(new org.polemos.io.scenario.ScenarioWriter().toYaml(ran)));
  }

  @Test
  void sameSeedGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(
            CliRun.of(
                    "run", "minimal", "-n", "3", "-t", "1", "--out", a.toString(), "--no-progress")
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of(
                    "run", "minimal", "-n", "3", "-t", "2", "--out", b.toString(), "--no-progress")
                .exitCode())
        .isZero();
    for (String name : List.of("series.csv", "events.ndjson", "scenario.yaml")) {
      assertThat(Files.readAllBytes(b.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
  }

  @Test
  void unknownScenarioIdIsAUsageErrorWithASuggestion() {
    CliRun run = CliRun.of("run", "minmal", "--out", dir.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no bundled scenario \"minmal\" (did you mean \"minimal\"?)");
    assertNoStackTrace(run);
  }

  @Test
  void missingScenarioFileIsNamed() {
    CliRun run = CliRun.of("run", dir.resolve("nothere.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("nothere.yaml: no such file");
    assertNoStackTrace(run);
  }

  @Test
  void invalidScenarioFilePrintsItsDiagnosticsAndWritesNothing() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file, BundledScenarios.source("minimal").replace("areaKm2: 19600 ", "areaKm: 19600  "));
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("run", file.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err())
        .contains("bad.yaml:", "unknown field \"areaKm\" (did you mean \"areaKm2\"?)");
    assertThat(out).doesNotExist();
    assertNoStackTrace(run);
  }

  @Test
  void badCountsAreUsageErrors() {
    CliRun zero = CliRun.of("run", "minimal", "-n", "0");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).contains("--replications must be at least 1, was 0");
    CliRun threads = CliRun.of("run", "minimal", "-t", "0");
    assertThat(threads.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(threads.err()).contains("--threads must be at least 1");
    CliRun text = CliRun.of("run", "minimal", "-n", "many");
    assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(text.err()).contains("many");
    assertNoStackTrace(text);
  }

  @Test
  void refusesANonEmptyOutputDirectory() throws Exception {
    Path out = Files.createDirectories(dir.resolve("used"));
    Files.writeString(out.resolve("series.csv"), "precious");
    CliRun run = CliRun.of("run", "minimal", "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("directory is not empty");
    assertThat(Files.readString(out.resolve("series.csv"))).isEqualTo("precious");
  }

  /**
   * An extension whose mechanism fails in replication 1, as a bug in a developer's mechanism would.
   */
  public static final class FailingModule extends com.google.inject.AbstractModule {
    @Override
    protected void configure() {
      org.polemos.sim.SimulationModule.mechanisms(binder())
          .addBinding("failing")
          .toInstance(
              org.polemos.sim.mechanism.MechanismFactory.of(
                  "failing",
                  scenario ->
                      java.util.Optional.of(
                          new org.polemos.sim.mechanism.Mechanism() {
                            @Override
                            public String name() {
                              return "failing";
                            }

                            @Override
                            public void start(org.polemos.sim.RunContext ctx) {
                              if (ctx.replication() == 1) {
                                throw new IllegalStateException("deliberate failure");
                              }
                            }
                          })));
    }
  }

  @Test
  void aFailedRunLeavesNoDirectoryBehind() throws Exception {
    Path jarRoot = Files.createDirectories(dir.resolve("ext/META-INF/services"));
    Files.writeString(
        jarRoot.resolve("com.google.inject.Module"), FailingModule.class.getName() + "\n");
    Path out = dir.resolve("failed");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    CliRun run;
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {dir.resolve("ext").toUri().toURL()}, original)) {
      thread.setContextClassLoader(loader);
      run =
          CliRun.of(
              "run", "minimal", "-n", "3", "-t", "1", "--out", out.toString(), "--no-progress");
    } finally {
      thread.setContextClassLoader(original);
    }
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    // One line naming the replication and the cause (its class helps the developer whose mechanism
    // failed).
    assertThat(run.err().strip())
        .contains("replication 1 failed", "deliberate failure")
        .doesNotContain("\n", "\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void anObservedFileTheReportCannotReadFailsTheRunBeforeItStarts() throws Exception {
    Path out = dir.resolve("failed");
    // Issue 10: inputs are checked before the simulation, not after it.
    Path observed = dir.resolve("observed.csv");
    Files.writeString(observed, "replication,date,metric,key,value\n0,not-a-date,x,,1\n");
    CliRun run =
        CliRun.of(
            "run",
            "minimal",
            "--out",
            out.toString(),
            "--observed",
            observed.toString(),
            "--no-progress");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("observed.csv:2");
    assertNoStackTrace(run);
    assertThat(out).doesNotExist();
  }

  @Test
  void progressLineSaysRateAndTimeLeft() {
    Progress progress =
        Progress.of(
            false,
            "levant-2014",
            "replications",
            new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(progress.line(120, 1000, 4_000_000_000L))
        .isEqualTo("levant-2014: 120/1000 replications (12%), 30.0/s, about 29 s left");
    assertThat(progress.line(1000, 1000, 4_000_000_000L))
        .isEqualTo("levant-2014: 1000/1000 replications (100%), 250.0/s");
  }
}
