package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.shard.PartFile;
import org.polemos.io.shard.ShardManifest;

/**
 * The shards {@code polemos merge} is given, checked to be the complete N shards of one experiment
 * (same command, hashes, seed and version; each present once with its units, its part file of this
 * format version and not cut short: {@link PartFile#check}): {@code first} is the manifest of the
 * first complete one named, {@code byIndex} the directories in shard order.
 */
record ShardSet(ShardManifest first, Path firstDirectory, TreeMap<Integer, Path> byIndex) {

  /** Reads and checks the shard directories; one located line (exit 1) for what is wrong. */
  static ShardSet of(List<Path> dirs) throws IOException {
    TreeMap<Integer, Path> byIndex = new TreeMap<>();
    List<String> incomplete = new ArrayList<>();
    ShardManifest first = null;
    Path firstDirectory = null;
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        incomplete.add(dir + " (no such directory)");
        continue;
      }
      ShardManifest m = ShardManifest.read(dir);
      if (m == null || !Files.isRegularFile(dir.resolve(PartFile.NAME))) {
        incomplete.add(dir + " (no " + (m == null ? ShardManifest.NAME : PartFile.NAME) + ")");
        continue;
      }
      long units = PartFile.check(dir.resolve(PartFile.NAME));
      if (units != m.endUnit() - m.firstUnit()) {
        throw refuse(
            dir.resolve(PartFile.NAME),
            "holds "
                + units
                + " units where "
                + ShardManifest.NAME
                + " counts "
                + (m.endUnit() - m.firstUnit())
                + "; rerun the shard");
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
              + dirs.size()
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
    return new ShardSet(first, firstDirectory, byIndex);
  }

  static ScenarioFileException refuse(Path where, String message) {
    return new ScenarioFileException(List.of(new Diagnostic(where.toString(), 0, 0, "", message)));
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
