package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicationOutputsTest {
  @TempDir Path tmp;

  /** N = 5 replications on 1 and on 2 threads (N not a multiple of T) give the same bytes. */
  @ParameterizedTest
  @CsvSource({"5, 2", "7, 3"})
  void outputsAreByteIdenticalForAnyThreadCount(int n, int threads) throws Exception {
    Path one = tmp.resolve("t1");
    Path many = tmp.resolve("t" + threads);
    assertThat(
            CliRun.of(
                    "run",
                    "minimal",
                    "-n",
                    "" + n,
                    "-t",
                    "1",
                    "--out",
                    one.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of(
                    "run",
                    "minimal",
                    "-n",
                    "" + n,
                    "-t",
                    "" + threads,
                    "--out",
                    many.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    for (String file : List.of("series.csv", "summary.csv", "events.ndjson")) {
      assertThat(Files.readAllBytes(many.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(one.resolve(file)));
    }
  }

  @Test
  void summaryCoversEveryReplicationAndKeepSeriesLimitsTheRows() throws Exception {
    Path dir = tmp.resolve("run");
    CliRun run =
        CliRun.of(
            "run",
            "minimal",
            "-n",
            "6",
            "--keep-series",
            "2",
            "--out",
            dir.toString(),
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary.get(0)).isEqualTo("date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95");
    assertThat(summary.get(1).split(",")[3]).isEqualTo("6");
    List<String> series = Files.readAllLines(dir.resolve("series.csv"));
    assertThat(series.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
        .containsExactly("0", "1");
    assertThat(Files.readString(dir.resolve("manifest.json")))
        .contains("\"summary\" : \"summary.csv\"");
  }

  @Test
  void setChangesAParameterAndABadPathIsAUsageError() throws Exception {
    Path dir = tmp.resolve("set");
    assertThat(
            CliRun.of(
                    "run",
                    "minimal",
                    "--set",
                    "corridors.tal-abyad.interdiction=0.6",
                    "--out",
                    dir.toString(),
                    "--no-progress")
                .exitCode())
        .isZero();
    assertThat(Files.readString(dir.resolve("scenario.yaml"))).contains("interdiction: 0.6");
    CliRun bad =
        CliRun.of(
            "run",
            "minimal",
            "--set",
            "corridors.tal-abyd.interdiction=0.6",
            "--out",
            tmp.resolve("bad").toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("did you mean \"tal-abyad\"");
  }
}
