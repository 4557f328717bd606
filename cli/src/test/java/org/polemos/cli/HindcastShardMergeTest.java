package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hindcast --shard I/N}: N shards merged give the bytes of one process (every file,
 * including the calibration directory), with and without the calibration step, for N = 1, 2, 3 and
 * 7; and the merge refuses shards that did not calibrate alike.
 */
class HindcastShardMergeTest {
  @TempDir Path tmp;

  private static final String CAL =
      """
      base: minimal-short.yaml
      seed: 3
      replications: 1
      method: abc-smc
      abc: {population: 20, generations: 2}
      parameters:
        - {path: sources.tunisia.annualPropensity, prior: uniform, min: 0.01, max: 0.06}
      observed: figures.csv
      targets:
        - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all, aggregate: at-end}
      """;

  @BeforeEach
  void files() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-07-10,2014-07-10,arrivals,,persons,120,140,in sample\n"
            + "2014-08-10,2014-08-10,arrivals,,persons,150,190,after the cutoff\n");
    Files.writeString(tmp.resolve("cal.yaml"), CAL);
    Files.writeString(
        tmp.resolve("posterior.csv"),
        "weight,sources.tunisia.annualPropensity\n1,0.02\n2,0.03\n1,0.045\n");
  }

  /** A fixed posterior (no calibration): 10 predictive replications, so 7 shards hold 1 or 2. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void mergedHindcastOfAGivenPosteriorEqualsOneProcess(int n) throws Exception {
    assertMergeEqualsSingle(
        List.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--no-calibrate",
            "--posterior",
            tmp.resolve("posterior.csv").toString(),
            "--draws",
            "10",
            "--no-progress"),
        n);
  }

  /**
   * The calibrating form: every shard calibrates (to the same posterior), the merge takes the
   * calibration directory from the shards; the shards use other thread counts than the single run.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void mergedCalibratingHindcastEqualsOneProcess(int n) throws Exception {
    assertMergeEqualsSingle(
        List.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--draws",
            "8",
            "--no-progress"),
        n);
  }

  @Test
  void mergeRefusesShardsThatCalibratedDifferently() throws Exception {
    List<String> args =
        List.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--draws",
            "4",
            "--no-progress");
    List<String> shards = shards(args, 2, 1);
    Path posterior = Path.of(shards.get(1)).resolve("calibration").resolve("posterior.csv");
    Files.writeString(posterior, Files.readString(posterior) + "1,0.05\n");
    CliRun m = merge(tmp.resolve("m"), shards);
    assertThat(m.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(m.err().lines()).hasSize(1);
    assertThat(m.err())
        .startsWith(shards.get(1) + ": its calibration/posterior.csv differs")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("m")).doesNotExist();
    assertThat(tmp.resolve(".m.merging")).doesNotExist();
  }

  @Test
  void anInterruptedHindcastShardStartsOverAndACompleteOneIsSkipped() throws Exception {
    List<String> args =
        List.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--draws",
            "4",
            "--no-progress");
    Path dir = tmp.resolve("shards").resolve("0");
    // as if killed during its calibration: a calibration directory and no manifest
    Files.createDirectories(dir.resolve("calibration").resolve("generations"));
    Files.writeString(dir.resolve("calibration").resolve("generations").resolve("x.csv"), "x");
    List<String> shards = shards(args, 2, 1);
    assertThat(dir.resolve("calibration").resolve("generations").resolve("x.csv")).doesNotExist();
    assertThat(dir.resolve("calibration").resolve("posterior.csv")).exists();
    CliRun again = CliRun.of(shardArgs(args, 0, 2, dir, 1));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("shard 0/2 already complete");
    assertThat(merge(tmp.resolve("m"), shards).exitCode()).isZero();
  }

  private void assertMergeEqualsSingle(List<String> args, int n) throws Exception {
    Path single = tmp.resolve("single");
    List<String> whole = new ArrayList<>(args);
    whole.addAll(List.of("--threads", "2", "--out", single.toString()));
    CliRun r = CliRun.of(whole.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> shards = shards(args, n, 1);
    Path merged = tmp.resolve("merged");
    CliRun m = merge(merged, shards);
    assertThat(m.exitCode()).as(m.err()).isZero();
    List<Path> files = files(single);
    assertThat(files).contains(Path.of("hindcast.csv"), Path.of("posterior-draws.csv"));
    assertThat(files(merged)).containsExactlyInAnyOrderElementsOf(files);
    for (Path f : files) {
      assertThat(Files.readAllBytes(merged.resolve(f)))
          .as(f.toString())
          .isEqualTo(Files.readAllBytes(single.resolve(f)));
    }
  }

  /** Runs the n shards (with {@code threads} threads each); returns their directories. */
  private List<String> shards(List<String> args, int n, int threads) throws Exception {
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path dir = tmp.resolve("shards").resolve(Integer.toString(i));
      CliRun shard = CliRun.of(shardArgs(args, i, n, dir, threads));
      assertThat(shard.exitCode()).as(shard.err()).isZero();
      assertThat(dir.resolve("shard.json")).exists();
      dirs.add(dir.toString());
    }
    return dirs;
  }

  private static String[] shardArgs(List<String> args, int i, int n, Path dir, int threads) {
    List<String> all = new ArrayList<>(args);
    all.addAll(
        List.of(
            "--shard",
            i + "/" + n,
            "--out",
            dir.toString(),
            "--threads",
            Integer.toString(threads)));
    return all.toArray(String[]::new);
  }

  private static CliRun merge(Path out, List<String> shards) {
    List<String> merge = new ArrayList<>(List.of("merge", out.toString()));
    List<String> reversed = new ArrayList<>(shards);
    Collections.reverse(reversed); // any order
    merge.addAll(reversed);
    return CliRun.of(merge.toArray(String[]::new));
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
