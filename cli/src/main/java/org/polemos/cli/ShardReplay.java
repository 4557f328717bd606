package org.polemos.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.polemos.io.shard.PartFile;
import org.polemos.io.shard.ShardManifest;
import picocli.CommandLine;

/**
 * The merge of checked shards: reruns the experiment's command with the shards' units replayed
 * instead of computed, into a work directory beside {@code out} that becomes {@code out} only when
 * the command succeeded (and is removed otherwise).
 */
final class ShardReplay {
  private ShardReplay() {}

  /** Merges {@code set} into {@code out} (new or empty); the experiment command's exit status. */
  static int merge(Injector injector, ShardSet set, Path out, CommandLine cmd) throws IOException {
    ShardManifest first = set.first();
    Path firstDirectory = set.firstDirectory();
    Path absolute = out.toAbsolutePath().normalize();
    Path work = absolute.resolveSibling("." + absolute.getFileName() + ".merging");
    deleteTree(work);
    List<Path> parts = new ArrayList<>();
    set.byIndex().values().forEach(d -> parts.add(d.resolve(PartFile.NAME)));
    int code;
    try (PartReplay replay = new PartReplay(parts)) {
      CommandLine root = Main.commandLine(injector);
      root.setOut(cmd.getOut());
      root.setErr(cmd.getErr());
      CommandLine experiment = root.getSubcommands().get(first.kind());
      if (!(experiment != null && experiment.getCommand() instanceof ShardOption.Sharded sharded)) {
        throw ShardSet.refuse(
            firstDirectory, "shards of '" + first.kind() + "', which merge does not know");
      }
      sharded.shardOption().merge =
          new ShardOption.Merge(
              work, replay, first, firstDirectory, List.copyOf(set.byIndex().values()));
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
}
