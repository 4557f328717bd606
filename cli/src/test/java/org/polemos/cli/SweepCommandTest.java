package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepCommandTest {
  @TempDir Path tmp;

  private static final String GRID =
      """
      base: minimal
      seed: 3
      replications: 3
      parameters:
        - path: corridors.tal-abyad.interdiction
          values: [0.05, 0.3]
        - path: processes.intake.servers
          range: {from: 250, to: 750, step: 250}
      metrics: [foreign_arrivals_cumulative, territory_km2]
      """;

  private Path file(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  /**
   * Interrupted after k points, then resumed: every output is byte-identical to an uninterrupted
   * sweep.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void resumedSweepEqualsUninterruptedOne(int stopAfter) throws Exception {
    Path sweep = file("grid.yaml", GRID);
    Path whole = tmp.resolve("whole");
    Path broken = tmp.resolve("broken");
    assertThat(
            CliRun.of("sweep", sweep.toString(), "--out", whole.toString(), "--no-progress")
                .exitCode())
        .isZero();
    CliRun killed =
        CliRun.of(
            "sweep",
            sweep.toString(),
            "--out",
            broken.toString(),
            "--no-progress",
            "--stop-after-points",
            "" + stopAfter,
            "--threads",
            "2");
    assertThat(killed.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(broken.resolve("sweep.csv")).doesNotExist();
    CliRun resumed =
        CliRun.of(
            "sweep", sweep.toString(), "--out", broken.toString(), "--resume", "--no-progress");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains(stopAfter + " of 6 points already done");
    assertThat(resumed.out())
        .contains("(" + (6 - stopAfter) + " run now, " + stopAfter + " resumed)");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(whole)) {
      files = walk.filter(Files::isRegularFile).map(whole::relativize).toList();
    }
    assertThat(files)
        .contains(Path.of("sweep.csv"), Path.of("points.csv"), Path.of("points/5/summary.csv"));
    for (Path f : files) {
      if (!f.toString().equals(SweepCommand.CHECKPOINT)) {
        assertThat(Files.readAllBytes(broken.resolve(f)))
            .as(f.toString())
            .isEqualTo(Files.readAllBytes(whole.resolve(f)));
      }
    }
    assertThat(Files.readAllLines(broken.resolve("checkpoint.log")))
        .hasSize(7)
        .doesNotHaveDuplicates();
    List<String> sweepCsv = Files.readAllLines(whole.resolve("sweep.csv"));
    assertThat(sweepCsv.get(0))
        .isEqualTo(
            "point,corridors.tal-abyad.interdiction,processes.intake.servers,metric,"
                + "key,date,mean,ci_low,ci_high");
    assertThat(Files.readAllLines(whole.resolve("points.csv")))
        .containsExactly(
            "point,corridors.tal-abyad.interdiction,processes.intake.servers",
            "0,0.05,250",
            "1,0.05,500",
            "2,0.05,750",
            "3,0.3,250",
            "4,0.3,500",
            "5,0.3,750");
  }

  @Test
  void resumingWithADifferentSweepIsRefused() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(
            CliRun.of(
                    "sweep",
                    file("a.yaml", GRID).toString(),
                    "--out",
                    out.toString(),
                    "--no-progress",
                    "--stop-after-points",
                    "1")
                .exitCode())
        .isEqualTo(ExitCodes.FAILURE);
    CliRun other =
        CliRun.of(
            "sweep",
            file("b.yaml", GRID.replace("seed: 3", "seed: 4")).toString(),
            "--out",
            out.toString(),
            "--resume",
            "--no-progress");
    assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.err()).contains("different sweep");
  }

  @Test
  void latinHypercubeSweepRuns() throws Exception {
    Path sweep =
        file(
            "lhs.yaml",
            """
        base: minimal
        replications: 2
        design: {type: latin-hypercube, points: 4, seed: 9}
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0, max: 0.5}
        metrics: [territory_km2]
        """);
    Path out = tmp.resolve("lhs");
    CliRun r = CliRun.of("sweep", sweep.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("points.csv"))).hasSize(5);
  }

  @Test
  void problemsAreReportedWithFileLineAndColumn() throws Exception {
    Path sweep =
        file(
            "bad.yaml",
            """
        base: minimal
        replications: 2
        parameters:
          - path: corridors.tal-abyd.interdiction
            values: [0.1]
          - path: processes.intake.servers
            range: {from: 10, to: 5, step: 1}
        metrix: []
        """);
    CliRun r = CliRun.of("sweep", sweep.toString(), "--out", tmp.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad.yaml:4:11 parameters[0].path:")
        .contains("did you mean \"tal-abyad\"")
        .contains("bad.yaml:7:27 parameters[1].range.to:")
        .contains("bad.yaml:8:1 metrix: unknown key (did you mean " + "\"metrics\"?)")
        .doesNotContain("Exception");
    Path unknownMetric = file("metric.yaml", GRID.replace("territory_km2]", "territory_km]"));
    CliRun m = CliRun.of("sweep", unknownMetric.toString(), "--out", tmp.resolve("y").toString());
    assertThat(m.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(m.err())
        .contains("unknown metric \"territory_km\" (did you mean \"territory_km2\"?)");
  }

  /**
   * Issue 10: resume verifies what it trusts. A point logged done whose summary was deleted, or
   * truncated at a line boundary (so that it still parses), is run again and logged once; the
   * outputs equal an uninterrupted sweep's.
   */
  @Test
  void resumeRedoesPointsWhoseSummaryIsMissingOrDamaged() throws Exception {
    Path sweep = file("grid.yaml", GRID);
    Path whole = tmp.resolve("whole");
    Path tampered = tmp.resolve("tampered");
    assertThat(
            CliRun.of("sweep", sweep.toString(), "--out", whole.toString(), "--no-progress")
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of(
                    "sweep",
                    sweep.toString(),
                    "--out",
                    tampered.toString(),
                    "--no-progress",
                    "--stop-after-points",
                    "5")
                .exitCode())
        .isEqualTo(ExitCodes.FAILURE);
    Files.delete(tampered.resolve("points/2/summary.csv"));
    Path four = tampered.resolve("points/4/summary.csv");
    List<String> lines = Files.readAllLines(four);
    Files.write(four, lines.subList(0, lines.size() / 2));
    CliRun resumed =
        CliRun.of(
            "sweep", sweep.toString(), "--out", tampered.toString(), "--resume", "--no-progress");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err())
        .contains(
            "points 2, 4 logged done but their summaries are missing or damaged;"
                + " running them again")
        .contains("3 of 6 points already done");
    List<String> log = Files.readAllLines(tampered.resolve(SweepCommand.CHECKPOINT));
    assertThat(log).hasSize(7);
    for (int i = 0; i < 6; i++) {
      String prefix = "point " + i + " done ";
      assertThat(log).filteredOn(l -> l.startsWith(prefix)).hasSize(1);
    }
    for (String f :
        List.of("sweep.csv", "points.csv", "points/2/summary.csv", "points/4/summary.csv")) {
      assertThat(Files.readAllBytes(tampered.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(whole.resolve(f)));
    }
  }
}
