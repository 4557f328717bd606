package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.SweepFileReader;
import org.polemos.io.experiment.SweepSpec;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
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
  static final String CHECKPOINT = SweepDirectory.CHECKPOINT;

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
    List<double[]> points = SweepFile.points(sweep);
    Sweep design = SweepFile.sweep(sweep, points, engine.metrics());
    List<Scenario> scenarios = SweepFile.scenarios(design, file, cmd);
    out = shardOption.out(out);
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(sweep.base()));
    shardOption.verify("sweep", scenarioSha, ShardOption.fileSha256(file), sweep.seed());
    int workers = threadsOption.workers(sweep.replications(), cmd);
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
          workers,
          out,
          progressOption.noProgress);
    }
    String fingerprint = SweepDirectory.fingerprint(sweep, points);
    try (OutputDirectory claimed =
        resume ? OutputDirectory.claim(out, cmd) : OutputDirectory.claimEmpty(out, cmd)) {
      long t0 = System.nanoTime();
      int ran =
          new SweepDirectory(out)
              .run(
                  design,
                  points,
                  fingerprint,
                  resume,
                  shardOption.source(engine),
                  workers,
                  progressOption,
                  stopAfterPoints,
                  cmd);
      cmd.getOut()
          .printf(
              "%s: %d points x %d replications (%d run now, %d resumed), seed %d, %.1f s -> %s%n",
              file,
              points.size(),
              sweep.replications(),
              ran,
              points.size() - ran,
              sweep.seed(),
              (System.nanoTime() - t0) / 1e9,
              out)
          .flush();
      return ExitCodes.OK;
    }
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }
}
