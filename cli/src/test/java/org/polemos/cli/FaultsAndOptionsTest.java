package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10: outputs that are inputs, two commands on one directory, unfinished runs, options that
 * cannot work.
 */
class FaultsAndOptionsTest {
  @TempDir Path tmp;

  private Path run(String name, String... extra) {
    Path dir = tmp.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "minimal",
                "-n",
                "2",
                "--out",
                dir.toString(),
                "--no-progress",
                "--no-report"));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return dir;
  }

  @Test
  void compareRefusesToOverwriteItsInput() throws Exception {
    Path a = run("a");
    Path b = run("b");
    byte[] before = Files.readAllBytes(a.resolve("series.csv"));
    CliRun r =
        CliRun.of(
            "compare", a.toString(), b.toString(), "--out", a.resolve("series.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is also an input");
    assertThat(Files.readAllBytes(a.resolve("series.csv"))).isEqualTo(before);
    // the same file reached through ".." is the same file
    CliRun dotted =
        CliRun.of(
            "compare",
            a.toString(),
            b.toString(),
            "--out",
            b.resolve("../a/manifest.json").toString());
    assertThat(dotted.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void reportRefusesToOverwriteItsInput() throws Exception {
    Path d = run("d");
    byte[] before = Files.readAllBytes(d.resolve("summary.csv"));
    CliRun r = CliRun.of("report", d.toString(), "--out", d.resolve("summary.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is also an input");
    assertThat(Files.readAllBytes(d.resolve("summary.csv"))).isEqualTo(before);
  }

  @Test
  void importRefusesToOverwriteItsInput() throws Exception {
    Path in = tmp.resolve("x.csv");
    Files.writeString(in, "event_id_cnty,event_date,year\n");
    CliRun r = CliRun.of("import", "acled", in.toString(), "--out", in.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is also an input");
    assertThat(Files.readString(in)).isEqualTo("event_id_cnty,event_date,year\n");
    // nor with its rejects file: out y.csv writes y.rejects.csv
    Path rejects = tmp.resolve("y.rejects.csv");
    Files.writeString(rejects, "event_id_cnty,event_date,year\n");
    CliRun viaRejects =
        CliRun.of("import", "acled", rejects.toString(), "--out", tmp.resolve("y.csv").toString());
    assertThat(viaRejects.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(viaRejects.err()).contains("rejects file");
  }

  @Test
  void secondCommandOnALockedDirectoryIsRefused() throws Exception {
    Path dir = tmp.resolve("shared");
    CommandLine cmd = Main.commandLine();
    try (OutputDirectory held = OutputDirectory.claimEmpty(dir, cmd)) {
      CliRun second =
          CliRun.of("run", "minimal", "--out", dir.toString(), "--no-progress", "--no-report");
      assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(second.err()).contains("another polemos command is writing to this directory");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactly(OutputDirectory.LOCK);
      }
    }
    // released: the directory is usable, and a finished run leaves no lock file behind
    run("shared");
    assertThat(dir.resolve(OutputDirectory.LOCK)).doesNotExist();
    assertThat(dir.resolve("manifest.json")).exists();
  }

  @Test
  void staleTemporaryFilesOfAKilledRunDoNotBlockTheNext() throws Exception {
    Path dir = tmp.resolve("killed");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".series.csv.1234abcd.partial"), "replication,date");
    Files.writeString(dir.resolve(OutputDirectory.LOCK), "");
    run("killed");
    assertThat(dir.resolve(".series.csv.1234abcd.partial")).doesNotExist();
  }

  @Test
  void emptyOutIsRefusedNotTheCurrentDirectory() {
    CliRun r = CliRun.of("run", "minimal", "--out", "", "--no-progress");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--out must name a");
    CliRun c = CliRun.of("compare", "a", "b", "--out", "");
    assertThat(c.exitCode()).isNotZero();
  }

  @Test
  void aRunKilledInItsFinalPhaseIsNotReportedOrCompared() throws Exception {
    Path d = run("unfinished");
    Files.delete(d.resolve("manifest.json")); // as if killed after the tables, before the manifest
    CliRun report = CliRun.of("report", d.toString());
    assertThat(report.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(report.err()).contains("not a finished run directory");
    assertThat(d.resolve("report.html")).doesNotExist();
    Path ok = run("ok");
    CliRun compare =
        CliRun.of("compare", ok.toString(), d.toString(), "--out", tmp.resolve("c.csv").toString());
    assertThat(compare.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(compare.err()).contains("not a finished run directory");
    // a table the manifest lists has gone
    Files.delete(ok.resolve("events.ndjson"));
    CliRun damaged = CliRun.of("report", ok.toString());
    assertThat(damaged.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(damaged.err()).contains("events.ndjson listed in manifest.json but missing");
  }

  @Test
  void parquetAloneOrNoSeriesWithAReportIsRefusedBeforeRunning() {
    CliRun parquet =
        CliRun.of(
            "run",
            "minimal",
            "--format",
            "parquet",
            "--out",
            tmp.resolve("p").toString(),
            "--no-progress");
    assertThat(parquet.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(parquet.err()).contains("--no-report");
    assertThat(tmp.resolve("p")).doesNotExist();
    CliRun keep0 =
        CliRun.of(
            "run",
            "minimal",
            "--keep-series",
            "0",
            "--out",
            tmp.resolve("k").toString(),
            "--no-progress");
    assertThat(keep0.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tmp.resolve("k")).doesNotExist();
    // parquet alone without a report works
    CliRun ok =
        CliRun.of(
            "run",
            "minimal",
            "--format",
            "parquet",
            "--no-report",
            "--out",
            tmp.resolve("p2").toString(),
            "--no-progress");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(tmp.resolve("p2/series.parquet")).exists();
  }

  @Test
  void compareOfRunsWithoutSeriesRowsSaysSo() {
    Path a = run("a0", "--keep-series", "0");
    Path b = run("b0", "--keep-series", "0");
    CliRun r =
        CliRun.of("compare", a.toString(), b.toString(), "--out", tmp.resolve("c.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("hold no series rows").doesNotContain("null");
  }

  @Test
  void aBadObservedFileIsReportedBeforeTheSimulation() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "not,the,header\n");
    Path dir = tmp.resolve("o");
    CliRun r =
        CliRun.of(
            "run",
            "levant-2014",
            "-n",
            "1000",
            "--observed",
            bad.toString(),
            "--out",
            dir.toString(),
            "--no-progress");
    // -n 1000 of levant-2014 takes minutes: reaching this line quickly is part of the check
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("bad.csv:1: expected the header");
    assertThat(dir).doesNotExist();
  }

  @Test
  void threadsAreCappedAtTheWorkAndTheProcessors() throws Exception {
    Path dir = run("t", "--threads", "200000");
    String manifest = Files.readString(dir.resolve("manifest.json"));
    int cap = Math.min(2, Math.max(2, Runtime.getRuntime().availableProcessors()));
    assertThat(manifest).contains("\"threads\" : " + cap);
    assertThat(Experiments.threads(10_000, 1_000, null))
        .isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
    assertThat(Experiments.threads(null, 1, null)).isEqualTo(1);
  }

  @Test
  void aSweepOverTheSeedIsRefused() throws Exception {
    Path sweep = tmp.resolve("seed.yaml");
    Files.writeString(
        sweep,
        "base: minimal\nseed: 3\nreplications: 2\nparameters:\n  - path: seed\n"
            + "    values: [1, 2]\n");
    CliRun r =
        CliRun.of("sweep", sweep.toString(), "--out", tmp.resolve("s").toString(), "--no-progress");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("seed.yaml:5:").contains("\"seed\" cannot be varied");
  }

  @Test
  void errorsSayWhyInOneLine() {
    assertThat(ErrorHandlers.describe(new java.io.IOException("No space left on device")))
        .contains("disk full");
    assertThat(ErrorHandlers.describe(new java.nio.file.FileSystemException("/proc/x")))
        .isEqualTo("/proc/x: cannot be written or read (the file system refused it)");
    assertThat(ErrorHandlers.describe(new java.nio.file.AccessDeniedException("/root/x")))
        .isEqualTo("/root/x: permission denied");
    assertThat(
            ErrorHandlers.describe(
                new java.io.UncheckedIOException(
                    new java.nio.file.NoSuchFileException("/no/dir/f"))))
        .isEqualTo("/no/dir/f: no such file or directory");
    assertThat(ErrorHandlers.describe(new OutOfMemoryError("Java heap space")))
        .contains("out of memory")
        .doesNotContain("\n");
    CliRun proc =
        CliRun.of("run", "minimal", "--out", "/proc/polemos-x", "--no-progress", "--no-report");
    assertThat(proc.exitCode()).isNotZero();
    assertThat(proc.err().strip())
        .contains("/proc/polemos-x: ")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void controlCharactersNeverReachTheTerminalRaw() throws Exception {
    Path f = tmp.resolve("evil.yaml");
    String yaml =
        new String(
                CliRun.of("scenario", "show", "minimal").out().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)
            .replaceFirst("controller: ([a-z-]+)", "controller: \"x\\\\n\\\\e[31mred\\\\0\"");
    Files.writeString(f, yaml);
    CliRun r = CliRun.of("validate", f.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.out()).contains("unknown faction \"x\\n\\x1B[31mred\\x00\"");
    assertThat(r.out().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(r.out().strip().lines()).hasSize(1);
    CliRun usage = CliRun.of("run", "no\u001b[2Jsuch");
    assertThat(usage.err()).contains("no\\x1B[2Jsuch").doesNotContain("\u001b");
  }

  /**
   * Parquet bytes are the same for any thread count. The encoding order that differed follows
   * identity hash codes, fixed within one JVM, so each run is its own JVM here.
   */
  @Test
  void parquetBytesDoNotDependOnTheThreadCount() throws Exception {
    byte[][] bytes = new byte[2][];
    int[] threads = {1, 2};
    for (int i = 0; i < 2; i++) {
      Path dir = tmp.resolve("pq" + threads[i]);
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "run",
                  "minimal",
                  "-n",
                  "2",
                  "-t",
                  "" + threads[i],
                  "--format",
                  "csv,parquet",
                  "--no-report",
                  "--no-progress",
                  "--out",
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("pq" + i + ".log").toFile())
              .start();
      assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("pq" + i + ".log"))).isZero();
      bytes[i] = Files.readAllBytes(dir.resolve("series.parquet"));
      assertThat(Files.readAllBytes(dir.resolve("summary.parquet"))).isNotEmpty();
    }
    assertThat(bytes[1]).isEqualTo(bytes[0]);
    assertThat(Files.readAllBytes(tmp.resolve("pq2/summary.parquet")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("pq1/summary.parquet")));
  }
}
