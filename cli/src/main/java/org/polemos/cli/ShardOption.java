package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.shard.PartFile;
import org.polemos.io.shard.ShardManifest;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.shard.ReplicationSource;
import org.polemos.sim.shard.Shard;
import org.polemos.sim.shard.ShardRunner;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --shard I/N} for an experiment command (a picocli mixin), and the two other ways such a
 * command can get its replications: a shard computes only its work units and writes {@code
 * units.part} and {@code shard.json} to {@code --out}; under {@code polemos merge} the command
 * replays the shards' units instead of computing them, into a directory the merge chose. A command
 * using it: gets its replications from {@link #source}, its output directory from {@link #out},
 * checks its inputs with {@link #verify}, and when {@link #sharding()} hands its design to {@link
 * #writeShard} instead of writing its outputs (docs/CLUSTER.md).
 */
final class ShardOption {

  /** An experiment command that takes {@code --shard}. */
  interface Sharded {
    ShardOption shardOption();
  }

  /**
   * What merge sets: replay from {@code source} into {@code directory}, the shards being {@code
   * manifest}'s; {@code shardDirectories} in shard order ({@code shardDirectory} is the first named
   * on the command line, for messages).
   */
  record Merge(
      Path directory,
      ReplicationSource source,
      ShardManifest manifest,
      Path shardDirectory,
      List<Path> shardDirectories) {}

  /**
   * The directory in which a hindcast shard keeps the calibration it computed before its units
   * (every shard computes the same one; merge takes it from the shards instead of calibrating).
   */
  static final String CALIBRATION = "calibration";

  /**
   * What a shard computes once its directory is claimed: its units into {@code recorder}, in unit
   * order, and before them anything it keeps beside its part file (a hindcast's calibration).
   */
  interface Work {
    void run(
        Path dir,
        Shard shard,
        ShardRunner runner,
        ShardRunner.Recorder recorder,
        Replications.Progress progress)
        throws IOException;
  }

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Compute only shard I of N (I from 0 to N-1) of the work units (design point x replication) and "
              + "write units.part and shard.json to --out; 'polemos merge' joins the shards into exactly the files of "
              + "one run (docs/CLUSTER.md). A complete shard in --out is skipped.")
  String shard;

  Merge merge;

  boolean sharding() {
    return shard != null && merge == null;
  }

  /** The replications: replayed under merge, computed otherwise. */
  ReplicationSource source(Engine engine) {
    return merge != null ? merge.source() : ReplicationSource.compute(engine);
  }

  /** The output directory: the merge's under merge, {@code out} otherwise. */
  Path out(Path out) {
    return merge != null ? merge.directory() : out;
  }

  /** Under merge, refuses inputs that changed since the shards ran (one line, exit 1). */
  void verify(String kind, String scenarioSha256, String experimentSha256, long seed) {
    if (merge == null) {
      return;
    }
    ShardManifest m = merge.manifest();
    String problem =
        !m.kind().equals(kind)
            ? "the shards are of '" + m.kind() + "', not '" + kind + "'"
            : !m.scenarioSha256().equals(scenarioSha256)
                ? "the scenario changed since the shards ran (hash differs)"
                : !m.experimentSha256().equals(experimentSha256)
                    ? "the experiment file changed since the shards ran (hash differs)"
                    : m.seed() != seed
                        ? "the seed differs from the shards' (" + m.seed() + ")"
                        : null;
    if (problem != null) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  merge.shardDirectory().toString(),
                  0,
                  0,
                  "",
                  problem
                      + "; merge reads the inputs the shards named, from the directory it runs in")));
    }
  }

  /**
   * Computes this shard of a design of {@code points} points x {@code replications} replications
   * and writes its part file then its manifest (each atomically) to {@code dir}. A complete shard
   * of the same experiment already in {@code dir} is kept and skipped; the leftovers of an
   * interrupted shard are removed first.
   */
  int writeShard(
      CommandLine cmd,
      Engine engine,
      String kind,
      String scenarioSha256,
      String experimentSha256,
      long seed,
      int points,
      int replications,
      IntFunction<Scenario> scenarioOf,
      Predicate<String> metrics,
      int threads,
      Path dir,
      boolean noProgress)
      throws IOException {
    return writeShard(
        cmd,
        engine,
        kind,
        scenarioSha256,
        experimentSha256,
        seed,
        (long) points * replications,
        metrics,
        (d, s, runner, recorder, progress) ->
            runner.run(s, points, replications, scenarioOf, seed, threads, recorder, progress),
        threads,
        dir,
        noProgress);
  }

  /**
   * As above for an experiment of {@code units} work units computed by {@code work} (a hindcast:
   * its calibration, then its predictive replications).
   */
  int writeShard(
      CommandLine cmd,
      Engine engine,
      String kind,
      String scenarioSha256,
      String experimentSha256,
      long seed,
      long units,
      Predicate<String> metrics,
      Work work,
      int threads,
      Path dir,
      boolean noProgress)
      throws IOException {
    Shard s;
    try {
      s = Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--shard " + shard + ": " + e.getMessage());
    }
    ShardManifest manifest =
        new ShardManifest(
            kind,
            scenarioSha256,
            experimentSha256,
            seed,
            Version.VERSION,
            s.index(),
            s.count(),
            units,
            s.first(units),
            s.end(units),
            experimentArguments(cmd),
            threads,
            Instant.now().toString());
    PrintWriter err = cmd.getErr();
    ShardManifest existing = Files.isDirectory(dir) ? ShardManifest.read(dir) : null;
    if (existing != null) {
      String difference = existing.difference(manifest);
      if (difference != null || existing.shard() != s.index()) {
        throw new CommandLine.ParameterException(
            cmd,
            "--out "
                + dir
                + " holds shard "
                + existing.shard()
                + "/"
                + existing.shards()
                + " of another experiment or shard"
                + (difference == null ? "" : " (" + difference + ")")
                + "; use another --out");
      }
      err.println(kind + ": shard " + s + " already complete in " + dir + ", skipped");
      err.flush();
      return ExitCodes.OK;
    }
    clearLeftovers(dir, cmd);
    long t0 = System.nanoTime();
    try (PartFile.Writer part = new PartFile.Writer(dir.resolve(PartFile.NAME));
        Progress progress = Progress.of(noProgress, kind + " shard " + s, "units", err)) {
      ShardRunner.Recorder recorder =
          new ShardRunner.Recorder() {
            @Override
            public void beginUnit(int point, int replication) {
              io(() -> part.beginUnit(point, replication));
            }

            @Override
            public void series(
                int replication, LocalDate date, String metric, String key, double value) {
              if (metrics.test(metric)) {
                io(() -> part.series(replication, date, metric, key, value));
              }
            }

            @Override
            public void event(EventRecord event) {
              io(() -> part.event(event));
            }

            @Override
            public void endUnit() {
              io(part::endUnit);
            }
          };
      work.run(dir, s, new ShardRunner(engine), recorder, progress);
      part.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    manifest.write(dir);
    cmd.getOut()
        .printf(
            "%s: shard %s, units %d..%d of %d, seed %d, %.1f s -> %s%n",
            kind,
            s,
            manifest.firstUnit(),
            manifest.endUnit() - 1,
            units,
            seed,
            (System.nanoTime() - t0) / 1e9,
            dir);
    cmd.getOut().flush();
    return ExitCodes.OK;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates {@code dir}, removing what an interrupted shard left; refuses a directory holding
   * anything else.
   */
  private static void clearLeftovers(Path dir, CommandLine cmd) throws IOException {
    Files.createDirectories(dir);
    List<Path> leftovers = new ArrayList<>();
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        boolean ours =
            name.equals(PartFile.NAME)
                || (name.equals(CALIBRATION) && Files.isDirectory(p))
                || (name.endsWith(".partial")
                    && (name.startsWith("." + PartFile.NAME + ".")
                        || name.startsWith("." + ShardManifest.NAME + ".")));
        if (!ours) {
          throw new CommandLine.ParameterException(
              cmd,
              "--out "
                  + dir
                  + ": not empty and not a shard directory ("
                  + name
                  + "); choose another");
        }
        leftovers.add(p);
      }
    }
    for (Path p : leftovers) {
      deleteTree(p);
    }
  }

  /** Deletes a file, or a directory and everything in it. */
  static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (var walk = Files.walk(path)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    } else {
      Files.deleteIfExists(path);
    }
  }

  /** SHA-256 of a file's bytes, in hex (the experiment file's hash in shard manifests). */
  static String fileSha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The command's arguments without {@code --shard} and {@code --out}: what merge reruns. */
  private static List<String> experimentArguments(CommandLine cmd) {
    return withoutShardAndOut(cmd.getParseResult().originalArgs());
  }

  static List<String> withoutShardAndOut(List<String> args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--shard") || a.equals("--out") || a.equals("-o")) {
        i++;
      } else if (!(a.startsWith("--shard=")
          || a.startsWith("--out=")
          || (a.startsWith("-o") && !a.startsWith("--") && a.length() > 2))) {
        kept.add(a);
      }
    }
    return kept;
  }
}
