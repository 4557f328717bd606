package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad ABC settings and priors are reported as file:line:col with the field, exit 1, no stack trace.
 */
class AbcFileErrorsTest {
  @TempDir Path tmp;

  @Test
  void badPriorsAndSettingsAreLocated() throws Exception {
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-06-10,2015-06-09,arrivals,,persons,10,20,x\n");
    Path cal = tmp.resolve("bad.yaml");
    Files.writeString(
        cal,
        """
        base: minimal
        replications: 1
        method: abc-smc
        abc: {population: 20, quantil: 0.5}
        parameters:
          - {path: sources.tunisia.annualPropensity, prior: gaussian, min: 0.01, max: 0.06}
          - {path: corridors.tal-abyad.interdiction, prior: log-uniform, min: 0, max: 0.5}
          - {path: processes.intake.servers, prior: normal, sd: 10}
        observed: figures.csv
        targets:
          - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all}
        """);
    CliRun r = CliRun.of("calibrate", cal.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad.yaml:4:23 abc.quantil: unknown key (did you mean \"quantile\"?)")
        .contains("parameters[0].prior: \"gaussian\" is not one of")
        .contains("parameters[1].min: a log-uniform prior needs min > 0, was 0.0")
        .contains("parameters[2]: missing \"mean\"")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void resumeBelongsToAbcSmc() throws Exception {
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-06-10,2015-06-09,arrivals,,persons,10,20,x\n");
    Path cal = tmp.resolve("cma.yaml");
    Files.writeString(
        cal,
        """
        base: minimal
        replications: 1
        parameters:
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.06}
        observed: figures.csv
        targets:
          - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all}
        """);
    CliRun r =
        CliRun.of("calibrate", cal.toString(), "--out", tmp.resolve("o").toString(), "--resume");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--resume applies to method: abc-smc only");
  }
}
