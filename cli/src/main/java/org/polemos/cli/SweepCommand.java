package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.Location;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.experiment.SweepFileReader;
import org.polemos.io.experiment.SweepSpec;
import org.polemos.io.results.CheckpointLog;
import org.polemos.io.results.SummaryCsv;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Designs;
import org.polemos.sim.experiment.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos sweep}: reads the sweep file, runs its points with {@link Sweep} (the library
 * class a Java user calls directly) and keeps the results in a directory with a checkpoint log, for
 * {@code --resume}.
 */
@Command(
    name = "sweep",
    header = "Run a grid or Latin-hypercube sweep over parameter paths, resumable.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs every point of a sweep file (a grid or a Latin hypercube over scenario parameter paths),",
      "each with the same seed and replications (common random numbers), and writes:",
      "  points.csv               point index and parameter values",
      "  points/<i>/summary.csv   the summary of point i (columns as 'polemos run' summary.csv)",
      "  sweep.csv                point, one column per parameter, metric, key, date, mean, ci_low, ci_high",
      "  checkpoint.log           one line per finished point, forced to disk",
      "An interrupted sweep (even kill -9) resumes with --resume: finished points are skipped, the rest run,",
      "and the outputs are byte-identical to an uninterrupted sweep. File format: docs/EXPERIMENTS.md."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 invalid sweep or scenario file (reported as file:line:col);",
      "2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos sweep examples/minimal-sweep.yaml --out sweeps/interdiction",
      "  polemos sweep examples/minimal-sweep.yaml --out sweeps/interdiction --resume --threads 2",
      ""
    })
final class SweepCommand implements Callable<Integer>, ShardOption.Sharded {
  static final String CHECKPOINT = "checkpoint.log";

  @Spec CommandSpec spec;

  @Mixin ShardOption shardOption = new ShardOption();

  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
  Path file;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Sweep directory; must be new or empty, unless --resume.")
  Path out;

  @Option(
      names = "--resume",
      description = "Continue an interrupted sweep in DIR: skip the points it finished.")
  boolean resume;

  /** Testing aid: fail after this many points have been run by this invocation, as if killed. */
  @Option(names = "--stop-after-points", hidden = true)
  Integer stopAfterPoints;

  @Mixin ThreadsOption threadsOption = new ThreadsOption();

  @Mixin ProgressOption progressOption = new ProgressOption();

  private final Engine engine;

