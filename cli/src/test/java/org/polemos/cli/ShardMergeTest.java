package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N shards merged give the bytes of one process, for run, sweep and sensitivity (Morris and Sobol),
 * N = 1, 2, 3, 7; and the merge refuses what does not fit.
 */
class ShardMergeTest {
  @TempDir Path tmp;

  private static final String SWEEP =
      """
      base: minimal
      seed: 3
      replications: 3
      parameters:
        - path: corridors.tal-abyad.interdiction
          values: [0.05, 0.3]
        - path: processes.intake.servers
          range: {from: 250, to: 500, step: 250}
      metrics: [foreign_arrivals_cumulative, territory_km2]
      """;

  private static final String MORRIS =
      """
      base: minimal
      seed: 2
      replications: 2
      trajectories: 2
      levels: 4
      designSeed: 5
      parameters:
        - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.05}
      outputs:
        - {metric: foreign_arrivals_cumulative, key: all, date: 2014-12-10}
        - {metric: fighters, key: islamic-state}
      """;

  private static final String SOBOL =
      """
      base: minimal
      seed: 4
      replications: 2
      method: sobol
      samples: 4
      designSeed: 5
      parameters:
        - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
        - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.05}
      outputs:
        - {metric: foreign_arrivals_cumulative, key: all}
      """;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void mergedRunEqualsSingleRun(int n) throws Exception {
    // 5 replications in 7 shards leaves two shards empty; --keep-series 3 cuts the series inside a
    // shard.
    List<String> args =
        List.of(
            "run",
            "minimal",
            "-n",
            "5",
            "--keep-series",
            "3",
            "--format",
            "csv,parquet",
            "--threads",
            "2",
            "--no-progress");
    assertMergeEqualsSingle(args, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void mergedSweepEqualsSingleSweep(int n) throws Exception {
    Path file = write("grid.yaml", SWEEP);
    assertMergeEqualsSingle(List.of("sweep", file.toString(), "--no-progress"), n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void mergedMorrisEqualsSingleMorris(int n) throws Exception {
    Path file = write("morris.yaml", MORRIS);
    assertMergeEqualsSingle(List.of("sensitivity", file.toString(), "--no-progress"), n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void mergedSobolEqualsSingleSobol(int n) throws Exception {
    Path file = write("sobol.yaml", SOBOL);
    assertMergeEqualsSingle(
        List.of("sensitivity", file.toString(), "--no-progress", "--threads", "1"), n);
  }

  /**
   * Runs the command once and as n shards; merges; every file must match byte for byte (see below
   * for run).
   */
  private void assertMergeEqualsSingle(List<String> args, int n) throws Exception {
    Path single = tmp.resolve("single");
    CliRun whole = CliRun.of(with(args, "--out", single.toString()));
    assertThat(whole.exitCode()).as(whole.err()).isZero();
    List<String> shardDirs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path dir = tmp.resolve("shards").resolve(Integer.toString(i));
      // shards given in another argument order: the stored arguments drop --shard and --out
      // wherever they are
      List<String> shardArgs = new ArrayList<>(args.subList(0, 2));
      shardArgs.addAll(List.of("--shard", i + "/" + n, "-o", dir.toString()));
      shardArgs.addAll(args.subList(2, args.size()));
      CliRun shard = CliRun.of(shardArgs.toArray(String[]::new));
      assertThat(shard.exitCode()).as(shard.err()).isZero();
      assertThat(dir.resolve("shard.json")).exists();
      shardDirs.add(dir.toString());
    }
    Path merged = tmp.resolve("merged");
    List<String> merge = new ArrayList<>(List.of("merge", merged.toString()));
    java.util.Collections.reverse(shardDirs); // any order
    merge.addAll(shardDirs);
    CliRun m = CliRun.of(merge.toArray(String[]::new));
    assertThat(m.exitCode()).as(m.err()).isZero();
    List<Path> files = files(single);
    assertThat(files(merged)).containsExactlyInAnyOrderElementsOf(files);
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      byte[] expected = Files.readAllBytes(single.resolve(f));
      byte[] actual = Files.readAllBytes(merged.resolve(f));
      String name = f.toString();
      if (name.equals("manifest.json") || name.equals("report.html")) {
        // The only fields that must differ: when each started, how long each took, and the --out
        // each was given
        // (the merged manifest's command is the shards' command with the merge's --out).
        actual =
            withoutWallTime(
                    new String(actual, StandardCharsets.UTF_8)
                        .replace(startedAt(merged), startedAt(single))
                        .replace(merged.toString(), single.toString()))
                .getBytes(StandardCharsets.UTF_8);
        expected =
            withoutWallTime(new String(expected, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
      }
      assertThat(actual).as(name).isEqualTo(expected);
    }
    assertThat(tmp.resolve(".merged.merging")).doesNotExist();
  }

  /**
   * The manifest's wallTimeSeconds, in manifest.json and in the report's manifest table, blanked.
   */
  static String withoutWallTime(String text) {
    return text.replaceAll("(\"wallTimeSeconds\" : )[^,\n]+", "$1W")
        .replaceAll("(<th>wallTimeSeconds</th><td><code>)[^<]*", "$1W");
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String startedAt(Path run) throws Exception {
    return org.polemos.io.results.RunManifest.read(run.resolve("manifest.json")).startedAt();
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  private Path write(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private Path shard(String file, int i, int n, String... more) throws Exception {
    Path dir = tmp.resolve("s" + n).resolve(Integer.toString(i));
    CliRun r =
        CliRun.of(
            with(
                List.of(
                    "sweep",
                    file,
                    "--no-progress",
                    "--shard",
                    i + "/" + n,
                    "--out",
                    dir.toString()),
                more));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return dir;
  }

  @Test
  void mergeListsMissingAndIncompleteShardsInOneLine() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path s0 = shard(file.toString(), 0, 4);
    Path s2 = shard(file.toString(), 2, 4);
    Path s3 = shard(file.toString(), 3, 4);
    Files.delete(s3.resolve("shard.json")); // as if killed before its manifest
    CliRun r =
        CliRun.of(
            "merge", tmp.resolve("m").toString(), s0.toString(), s2.toString(), s3.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .contains("missing or incomplete shards of 4", "missing 1", s3 + " (no shard.json)");
    assertThat(tmp.resolve("m")).doesNotExist();
  }

  @Test
  void mergeRefusesShardsOfDifferentExperiments() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path other = write("other.yaml", SWEEP.replace("seed: 3", "seed: 4"));
    Path s0 = shard(file.toString(), 0, 2);
    Path s1 = tmp.resolve("o1");
    CliRun r1 =
        CliRun.of(
            "sweep", other.toString(), "--no-progress", "--shard", "1/2", "--out", s1.toString());
    assertThat(r1.exitCode()).as(r1.err()).isZero();
    CliRun r = CliRun.of("merge", tmp.resolve("m").toString(), s0.toString(), s1.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith(s1 + ": not a shard of the experiment of " + s0)
        .contains("different experiment file");
  }

  @Test
  void mergeRefusesAnExperimentFileChangedSinceTheShardsRan() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path s0 = shard(file.toString(), 0, 2);
    Path s1 = shard(file.toString(), 1, 2);
    Files.writeString(file, SWEEP + "# edited\n");
    CliRun r = CliRun.of("merge", tmp.resolve("m").toString(), s0.toString(), s1.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("experiment file changed since the shards ran");
    assertThat(tmp.resolve("m")).doesNotExist();
    assertThat(tmp.resolve(".m.merging")).doesNotExist();
  }

  @Test
  void aCompleteShardIsSkippedAndAnInterruptedOneStartsOver() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path s0 = shard(file.toString(), 0, 2);
    byte[] part = Files.readAllBytes(s0.resolve("units.part"));
    long modified = Files.getLastModifiedTime(s0.resolve("units.part")).toMillis();
    CliRun again =
        CliRun.of(
            "sweep", file.toString(), "--no-progress", "--shard", "0/2", "--out", s0.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("shard 0/2 already complete");
    assertThat(Files.getLastModifiedTime(s0.resolve("units.part")).toMillis()).isEqualTo(modified);
    // an interrupted shard: a temporary file and no manifest
    Path s1 = tmp.resolve("s2").resolve("1");
    Files.createDirectories(s1);
    Files.write(s1.resolve(".units.part.1234.partial"), new byte[] {1, 2, 3});
    shard(file.toString(), 1, 2);
    assertThat(s1.resolve(".units.part.1234.partial")).doesNotExist();
    assertThat(Files.readAllBytes(s0.resolve("units.part"))).isEqualTo(part);
    CliRun m = CliRun.of("merge", tmp.resolve("m").toString(), s0.toString(), s1.toString());
    assertThat(m.exitCode()).as(m.err()).isZero();
  }

  /**
   * A part file cut short, of another format version, or with a damaged byte inside a unit: the
   * merge says so in one line naming the file, exits 1, and leaves no output directory.
   */
  @Test
  void mergeRefusesAPartCutShortOfAnotherVersionOrDamaged() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path s0 = shard(file.toString(), 0, 2);
    Path s1 = shard(file.toString(), 1, 2);
    Path part = s1.resolve("units.part");
    byte[] good = Files.readAllBytes(part);
    byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
    byte[] oldVersion = good.clone();
    oldVersion[19] = 1; // the format version: the int after the magic string (4 + 12 bytes)
    byte[] damaged = good.clone();
    damaged[good.length - 20] ^= 0x10; // inside the last unit, before its checksum
    List<List<String>> cases =
        List.of(
            List.of("cut", "part file without its end record"),
            List.of("old", "part file of format version 1, but this Polemos reads version"),
            List.of("damaged", "damaged part file"));
    for (List<String> c : cases) {
      byte[] bytes =
          switch (c.get(0)) {
            case "cut" -> cut;
            case "old" -> oldVersion;
            default -> damaged;
          };
      Files.write(part, bytes);
      Path out = tmp.resolve("m-" + c.get(0));
      CliRun r = CliRun.of("merge", out.toString(), s0.toString(), s1.toString());
      assertThat(r.exitCode()).as(c.get(0) + ": " + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err().lines()).as(c.get(0)).hasSize(1);
      assertThat(r.err()).as(c.get(0)).startsWith(part + ": ").contains(c.get(1));
      assertThat(out).doesNotExist();
      assertThat(tmp.resolve(".m-" + c.get(0) + ".merging")).doesNotExist();
    }
    Files.write(part, good);
    // a part holding another number of units than its manifest counts
    Path manifest = s1.resolve("shard.json");
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replaceFirst("\"firstUnit\" : (\\d+)", "\"firstUnit\" : 1"));
    CliRun counted = CliRun.of("merge", tmp.resolve("m").toString(), s0.toString(), s1.toString());
    assertThat(counted.exitCode()).as(counted.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(counted.err().lines()).hasSize(1);
    assertThat(counted.err())
        .startsWith(part + ": holds ")
        .contains("units where shard.json counts");
    Files.writeString(manifest, json);
    CliRun m = CliRun.of("merge", tmp.resolve("m").toString(), s0.toString(), s1.toString());
    assertThat(m.exitCode()).as(m.err()).isZero();
  }

  @Test
  void aShardDirectoryOfAnotherShardIsRefused() throws Exception {
    Path file = write("grid.yaml", SWEEP);
    Path s0 = shard(file.toString(), 0, 2);
    CliRun r =
        CliRun.of(
            "sweep", file.toString(), "--no-progress", "--shard", "1/2", "--out", s0.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("holds shard 0/2");
  }

  @Test
  void badShardOptionsAreUsageErrors() throws Exception {
    for (String bad : List.of("2/2", "1", "a/3", "-1/3", "0/0")) {
      CliRun r = CliRun.of("run", "minimal", "--shard", bad, "--out", tmp.resolve("x").toString());
      assertThat(r.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(bad).contains("--shard " + bad + ":").hasLineCount(1);
    }
  }

  @Test
  void storedArgumentsDropShardAndOutInEveryForm() {
    assertThat(
            ShardOption.withoutShardAndOut(
                List.of(
                    "run",
                    "minimal",
                    "--shard=1/2",
                    "-oX",
                    "--out=Y",
                    "-o",
                    "Z",
                    "--observed",
                    "f.csv",
                    "--shard",
                    "0/2",
                    "-n",
                    "3")))
        .containsExactly("run", "minimal", "--observed", "f.csv", "-n", "3");
  }
}
