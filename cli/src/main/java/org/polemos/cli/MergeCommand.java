package org.polemos.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos merge}: joins the shards of a run, sweep, sensitivity study or hindcast into the
 * output of one process.
 */
@Command(
    name = "merge",
    header = "Merge the shards of an experiment into the files one process would have written.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Reads the shard directories written with --shard I/N (units.part and",
      "shard.json each), checks that they are the N shards of one experiment (same",
      "command, scenario and experiment-file hashes, seed, version), reruns the",
      "experiment's command replaying their units instead of computing them, and",
      "writes OUT: byte for byte what the command writes without --shard, except",
      "manifest.json's startedAt, wallTimeSeconds and command (its --out), also",
      "shown in report.html.",
      "The scenario, sweep or sensitivity file is read again from the path the",
      "shards were given, relative to the directory merge runs in; it must be",
      "unchanged. Memory does not grow with the number of shards (docs/CLUSTER.md)."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 missing, incomplete or mismatched shards, or changed",
      "inputs; 2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos merge runs/minimal runs/minimal.shards/*",
      "  polemos merge sweeps/grid sweeps/grid.shards/0 sweeps/grid.shards/1",
      ""
    })
final class MergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OUT",
      description = "The merged directory; must be new or empty.")
  Path out;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "SHARD_DIR",
      description = "The shard directories, " + "in any order.")
  List<Path> shardDirectories;

  private final Injector injector;

  @Inject
  MergeCommand(Injector injector) {
    this.injector = injector;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    ShardSet set = ShardSet.of(shardDirectories);
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(
              cmd, out + ": directory is not empty; choose another or remove it");
        }
      }
    }
    return ShardReplay.merge(injector, set, out, cmd);
  }
}