  @Inject
  SweepCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    SweepSpec sweep = new SweepFileReader(engine.metrics()).read(file);
    if (!sweep.metrics().isEmpty()) {
      List<Location> at = new ArrayList<>();
      sweep.metrics().forEach(m -> at.add(sweep.metricsLocation()));
      Experiments.checkMetrics(sweep.metrics(), at, engine.metrics());
    }
    List<double[]> points = points(sweep);
    Sweep design =
        new Sweep(
            sweep.base(),
            sweep.paths(),
            points,
            sweep.seed(),
            sweep.replications(),
            sweep.metrics());
    List<org.polemos.model.Scenario> scenarios;
    try {
      scenarios = design.scenarios();
    } catch (Sweep.InvalidPointException e) {
      throw new CommandLine.ParameterException(cmd, file + ": " + e.getMessage());
    }
    out = shardOption.out(out);
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(sweep.base()));
    shardOption.verify("sweep", scenarioSha, ShardOption.fileSha256(file), sweep.seed());
    if (shardOption.sharding()) {
      if (resume) {
        throw new CommandLine.ParameterException(
            cmd,
            "--resume with --shard: a shard resumes by being run again "
                + "(a complete shard is skipped)");
      }
      return shardOption.writeShard(
          cmd,
          engine,
          "sweep",
          scenarioSha,
          ShardOption.fileSha256(file),
          sweep.seed(),
          points.size(),
          sweep.replications(),
          scenarios::get,
          m -> sweep.metrics().isEmpty() || sweep.metrics().contains(m),
          threadsOption.workers(sweep.replications(), cmd),
          out,
          progressOption.noProgress);
    }
    String fingerprint = fingerprint(sweep, points);
    try (OutputDirectory claimed =
        resume ? OutputDirectory.claim(out, cmd) : OutputDirectory.claimEmpty(out, cmd)) {
      return sweep(sweep, points, design, fingerprint, cmd);
    }
  }

  private int sweep(
      SweepSpec sweep, List<double[]> points, Sweep design, String fingerprint, CommandLine cmd)
      throws IOException {
    Path log = out.resolve(CHECKPOINT);
    TreeSet<Integer> done = new TreeSet<>();
    PrintWriter err = cmd.getErr();
    if (resume) {
      done.addAll(finished(log, fingerprint, points.size(), cmd, err));
      if (!done.isEmpty()) {
        err.println(
            "sweep: resuming "
                + out
                + ": "
                + done.size()
                + " of "
                + points.size()
                + " points already done, skipped: "
                + ranges(done));
        err.flush();
      }
    }
    writePoints(sweep, points);
    int workers = threadsOption.workers(sweep.replications(), cmd);
    long t0 = System.nanoTime();
    int ran;
    try (CheckpointLog checkpoint = CheckpointLog.open(log);
        Progress progress = Progress.of(progressOption.noProgress, "sweep", "points", err)) {
      if (CheckpointLog.read(log).isEmpty()) {
        checkpoint.append("sweep " + fingerprint);
      }
      int[] now = {0};
      ran =
          design.run(
              shardOption.source(engine),
              workers,
              done,
              (i, summary) -> {
                Path pointSummary = pointDir(i).resolve("summary.csv");
                Experiments.writeSummary(summary, pointSummary);
                // The summary's hash lets a resume verify it rather than trust it.
                checkpoint.append("point " + i + " done " + sha256(pointSummary));
                done.add(i);
                now[0]++;
                progress.replicationDone(done.size(), points.size());
                if (stopAfterPoints != null && now[0] >= stopAfterPoints) {
                  throw new IllegalStateException(
                      "stopped after " + now[0] + " points (--stop-after-points)");
                }
              });
    }
    writeCombined(sweep, points);
    PrintWriter stdout = cmd.getOut();
    stdout.printf(
        "%s: %d points x %d replications (%d run now, %d resumed), seed %d, %.1f s -> %s%n",
        file,
        points.size(),
        sweep.replications(),
        ran,
        points.size() - ran,
        sweep.seed(),
        (System.nanoTime() - t0) / 1e9,
        out);
    stdout.flush();
    return ExitCodes.OK;
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }

  static List<double[]> points(SweepSpec sweep) {
    if (sweep.isGrid()) {
      return Designs.grid(sweep.gridValues());
    }
    int k = sweep.bounds().size();
    double[] min = new double[k];
    double[] max = new double[k];
    for (int j = 0; j < k; j++) {
      ParameterBounds b = sweep.bounds().get(j);
      min[j] = b.min();
      max[j] = b.max();
    }
    return Designs.latinHypercube(
        sweep.latinHypercube().points(), min, max, sweep.latinHypercube().seed());
  }

  private Path pointDir(int i) {
    return out.resolve("points").resolve(Integer.toString(i));
  }

  /**
   * The points finished according to the checkpoint log, each verified: its summary must be present
   * and read back whole. A point logged done whose summary is missing or damaged is reported and
   * run again, and the log is rewritten (atomically) to hold only the verified points, so that no
   * point is ever logged done twice.
   */
  private List<Integer> finished(
      Path log, String fingerprint, int total, CommandLine cmd, PrintWriter err)
      throws IOException {
    if (!Files.isRegularFile(log)) {
      if (!OutputDirectory.contents(out).isEmpty()) {
        throw new CommandLine.ParameterException(
            cmd,
            "--resume: "
                + out
                + " holds files but no "
                + CHECKPOINT
                + "; it is not a sweep directory");
      }
      return List.of();
    }
    List<String> lines = CheckpointLog.read(log);
    if (lines.isEmpty()) {
      return List.of();
    }
    if (!lines.get(0).equals("sweep " + fingerprint)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--resume: "
              + out
              + " was made by a different sweep (the sweep"
              + " file, its base scenario or the design changed); use a new --out");
    }
    TreeSet<Integer> done = new TreeSet<>();
    TreeSet<Integer> damaged = new TreeSet<>();
    Map<Integer, String> hashes = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ");
      if ((parts.length == 3 || parts.length == 4)
          && parts[0].equals("point")
          && parts[2].equals("done")) {
        int i;
        try {
          i = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          continue;
        }
        if (i >= 0 && i < total && !done.contains(i)) {
          if (verified(pointDir(i).resolve("summary.csv"), parts.length == 4 ? parts[3] : null)) {
            done.add(i);
            hashes.put(i, parts.length == 4 ? parts[3] : null);
          } else {
            damaged.add(i);
          }
        }
      }
    }
    damaged.removeAll(done);
    if (!damaged.isEmpty()) {
      err.println(
          "sweep: "
              + out
              + ": point"
              + (damaged.size() == 1 ? " " : "s ")
              + ranges(damaged)
              + " logged done but "
              + (damaged.size() == 1 ? "its summary is" : "their summaries are")
              + " missing or damaged; running "
              + (damaged.size() == 1 ? "it" : "them")
              + " again");
      err.flush();
    }
    List<String> verified = new ArrayList<>();
    verified.add(lines.get(0));
    done.forEach(
        i ->
            verified.add(
                "point " + i + " done" + (hashes.get(i) == null ? "" : " " + hashes.get(i))));
    if (!verified.equals(lines)) {
      org.polemos.io.results.AtomicOutput.writeString(log, String.join("\n", verified) + "\n");
    }
    return new ArrayList<>(done);
  }

  /**
   * Whether a point's summary is present, has the SHA-256 the log recorded (when it recorded one)
   * and reads back whole. It was written atomically, so a difference means it was changed or
   * damaged after the point finished.
   */
  private static boolean verified(Path summary, String sha256) {
    if (!Files.isRegularFile(summary)) {
      return false;
    }
    try {
      if (sha256 != null && !sha256.equals(sha256(summary))) {
        return false;
      }
      SummaryCsv.read(summary, r -> {});
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private void writePoints(SweepSpec sweep, List<double[]> points) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("point");
    header.addAll(sweep.paths());
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("points.csv"), header)) {
      for (int i = 0; i < points.size(); i++) {
        Object[] row = new Object[header.size()];
        row[0] = i;
        for (int j = 0; j < points.get(i).length; j++) {
          row[j + 1] = points.get(i)[j];
        }
        csv.row(row);
      }
      csv.commit();
    }
  }

  private void writeCombined(SweepSpec sweep, List<double[]> points) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("point");
    header.addAll(sweep.paths());
    header.addAll(List.of("metric", "key", "date", "mean", "ci_low", "ci_high"));
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("sweep.csv"), header)) {
      for (int i = 0; i < points.size(); i++) {
        double[] point = points.get(i);
        int index = i;
        SummaryCsv.read(
            pointDir(i).resolve("summary.csv"),
            r -> {
              Object[] row = new Object[header.size()];
              row[0] = index;
              for (int j = 0; j < point.length; j++) {
                row[j + 1] = point[j];
              }
              int c = point.length + 1;
              row[c] = r.metric();
              row[c + 1] = r.key();
              row[c + 2] = r.date().toString();
              row[c + 3] = r.mean();
              row[c + 4] = r.ciLow();
              row[c + 5] = r.ciHigh();
              try {
                csv.row(row);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
      csv.commit();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Identifies the sweep: base scenario, seed, replications, metrics and every point. */
  private static String fingerprint(SweepSpec sweep, List<double[]> points) {
    StringBuilder text = new StringBuilder(new ScenarioWriter().toYaml(sweep.base()));
    text.append("\nseed ")
        .append(sweep.seed())
        .append("\nreplications ")
        .append(sweep.replications())
        .append("\nmetrics ")
        .append(sweep.metrics())
        .append("\npaths ")
        .append(sweep.paths());
    for (double[] p : points) {
      text.append('\n').append(java.util.Arrays.toString(p));
    }
    return RunCommand.sha256(text.toString());
  }

  private static String ranges(TreeSet<Integer> done) {
    List<String> parts = new ArrayList<>();
    Integer start = null;
    Integer previous = null;
    for (int i : done) {
      if (start == null) {
        start = i;
      } else if (i != previous + 1) {
        parts.add(start.equals(previous) ? "" + start : start + "-" + previous);
        start = i;
      }
      previous = i;
    }
    if (start != null) {
      parts.add(start.equals(previous) ? "" + start : start + "-" + previous);
    }
    return String.join(", ", parts);
  }
}
