package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment files report every problem in one go, metric names included; a sensitivity study that
 * fails while running leaves no empty directory; a --set that makes the scenario invalid is
 * reported in the user's terms.
 */
class ExperimentFileProblemsTest {
  @TempDir Path tmp;

  private CliRun run(String command, String yaml) throws Exception {
    Path file = Files.writeString(tmp.resolve(command + ".yaml"), yaml);
    return CliRun.of(
        command,
        file.toString(),
        "--out",
        tmp.resolve(command + "-out").toString(),
        "--no-progress");
  }

  @Test
  void sweepReportsAPathTypoAndAMetricTypoTogether() throws Exception {
    CliRun r =
        run(
            "sweep",
            """
        base: minimal
        replications: 1
        parameters:
          - path: corridors.tal-abyd.interdiction
            values: [0.1, 0.2]
        metrics: [foreign_arrivals_cumulative, teritory_km2]
        """);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            "sweep.yaml:4:11 parameters[0].path:",
            "did you mean \"tal-abyad\"",
            "sweep.yaml:6:40 metrics[1]: unknown metric \"teritory_km2\" (did you mean \"territory_km2\"?)");
    assertThat(tmp.resolve("sweep-out")).doesNotExist();
  }

  @Test
  void sensitivityReportsAPathTypoAndAMetricTypoTogether() throws Exception {
    CliRun r =
        run(
            "sensitivity",
            """
        base: minimal
        replications: 1
        trajectories: 2
        parameters:
          - {path: corridors.tal-abyd.interdiction, min: 0.1, max: 0.5}
        outputs:
          - {metric: foreign_arivals_cumulative, key: all}
        """);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            "parameters[0].path:",
            "did you mean \"tal-abyad\"",
            "outputs[0].metric: unknown metric \"foreign_arivals_cumulative\"");
    assertThat(r.err().lines().count()).isEqualTo(2);
  }

  @Test
  void calibrationReportsAPathTypoAndAMetricTypoTogether() throws Exception {
    Files.copy(
        Path.of(System.getProperty("polemos.root", ".."), "examples", "public-figures.csv"),
        tmp.resolve("public-figures.csv"));
    CliRun r =
        run(
            "calibrate",
            """
        base: minimal
        replications: 1
        budget: 4
        parameters:
          - {path: sources.tunisa.annualPropensity, min: 0.01, max: 0.05}
        observed: public-figures.csv
        targets:
          - {quantity: foreign_fighters_cumulative, metric: foreign_arrival_cumulative, metricKey: all,
             aggregate: at-end}
        """);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            "parameters[0].path:",
            "did you mean \"tunisia\"",
            "targets[0].metric: unknown metric \"foreign_arrival_cumulative\"");
  }

  @Test
  void aSensitivityStudyThatFailsWhileRunningLeavesNoDirectory() throws Exception {
    // Interdiction above 1 is invalid: the first design point beyond it stops the study.
    CliRun r =
        run(
            "sensitivity",
            """
        base: minimal
        replications: 1
        trajectories: 2
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0.5, max: 3.0}
        outputs:
          - {metric: foreign_arrivals_cumulative, key: all}
        """);
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("gives an invalid scenario");
    assertThat(tmp.resolve("sensitivity-out")).doesNotExist();
  }

  @Test
  void anInvalidSetIsReportedWithTheCommandAndTheIdsTheUserWrote() {
    CliRun r =
        CliRun.of(
            "run",
            "minimal",
            "--set",
            "corridors.tal-abyad.interdiction=1.5",
            "--out",
            tmp.resolve("set").toString(),
            "--no-progress");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .startsWith(
            "polemos run: --set corridors.tal-abyad.interdiction=1.5:"
                + " corridors.tal-abyad.interdiction: must be in [0, 1]")
        .doesNotContain("corridors[0]");
    assertThat(tmp.resolve("set")).doesNotExist();
  }
}
