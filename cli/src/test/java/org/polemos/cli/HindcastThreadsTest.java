package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hindcast --threads T} runs T workers, and its outputs do not depend on T. */
class HindcastThreadsTest {
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

  private CliRun hindcast(String threads, String... more) throws Exception {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "hindcast",
                tmp.resolve("cal.yaml").toString(),
                "--cutoff",
                "2014-07-31",
                "--draws",
                "8",
                "--threads",
                threads,
                "--no-progress"));
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void outputsAreTheSameBytesForOneAndTwoThreads() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-07-10,2014-07-10,arrivals,,persons,300,300,x\n"
            + "2014-08-10,2014-08-10,arrivals,,persons,500,700,y\n");
    Files.writeString(tmp.resolve("cal.yaml"), CAL);
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    CliRun r1 = hindcast("1", "--out", one.toString());
    CliRun r2 = hindcast("2", "--out", two.toString());
    assertThat(r1.exitCode()).as(r1.err()).isZero();
    assertThat(r2.exitCode()).as(r2.err()).isZero();
    for (String file :
        new String[] {
          "hindcast.csv",
          "hindcast-in-sample.csv",
          PosteriorRuns.DRAWS,
          "calibration/posterior.csv",
          "calibration/identifiability.csv"
        }) {
      assertThat(Files.readAllBytes(two.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(one.resolve(file)));
    }
    // The worker count is recorded by a shard: --threads 2 runs two workers (it used to run one).
    Path shard = tmp.resolve("shard");
    CliRun s = hindcast("2", "--shard", "0/1", "--out", shard.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(Files.readString(shard.resolve("shard.json"))).contains("\"threads\" : 2");
  }
}
