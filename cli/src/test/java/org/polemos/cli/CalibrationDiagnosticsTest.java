package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identifiability flags, and resuming an ABC-SMC run from its last complete generation. */
class CalibrationDiagnosticsTest {
  @TempDir Path tmp;

  /**
   * Territory of the organisation in the short minimal scenario does not depend on the Tunisian
   * propensity or on interdiction (no governorate changes hands in two months at any of their
   * values), arrivals do.
   */
  @Test
  void aTargetNoParameterMovesIsFlagged() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-08-10,2014-08-10,arrivals,,persons,300,300,x\n"
            + "2014-08-10,2014-08-10,territory,,km2,20000,20000,x\n");
    Files.writeString(
        tmp.resolve("cal.yaml"),
        """
        base: minimal-short.yaml
        replications: 1
        budget: 6
        parameters:
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.06}
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        observed: figures.csv
        targets:
          - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all}
          - {quantity: territory, metric: territory_km2, metricKey: islamic-state}
        """);
    Path out = tmp.resolve("out");
    CliRun r =
        CliRun.of(
            "calibrate",
            tmp.resolve("cal.yaml").toString(),
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve("identifiability.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "quantity,key,date_from,date_to,metric,metric_key,max_relative_effect,"
                + "parameter,identifiable");
    assertThat(lines.get(1)).startsWith("arrivals,").endsWith(",yes");
    assertThat(lines.get(2)).startsWith("territory,").endsWith(",0,,no");
    assertThat(r.out()).contains("Not identifiable: territory 2014-08-10..2014-08-10");
  }

  /**
   * Generations 0 and 1 kept, the rest lost (as after Ctrl-C): --resume gives byte-identical
   * outputs.
   */
  @Test
  void aResumedRunEqualsAnUninterruptedOne() throws Exception {
    Path scenario = AbcCalibrationTest.shortMinimal(tmp);
    double observed = AbcCalibrationTest.arrivals(scenario, 0.03, 9);
    AbcCalibrationTest.figures(tmp.resolve("figures.csv"), observed, observed);
    Files.writeString(
        tmp.resolve("cal.yaml"), AbcCalibrationTest.calibration("figures.csv", 30, 4));
    Path full = tmp.resolve("full");
    CliRun r =
        CliRun.of(
            "calibrate",
            tmp.resolve("cal.yaml").toString(),
            "--out",
            full.toString(),
            "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path partial = tmp.resolve("partial");
    Files.createDirectories(partial.resolve("generations"));
    for (String name : List.of("fingerprint.txt", "gen-000.csv", "gen-001.csv")) {
      Files.copy(
          full.resolve("generations").resolve(name), partial.resolve("generations").resolve(name));
    }
    Files.writeString(
        partial.resolve("generations/.gen-002.csv.1234.partial"), "half a generation");
    CliRun resumed =
        CliRun.of(
            "calibrate",
            tmp.resolve("cal.yaml").toString(),
            "--out",
            partial.toString(),
            "--resume",
            "--threads",
            "3");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming after generation 1");
    for (String name :
        List.of(
            "posterior.csv",
            "abc-diagnostics.csv",
            "posterior-summary.csv",
            "generations/gen-003.csv")) {
      assertThat(Files.readAllBytes(partial.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(full.resolve(name)));
    }
    try (Stream<Path> files = Files.list(partial.resolve("generations"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
    // a different calibration refuses to resume there
    Files.writeString(
        tmp.resolve("cal.yaml"), AbcCalibrationTest.calibration("figures.csv", 31, 4));
    CliRun other =
        CliRun.of(
            "calibrate",
            tmp.resolve("cal.yaml").toString(),
            "--out",
            partial.toString(),
            "--resume");
    assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.err()).contains("was made by a different calibration");
  }
}
