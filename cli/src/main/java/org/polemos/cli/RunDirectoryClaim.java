package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polemos.io.results.InterruptCleanup;
import picocli.CommandLine;

/**
 * Claims an empty run directory for {@code polemos run} and leaves nothing behind when the run does
 * not finish: on SIGINT/SIGTERM the temporary files go (AtomicOutput), and so do the outputs the
 * run already finished (the directory was empty, so an interrupted run leaves it empty, or removes
 * it if the run created it); a failed run removes the directory it created once the lock is
 * released.
 */
final class RunDirectoryClaim {
  /** The files a run writes, removed from its directory when the run is interrupted. */
  private static final List<String> OUTPUTS =
      List.of(
          "series.csv",
          "series.parquet",
          "summary.csv",
          "summary.parquet",
          "events.ndjson",
          "scenario.yaml",
          "manifest.json",
          "report.html",
          OutputDirectory.LOCK);

  /** The run, writing into the claimed directory. */
  interface Body {
    int run() throws IOException;
  }

  private RunDirectoryClaim() {}

  /** Runs {@code body} with {@code dir} claimed (it must be new or empty); its exit status. */
  static int run(Path dir, CommandLine cmd, Body body) throws IOException {
    boolean created = !Files.exists(dir);
    boolean finished = false;
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(dir, cmd)) {
      var cleanup = InterruptCleanup.onInterrupt(() -> removeOutputs(dir, created));
      try {
        int status = body.run();
        finished = true;
        return status;
      } finally {
        cleanup.close();
      }
    } finally {
      // Every file is atomic, so a failed run leaves none; do not leave the empty directory either
      // (checked once the lock is released).
      if (!finished && created && Files.isDirectory(dir)) {
        Experiments.deleteIfEmpty(dir);
      }
    }
  }

  private static void removeOutputs(Path dir, boolean created) {
    try {
      for (String name : OUTPUTS) {
        Files.deleteIfExists(dir.resolve(name));
      }
      if (created) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      // best effort on the way out; a non-empty directory is named by the next run's error
    }
  }
}
