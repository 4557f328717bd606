package org.polemos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code -t/--threads} option of the experiment commands (a picocli mixin). */
final class ThreadsOption {

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description =
          "Worker threads running the replications in parallel (outputs do not depend on it), at "
              + "most the replications and the number of processors (at least 2). Default: the "
              + "number of processors, at most the replications.")
  Integer threads;

  /**
   * The worker count for {@code work} units of parallel work: the option, or the processors ({@link
   * Experiments#threads}).
   */
  int workers(int work, CommandLine cmd) {
    return Experiments.threads(threads, work, cmd);
  }
}
