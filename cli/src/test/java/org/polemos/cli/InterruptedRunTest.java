package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run stopped by SIGTERM or SIGINT, in a real child JVM: it leaves no temporary file and nothing
 * that blocks the next run; a directory that does hold files is refused naming them.
 */
class InterruptedRunTest {
  @TempDir Path tmp;

  private Process start(Path dir, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.polemos.cli.Main",
            "run",
            "levant-2014",
            "-n",
            "2000",
            "-t",
            "1",
            "--out",
            dir.toString(),
            "--no-progress",
            "--format",
            "csv,parquet")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Waits until the run has temporary files with data in them, i.e. is in the middle of writing.
   */
  private static void awaitWriting(Path dir, Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as("the run ended early: %s", Files.exists(log) ? Files.readString(log) : "")
          .isTrue();
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.anyMatch(
              p -> p.getFileName().toString().endsWith(".partial") && p.toFile().length() > 0)) {
            return;
          }
        } catch (IOException e) {
          // listing raced with a file being moved: try again
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run wrote nothing within 120 s");
  }

  private static int signal(Process process, String signal) throws Exception {
    assertThat(
            new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                .start()
                .waitFor())
        .isZero();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run stops").isTrue();
    return process.exitValue();
  }

  @ParameterizedTest(name = "SIG{0}, directory existed before: {1}")
  @CsvSource({"TERM, false", "INT, false", "TERM, true"})
  @DisabledOnOs(OS.WINDOWS)
  void aSignalLeavesNothingBehind(String signal, boolean existed) throws Exception {
    Path dir = tmp.resolve("run");
    if (existed) {
      Files.createDirectories(dir);
    }
    Path log = tmp.resolve("child.log");
    Process process = start(dir, log);
    awaitWriting(dir, process, log);
    int code = signal(process, signal);
    assertThat(code).isEqualTo(128 + (signal.equals("TERM") ? 15 : 2));
    if (existed) {
      assertThat(names(dir)).as("the run's directory after SIG%s", signal).isEmpty();
    } else {
      assertThat(dir).as("a directory the run created").doesNotExist();
    }
    // Nothing blocks the next run into the same directory.
    CliRun next =
        CliRun.of("run", "minimal", "--out", dir.toString(), "--no-progress", "--no-report");
    assertThat(next.exitCode()).as(next.err()).isZero();
  }

  @Test
  void aDirectoryThatIsNotEmptyIsRefusedNamingWhatIsThere() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(dir.resolve(".series.csv.1f2e3d.partial"), "x");
    Files.writeString(dir.resolve("notes.txt"), "x");
    CliRun run = CliRun.of("run", "minimal", "--out", dir.toString(), "--no-progress");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains(
            "--out "
                + dir
                + ": directory is not empty: it holds .series.csv.1f2e3d.partial,"
                + " notes.txt (1 hidden temporary file *.partial left by a killed process); choose another or remove it");
    for (int i = 0; i < 7; i++) {
      Files.writeString(dir.resolve("f" + i), "");
    }
    assertThat(Experiments.notEmpty(names(dir))).contains(", f3 and 4 more (1 hidden");
  }
}
