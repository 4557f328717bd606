package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos sweep}: reads the sweep file, runs its points with {@link Sweep} (the library class a Java user
 * calls directly) and keeps the results in a directory with a checkpoint log, for {@code --resume}.
 */
@Command(name = "sweep",
    header = "Run a grid or Latin-hypercube sweep over parameter paths, resumable.",
    mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Runs every point of a sweep file (a grid or a Latin hypercube over scenario parameter paths),",
        "each with the same seed and replications (common random numbers), and writes:",
        "  points.csv               point index and parameter values",
        "  points/<i>/summary.csv   the summary of point i (columns as 'polemos run' summary.csv)",
        "  sweep.csv                point, one column per parameter, metric, key, date, mean, ci_low, ci_high",
        "  checkpoint.log           one line per finished point, forced to disk",
        "An interrupted sweep (even kill -9) resumes with --resume: finished points are skipped, the rest run,",
        "and the outputs are byte-identical to an uninterrupted sweep. File format: docs/EXPERIMENTS.md."},
    footer = {"", "Exit status: 0 done; 1 invalid sweep or scenario file (reported as file:line:col);",
        "2 usage error; 3 unexpected failure.", "", "Examples:",
        "  polemos sweep examples/minimal-sweep.yaml --out sweeps/interdiction",
        "  polemos sweep examples/minimal-sweep.yaml --out sweeps/interdiction --resume --threads 2", ""})
final class SweepCommand implements Callable<Integer> {
  static final String CHECKPOINT = "checkpoint.log";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
  Path file;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
      description = "Sweep directory; must be new or empty, unless --resume.")
  Path out;

  @Option(names = "--resume", description = "Continue an interrupted sweep in DIR: skip the points it finished.")
  boolean resume;

  @Option(names = {"-t", "--threads"}, paramLabel = "T",
      description = "Worker threads for the replications of a point. Default: the number of processors.")
  Integer threads;

  @Option(names = "--no-progress", description = "No progress output (also off when the CI variable is set).")
  boolean noProgress;

  /** Testing aid: fail after this many points have been run by this invocation, as if killed. */
  @Option(names = "--stop-after-points", hidden = true)
  Integer stopAfterPoints;

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
    Sweep design = new Sweep(sweep.base(), sweep.paths(), points, sweep.seed(), sweep.replications(),
        sweep.metrics());
    try {
      design.scenarios();
    } catch (Sweep.InvalidPointException e) {
      throw new CommandLine.ParameterException(cmd, file + ": " + e.getMessage());
    }
    String fingerprint = fingerprint(sweep, points);
    Path log = out.resolve(CHECKPOINT);
    TreeSet<Integer> done = new TreeSet<>();
    PrintWriter err = cmd.getErr();
    if (resume) {
      done.addAll(finished(log, fingerprint, points.size(), cmd));
      if (!done.isEmpty()) {
        err.println("sweep: resuming " + out + ": " + done.size() + " of " + points.size()
            + " points already done, skipped: " + ranges(done));
        err.flush();
      }
    } else {
      Experiments.prepareEmpty(out, cmd);
    }
    writePoints(sweep, points);
    int workers = Experiments.threads(threads, sweep.replications(), cmd);
    long t0 = System.nanoTime();
    int ran;
    try (CheckpointLog checkpoint = CheckpointLog.open(log);
         Progress progress = Progress.of(noProgress, "sweep", "points", err)) {
      if (CheckpointLog.read(log).isEmpty()) {
        checkpoint.append("sweep " + fingerprint);
      }
      int[] now = {0};
      ran = design.run(engine, workers, done, (i, summary) -> {
        Experiments.writeSummary(summary, pointDir(i).resolve("summary.csv"));
        checkpoint.append("point " + i + " done");
        done.add(i);
        now[0]++;
        progress.replicationDone(done.size(), points.size());
        if (stopAfterPoints != null && now[0] >= stopAfterPoints) {
          throw new IllegalStateException("stopped after " + now[0] + " points (--stop-after-points)");
        }
      });
    }
    writeCombined(sweep, points);
    PrintWriter stdout = cmd.getOut();
    stdout.printf("%s: %d points x %d replications (%d run now, %d resumed), seed %d, %.1f s -> %s%n",
        file, points.size(), sweep.replications(), ran, points.size() - ran, sweep.seed(),
        (System.nanoTime() - t0) / 1e9, out);
    stdout.flush();
    return ExitCodes.OK;
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
    return Designs.latinHypercube(sweep.latinHypercube().points(), min, max, sweep.latinHypercube().seed());
  }

  private Path pointDir(int i) {
    return out.resolve("points").resolve(Integer.toString(i));
  }

  /** The points finished according to the checkpoint log (each with its summary file present). */
  private List<Integer> finished(Path log, String fingerprint, int total, CommandLine cmd) throws IOException {
    if (!Files.isRegularFile(log)) {
      if (Files.isDirectory(out)) {
        try (var entries = Files.list(out)) {
          if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
            throw new CommandLine.ParameterException(cmd, "--resume: " + out + " holds files but no " + CHECKPOINT
                + "; it is not a sweep directory");
          }
        }
      }
      Files.createDirectories(out);
      return List.of();
    }
    List<String> lines = CheckpointLog.read(log);
    if (lines.isEmpty()) {
      return List.of();
    }
    if (!lines.get(0).equals("sweep " + fingerprint)) {
      throw new CommandLine.ParameterException(cmd, "--resume: " + out + " was made by a different sweep (the sweep"
          + " file, its base scenario or the design changed); use a new --out");
    }
    List<Integer> done = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("point") && parts[2].equals("done")) {
        int i = Integer.parseInt(parts[1]);
        if (i >= 0 && i < total && Files.isRegularFile(pointDir(i).resolve("summary.csv"))) {
          done.add(i);
        }
      }
    }
    return done;
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
        SummaryCsv.read(pointDir(i).resolve("summary.csv"), r -> {
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
    text.append("\nseed ").append(sweep.seed()).append("\nreplications ").append(sweep.replications())
        .append("\nmetrics ").append(sweep.metrics()).append("\npaths ").append(sweep.paths());
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
