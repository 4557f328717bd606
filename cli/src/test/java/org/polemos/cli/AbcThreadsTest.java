package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate --threads T} with {@code method: abc-smc} runs up to T workers (it used to run
 * one whatever T was), and its outputs do not depend on T.
 */
class AbcThreadsTest {
  @TempDir Path tmp;

  private static final String CAL =
      """
      base: minimal-short.yaml
      seed: 5
      replications: 1
      method: abc-smc
      abc: {population: 20, generations: 2}
      parameters:
        - {path: sources.tunisia.annualPropensity, prior: uniform, min: 0.01, max: 0.06}
      observed: figures.csv
      targets:
        - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all, aggregate: at-end}
      """;

  @Test
  void posteriorAndDiagnosticsAreTheSameBytesForOneAndTwoThreads() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-08-10,2014-08-10,arrivals,,persons,500,700,y\n");
    Files.writeString(tmp.resolve("cal.yaml"), CAL);
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    for (String[] run : new String[][] {{"1", one.toString()}, {"2", two.toString()}}) {
      CliRun r =
          CliRun.of(
              "calibrate",
              tmp.resolve("cal.yaml").toString(),
              "--threads",
              run[0],
              "--no-progress",
              "--out",
              run[1]);
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    for (String file :
        new String[] {"posterior.csv", "abc-diagnostics.csv", "identifiability.csv"}) {
      assertThat(Files.readAllBytes(two.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(one.resolve(file)));
    }
  }
}
