package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCommandTest {
  @TempDir Path tmp;

  /**
   * The border tightening of the minimal scenario starts on 2015-01-01, so arrivals up to
   * 2014-12-10 cannot depend on its intensity: Morris must rank it last with mu* exactly 0 (common
   * random numbers make it exact).
   */
  @Test
  void morrisRanksAParameterWithNoEffectLastWithZeroMuStar() throws Exception {
    Path sens = tmp.resolve("sens.yaml");
    Files.writeString(
        sens,
        """
        base: minimal
        seed: 1
        replications: 2
        trajectories: 5
        levels: 4
        parameters:
          - {path: interventions.border-tightening.intensity, min: 0.0, max: 0.6}
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.05}
        outputs:
          - {metric: foreign_arrivals_cumulative, key: all, date: 2014-12-10}
        """);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sensitivity", sens.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("morris.csv"));
    assertThat(rows.get(0))
        .isEqualTo(
            "metric,key,date,parameter,mu,mu_star,sigma,rank,mu_star_low,mu_star_high,mu_star_half");
    assertThat(rows).hasSize(4);
    String[] last = rows.get(3).split(",");
    assertThat(last[3]).isEqualTo("interventions.border-tightening.intensity");
    assertThat(last[5]).isEqualTo("0");
    assertThat(last[7]).isEqualTo("3");
    // a parameter with no effect: its bootstrap interval and its half-design mu* are exactly 0
    assertThat(last[8]).isEqualTo("0");
    assertThat(last[9]).isEqualTo("0");
    assertThat(last[10]).isEqualTo("0");
    String[] first = rows.get(1).split(",");
    assertThat(Double.parseDouble(first[5]))
        .isBetween(Double.parseDouble(first[8]), Double.parseDouble(first[9]));
    assertThat(Double.parseDouble(rows.get(1).split(",")[5])).isPositive();
    assertThat(Files.readAllLines(out.resolve("design.csv"))).hasSize(1 + 5 * 4);
  }

  @Test
  void badOutputsAreReportedWithTheirLocation() throws Exception {
    Path sens = tmp.resolve("bad.yaml");
    Files.writeString(
        sens,
        """
        base: minimal
        replications: 1
        trajectories: 2
        levels: 3
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0.5, max: 0.1}
        outputs:
          - {metric: territory, key: islamic-state, date: 2020-01-01}
        """);
    CliRun r = CliRun.of("sensitivity", sens.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad.yaml:4:9 levels: levels must be even")
        .contains("parameters[0].max: max (0.1) must be greater than min (0.5)")
        .contains("outputs[0].date: date 2020-01-01 is outside the scenario's calendar");
  }

  /**
   * Sobol on the same file: the border tightening cannot change arrivals up to 2014-12-10, so its
   * A_B outputs equal the A outputs and both of its indices are exactly 0 (common random numbers),
   * ranked last.
   */
  @Test
  void sobolGivesAParameterWithNoEffectZeroIndices() throws Exception {
    Path sens = tmp.resolve("sobol.yaml");
    Files.writeString(
        sens,
        """
        base: minimal
        seed: 1
        replications: 2
        method: sobol
        samples: 8
        designSeed: 3
        parameters:
          - {path: interventions.border-tightening.intensity, min: 0.0, max: 0.6}
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.05}
        outputs:
          - {metric: foreign_arrivals_cumulative, key: all, date: 2014-12-10}
        """);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sensitivity", sens.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Sobol, 8 base samples over 3 parameters = 40 points x 2 replications");
    List<String> rows = Files.readAllLines(out.resolve("sobol.csv"));
    assertThat(rows.get(0))
        .isEqualTo(
            "metric,key,date,parameter,s1,st,rank,s1_low,s1_high,st_low,st_high,s1_half,st_half");
    assertThat(rows).hasSize(4);
    String[] last = rows.get(3).split(",");
    assertThat(last[3]).isEqualTo("interventions.border-tightening.intensity");
    assertThat(Double.parseDouble(last[4])).isZero();
    assertThat(Double.parseDouble(last[5])).isZero();
    assertThat(last[6]).isEqualTo("3");
    assertThat(Double.parseDouble(rows.get(1).split(",")[5])).isPositive();
    // no effect: every interval bound and the half-sample indices are 0
    for (int c = 7; c <= 12; c++) {
      assertThat(Double.parseDouble(last[c])).as("column %d", c).isZero();
    }
    assertThat(Files.readAllLines(out.resolve("design.csv"))).hasSize(1 + 8 * 5);
    assertThat(Files.exists(out.resolve("morris.csv"))).isFalse();
  }

  @Test
  void badSobolValuesAreReportedWithTheirLocation() throws Exception {
    Path sens = tmp.resolve("bad-sobol.yaml");
    Files.writeString(
        sens,
        """
        base: minimal
        replications: 1
        method: sobol
        samples: 1
        trajectories: 4
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        outputs:
          - {metric: territory_km2, key: islamic-state}
        """);
    CliRun r = CliRun.of("sensitivity", sens.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad-sobol.yaml:4:10 samples: must be at least 2, was 1")
        .contains(
            "bad-sobol.yaml:5:15 trajectories: trajectories is for method: morris; Sobol uses samples");

    Files.writeString(
        sens,
        """
        base: minimal
        replications: 1
        method: sobel
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        outputs:
          - {metric: territory_km2, key: islamic-state}
        """);
    r = CliRun.of("sensitivity", sens.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad-sobol.yaml:3:9 method: \"sobel\" is not one of morris, sobol")
        .contains("sobol")
        .doesNotContain("trajectories");

    Files.writeString(
        sens,
        """
        base: minimal
        replications: 1
        method: sobol
        parameters:
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        outputs:
          - {metric: territory_km2, key: islamic-state}
        """);
    r = CliRun.of("sensitivity", sens.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("missing \"samples\"");
  }
}
