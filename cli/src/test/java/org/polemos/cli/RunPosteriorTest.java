package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPosteriorTest {
  @TempDir Path tmp;

  private Path posterior() throws Exception {
    Path file = tmp.resolve("posterior.csv");
    Files.writeString(
        file,
        """
        weight,sources.tunisia.annualPropensity,corridors.tal-abyad.interdiction
        0.5,0.01,0.05
        0.3,0.03,0.2
        0.2,0.06,0.4
        """);
    return file;
  }

  @Test
  void outputsAreByteIdenticalForOneTwoAndThreeThreads() throws Exception {
    Path posterior = posterior();
    byte[][] first = null;
    for (int threads = 1; threads <= 3; threads++) {
      Path out = tmp.resolve("t" + threads);
      CliRun r =
          CliRun.of(
              "run",
              "minimal",
              "-n",
              "12",
              "--threads",
              String.valueOf(threads),
              "--posterior",
              posterior.toString(),
              "--out",
              out.toString(),
              "--no-progress",
              "--no-report");
      assertThat(r.exitCode()).as(r.err()).isZero();
      byte[][] files = {
        Files.readAllBytes(out.resolve("series.csv")),
        Files.readAllBytes(out.resolve("summary.csv")),
        Files.readAllBytes(out.resolve("events.ndjson")),
        Files.readAllBytes(out.resolve("posterior-draws.csv"))
      };
      if (first == null) {
        first = files;
      } else {
        for (int f = 0; f < files.length; f++) {
          assertThat(files[f]).as("file %d with %d threads", f, threads).isEqualTo(first[f]);
        }
      }
    }
  }

  /**
   * Which set each replication used is recorded, the sets are drawn by weight, and each replication
   * ran its set.
   */
  @Test
  void eachReplicationRunsTheRecordedParameterSet() throws Exception {
    Path out = tmp.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            "minimal",
            "-n",
            "60",
            "--threads",
            "2",
            "--posterior",
            posterior().toString(),
            "--out",
            out.toString(),
            "--no-progress",
            "--no-report");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> draws = Files.readAllLines(out.resolve("posterior-draws.csv"));
    assertThat(draws.get(0))
        .isEqualTo(
            "replication,row,sources.tunisia.annualPropensity,"
                + "corridors.tal-abyad.interdiction");
    assertThat(draws).hasSize(61);
    int[] counts = new int[4];
    Set<String> arrivalsByRow = new HashSet<>();
    List<String> series = Files.readAllLines(out.resolve("series.csv"));
    for (int i = 1; i < draws.size(); i++) {
      String[] f = draws.get(i).split(",");
      int row = Integer.parseInt(f[1]);
      counts[row]++;
      assertThat(f[2]).isEqualTo(new String[] {"", "0.01", "0.03", "0.06"}[row]);
      // the final arrivals of this replication, with its row: higher propensity, more arrivals
      String last =
          series.stream()
              .filter(l -> l.startsWith(f[0] + ",2015-06-09,foreign_arrivals_cumulative,all,"))
              .findFirst()
              .orElseThrow();
      arrivalsByRow.add(row + ":" + last.substring(last.lastIndexOf(',') + 1));
    }
    // 60 draws with weights 0.5/0.3/0.2: every row drawn (probability of missing one below 1e-5)
    assertThat(counts[1]).isGreaterThan(counts[3]);
    assertThat(counts[1] + counts[2] + counts[3]).isEqualTo(60);
    assertThat(counts[3]).isPositive();
    double maxRow1 =
        arrivalsByRow.stream()
            .filter(s -> s.startsWith("1:"))
            .mapToDouble(s -> Double.parseDouble(s.substring(2)))
            .max()
            .orElseThrow();
    double minRow3 =
        arrivalsByRow.stream()
            .filter(s -> s.startsWith("3:"))
            .mapToDouble(s -> Double.parseDouble(s.substring(2)))
            .min()
            .orElseThrow();
    assertThat(minRow3).isGreaterThan(maxRow1);
    assertThat(Files.readString(out.resolve("manifest.json"))).contains("posterior-draws.csv");
  }

  @Test
  void aBadPosteriorFileIsOneLocatedLine() throws Exception {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, "weight,sources.tunisia.annualPropensity\n1,0.02\nx,0.03\n");
    CliRun r =
        CliRun.of(
            "run",
            "minimal",
            "--posterior",
            file.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--no-progress");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("bad.csv:3:1 weight: not a number: \"x\"")
        .doesNotContain("Exception");
    Files.writeString(file, "weight,sources.tunisia.annualPropensty\n1,0.02\n");
    CliRun path =
        CliRun.of(
            "run",
            "minimal",
            "--posterior",
            file.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--no-progress");
    assertThat(path.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(path.err()).contains("annualPropensty");
  }
}
