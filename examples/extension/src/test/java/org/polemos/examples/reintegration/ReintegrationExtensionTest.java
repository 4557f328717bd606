package org.polemos.examples.reintegration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.Guice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.cli.Main;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;

/**
 * The example extension used as a researcher would: from a scenario file, the command line and a
 * sweep.
 */
class ReintegrationExtensionTest {
  @TempDir Path tmp;

  /**
   * The bundled minimal scenario with {@code section} added under {@code processes:} (from line
   * 102).
   */
  private static String minimalWith(String section) {
    String text = BundledScenarios.source("minimal");
    assertThat(text.split("\n", -1)[100]).isEqualTo("processes:");
    return text.replace("\nprocesses:\n", "\nprocesses:\n" + section);
  }

  private static int cli(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    int code = cmd.execute(args);
    assertThat(err.toString()).as("standard error").doesNotContain("Exception");
    return code;
  }

  @Test
  void aTypoInTheExtensionsParametersIsLocatedWithADidYouMean() {
    String text =
        minimalWith("  reintegration:\n    placesPerYer: 500\n    completionShare: 0.6\n");
    Throwable thrown =
        catchThrowable(() -> new ScenarioReader().read("typo.yaml", text.getBytes(UTF_8)));
    assertThat(thrown).isInstanceOf(ScenarioFileException.class);
    assertThat(((ScenarioFileException) thrown).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "typo.yaml:103:5 processes.reintegration.placesPerYer: unknown field \"placesPerYer\""
                + " (did you mean \"placesPerYear\"?)");
  }

  @Test
  void aBadValueIsLocatedAndTheSectionIsRead() {
    String bad =
        minimalWith("  reintegration:\n    placesPerYear: 500\n    completionShare: 1.5\n");
    Throwable thrown =
        catchThrowable(() -> new ScenarioReader().read("bad.yaml", bad.getBytes(UTF_8)));
    assertThat(((ScenarioFileException) thrown).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "bad.yaml:104:22 processes.reintegration.completionShare: must be in [0, 1], was 1.5");
    String good =
        minimalWith("  reintegration:\n    placesPerYear: 500\n    completionShare: 0.6\n");
    Scenario s = new ScenarioReader().read("good.yaml", good.getBytes(UTF_8));
    assertThat(s.processes().get(ReintegrationParameters.class))
        .isEqualTo(new ReintegrationParameters(500, 0.6));
  }

  /** Collects the rows of one metric. */
  private static final class Rows implements RunListener {
    final Map<LocalDate, Map<String, Double>> byDate = new LinkedHashMap<>();
    final List<String> metrics = new ArrayList<>();

    @Override
    public void series(int replication, LocalDate date, String metric, String key, double value) {
      if (!metrics.contains(metric)) {
        metrics.add(metric);
      }
      if (metric.equals(ReintegrationModule.METRIC)) {
        byDate.computeIfAbsent(date, d -> new LinkedHashMap<>()).put(key, value);
      }
    }

    @Override
    public void event(EventRecord event) {}
  }

  @Test
  void everyEligibleReturneeIsWaitingCompletedOrNotAtEverySample() {
    Scenario base = BundledScenarios.load("minimal");
    Engine engine =
        Guice.createInjector(new SimulationModule(), new ReintegrationModule())
            .getInstance(Engine.class);
    for (double places : new double[] {0, 50, 100_000}) {
      Rows rows = new Rows();
      engine.run(
          base.with("processes.reintegration.placesPerYear", places), 0, RandomStreams.of(3), rows);
      assertThat(rows.byDate).isNotEmpty();
      rows.byDate
          .values()
          .forEach(
              v ->
                  assertThat(v.get("waiting") + v.get("completed") + v.get("not_completed"))
                      .isEqualTo(v.get("eligible")));
      Map<String, Double> last = rows.byDate.values().stream().reduce((a, b) -> b).orElseThrow();
      assertThat(last.get("eligible")).as("the scenario has returnees to enrol").isPositive();
      if (places == 0) {
        assertThat(last.get("completed") + last.get("not_completed")).isZero();
      }
    }
  }

  @Test
  void theMetricAppearsInSeriesCsvAndTheParameterIsSetFromTheCommandLine() throws Exception {
    Path out = tmp.resolve("run");
    assertThat(
            cli(
                "run",
                "minimal",
                "-n",
                "2",
                "--set",
                "processes.reintegration.placesPerYear=200",
                "--out",
                out.toString(),
                "--no-progress",
                "--no-report"))
        .isZero();
    List<String> lines = Files.readAllLines(out.resolve("series.csv"));
    assertThat(lines).anyMatch(l -> l.contains(",reintegration,completed,"));
    assertThat(Files.readString(out.resolve("scenario.yaml")))
        .contains("  reintegration:\n    placesPerYear: 200.0");
  }

  @Test
  void aSweepOverTheExtensionsParameterPathRunsEveryPoint() throws Exception {
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            String.join(
                "\n",
                "base: minimal",
                "seed: 1",
                "replications: 2",
                "parameters:",
                "  - path: processes.reintegration.placesPerYear",
                "    values: [0, 1000]",
                "metrics: [reintegration]",
                ""));
    Path out = tmp.resolve("sweep");
    assertThat(cli("sweep", sweep.toString(), "--out", out.toString(), "--no-progress")).isZero();
    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(rows.get(0))
        .startsWith("point,processes.reintegration.placesPerYear,metric,key,date,mean");
    // with no places nobody completes; with 1,000 places a year somebody does by the end
    double[] completedAtEnd = new double[2];
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      if (f[2].equals("reintegration") && f[3].equals("completed")) {
        completedAtEnd[Integer.parseInt(f[0])] = Double.parseDouble(f[5]);
      }
    }
    assertThat(completedAtEnd[0]).isZero();
    assertThat(completedAtEnd[1]).isPositive();
  }
}
