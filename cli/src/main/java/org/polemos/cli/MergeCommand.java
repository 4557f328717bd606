package org.polemos.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.shard.PartFile;
import org.polemos.io.shard.ShardManifest;
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
    TreeMap<Integer, Path> byIndex = new TreeMap<>();
    List<String> incomplete = new ArrayList<>();
    ShardManifest first = null;
    Path firstDirectory = null;
    for (Path dir : shardDirectories) {
      if (!Files.isDirectory(dir)) {
        incomplete.add(dir + " (no such directory)");
        continue;
      }
      ShardManifest m = ShardManifest.read(dir);
      if (m == null || !Files.isRegularFile(dir.resolve(PartFile.NAME))) {
        incomplete.add(dir + " (no " + (m == null ? ShardManifest.NAME : PartFile.NAME) + ")");
        continue;
      }
      if (first == null) {
        first = m;
        firstDirectory = dir;
      } else {
        String difference = first.difference(m);
        if (difference != null) {
          throw refuse(
              dir,
              "not a shard of the experiment of " + firstDirectory + ": different " + difference);
        }
      }
      Path twin = byIndex.put(m.shard(), dir);
      if (twin != null) {
        throw refuse(dir, "shard " + m.shard() + "/" + m.shards() + " again (also " + twin + ")");
      }
    }
    if (first == null) {
      throw refuse(
          Path.of("merge"),
          "no complete shard among the "
              + shardDirectories.size()
              + " directories given: "
              + String.join(", ", incomplete));
    }
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < first.shards(); i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty() || !incomplete.isEmpty()) {
      throw refuse(
          Path.of("merge"),
          "missing or incomplete shards of "
              + first.shards()
              + ": "
              + (missing.isEmpty() ? "none missing" : "missing " + ranges(missing))
              + (incomplete.isEmpty() ? "" : "; incomplete " + String.join(", ", incomplete))
              + "; rerun them (a complete shard is skipped), then merge again");
    }
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(
              cmd, out + ": directory is not empty; choose another or remove it");
        }
      }
    }
    Path absolute = out.toAbsolutePath().normalize();
    Path work = absolute.resolveSibling("." + absolute.getFileName() + ".merging");
    deleteTree(work);
    List<Path> parts = new ArrayList<>();
    byIndex.values().forEach(d -> parts.add(d.resolve(PartFile.NAME)));
    int code;
    try (PartReplay replay = new PartReplay(parts)) {
      CommandLine root = Main.commandLine(injector);
      root.setOut(cmd.getOut());
      root.setErr(cmd.getErr());
      CommandLine experiment = root.getSubcommands().get(first.kind());
      if (!(experiment != null && experiment.getCommand() instanceof ShardOption.Sharded sharded)) {
        throw refuse(firstDirectory, "shards of '" + first.kind() + "', which merge does not know");
      }
      sharded.shardOption().merge =
          new ShardOption.Merge(work, replay, first, firstDirectory, List.copyOf(byIndex.values()));
      List<String> args = new ArrayList<>(first.command());
      args.add("--out");
      args.add(out.toString());
      code = root.execute(args.toArray(String[]::new));
      if (code == ExitCodes.OK) {
        replay.finish();
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(work);
      throw e;
    }
    if (code != ExitCodes.OK) {
      deleteTree(work);
      return code;
    }
    if (Files.isDirectory(out)) {
      Files.delete(out);
    }
    Files.createDirectories(absolute.getParent());
    Files.move(work, absolute, StandardCopyOption.ATOMIC_MOVE);
    return ExitCodes.OK;
  }

  private static ScenarioFileException refuse(Path where, String message) {
    return new ScenarioFileException(List.of(new Diagnostic(where.toString(), 0, 0, "", message)));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String ranges(List<Integer> sorted) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      int start = sorted.get(i);
      while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
        i++;
      }
      parts.add(start == sorted.get(i) ? "" + start : start + "-" + sorted.get(i));
    }
    return String.join(", ", parts);
  }
}
