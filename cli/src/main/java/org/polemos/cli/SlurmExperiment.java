package org.polemos.cli;

import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The experiment {@code polemos slurm} shards: a sharded command (run, sweep, sensitivity or
 * hindcast) and its arguments, checked by parsing them as that command would, before any script is
 * written (usage errors: one line).
 */
final class SlurmExperiment {
  private SlurmExperiment() {}

  /** Checks {@code experiment} (kind, then arguments); usage errors name the experiment. */
  static void check(List<String> experiment, Injector injector, CommandLine cmd) {
    String kind = experiment.get(0);
    List<String> args = experiment.subList(1, experiment.size());
    CommandLine root = Main.commandLine(injector);
    CommandLine target = root.getSubcommands().get(kind);
    if (target == null || !(target.getCommand() instanceof ShardOption.Sharded)) {
      throw new CommandLine.ParameterException(
          cmd,
          "EXPERIMENT must start with run, sweep, sensitivity or hindcast, was \"" + kind + "\"");
    }
    for (String a : args) {
      if (a.equals("--shard") || a.startsWith("--shard=") || a.equals("--resume")) {
        throw new CommandLine.ParameterException(
            cmd, a + ": the scripts choose each task's shard; leave it out");
      }
    }
    if (!ShardOption.withoutShardAndOut(args).equals(args)) {
      throw new CommandLine.ParameterException(
          cmd,
          "the experiment's --out: give only slurm's --out DIR (the shards"
              + " go to DIR/shards, the merged result to DIR/merged)");
    }
    // Parsed as a shard task runs it: with an --out (sweep, sensitivity and hindcast require one).
    List<String> asTask = new ArrayList<>(experiment);
    asTask.addAll(List.of("--out", Path.of("shards", "0").toString()));
    try {
      root.parseArgs(asTask.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new CommandLine.ParameterException(cmd, "experiment '" + kind + "': " + e.getMessage());
    }
    Path input =
        target.getCommand() instanceof SweepCommand s
            ? s.file
            : target.getCommand() instanceof SensitivityCommand s ? s.file : null;
    if (input != null && !Files.isRegularFile(input)) {
      throw new CommandLine.ParameterException(
          cmd, "experiment '" + kind + "': " + input + ": no such file");
    }
  }
}
