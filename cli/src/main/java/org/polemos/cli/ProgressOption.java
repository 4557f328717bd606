package org.polemos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --no-progress} option of the long-running commands (a picocli mixin). */
final class ProgressOption {

  @Option(
      names = "--no-progress",
      description = "No progress output (also off when the CI variable is set).")
  boolean noProgress;

  /** Progress of {@code task} counted in {@code unit}, on the command's standard error. */
  Progress progress(String task, String unit, CommandLine cmd) {
    return Progress.of(noProgress, task, unit, cmd.getErr());
  }
}
