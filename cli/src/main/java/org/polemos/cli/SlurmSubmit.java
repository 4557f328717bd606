package org.polemos.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code polemos slurm --submit}: runs submit.sh (which calls sbatch). */
final class SlurmSubmit {
  private SlurmSubmit() {}

  /** Runs submit.sh, passing its output on; a failure of sbatch is one line and exit 1. */
  static int submit(Path script, CommandLine cmd) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run bash " + script + ": " + e.getMessage());
    }
    String last = "";
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        cmd.getOut().println(line);
        last = line;
      }
    }
    int code = process.waitFor();
    cmd.getOut().flush();
    if (code != 0) {
      cmd.getErr()
          .println("slurm: submitting failed (" + script + " exit " + code + "): " + last.strip());
      cmd.getErr().flush();
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.OK;
  }
}
