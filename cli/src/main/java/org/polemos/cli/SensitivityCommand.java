package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.SensitivityFileReader;
import org.polemos.io.experiment.SensitivitySpec;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Sensitivity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos sensitivity}: Morris screening or Sobol indices of parameters for chosen outputs.
 */
@Command(
    name = "sensitivity",
    header = "Screen parameters by Morris elementary effects or Sobol indices.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Screens scenario parameters (paths with bounds) by Morris elementary effects: r trajectories",
      "on a p-level grid, each point run with the same seed and replications (common random numbers); an",
      "output is the replication mean of a metric and key at a date. Writes:",
      "  morris.csv   output metric, key, date, parameter, mu, mu_star, sigma, rank (by mu_star, 1 = most",
      "               influential); effects are per unit of the parameter's range",
      "  design.csv   trajectory, step, the parameter values and each output",
      "With method: sobol, first-order and total Sobol indices (Saltelli 2010 design, N (k + 2) points):",
      "  sobol.csv    output metric, key, date, parameter, s1, st, rank (by st, 1 = most influential)",
      "  design.csv   matrix (A, B, AB:<parameter>), row, the parameter values and each output",
      "and prints the ranking. File format: docs/EXPERIMENTS.md."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 invalid sensitivity or scenario file (file:line:col);",
      "2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos sensitivity examples/levant-2014-sensitivity.yaml --out sensitivity/levant",
      "  polemos sensitivity my-screening.yaml --out screen --threads 2 --no-progress",
      ""
    })
final class SensitivityCommand implements Callable<Integer>, ShardOption.Sharded {

  @Spec CommandSpec spec;

  @Mixin ShardOption shardOption = new ShardOption();

  @Parameters(index = "0", paramLabel = "SENS.yaml", description = "The sensitivity file.")
  Path file;

  @Mixin OutDirectoryOption outOption = new OutDirectoryOption();

  @Mixin ThreadsOption threadsOption = new ThreadsOption();

  @Mixin ProgressOption progressOption = new ProgressOption();

  private final Engine engine;

  @Inject
  SensitivityCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    SensitivitySpec sens = new SensitivityFileReader(engine.metrics()).read(file);
    Path out = shardOption.out(outOption.out);
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(sens.base()));
    String fileSha = ShardOption.fileSha256(file);
    shardOption.verify("sensitivity", scenarioSha, fileSha, sens.seed());
    Sensitivity study = SensitivityFile.study(sens);
    int workers = threadsOption.workers(sens.replications(), cmd);
    return SensitivityFile.reportingErrors(
        file,
        sens,
        cmd,
        () -> {
          if (shardOption.sharding()) {
            return shardOption.writeShard(
                cmd,
                engine,
                "sensitivity",
                scenarioSha,
                fileSha,
                sens.seed(),
                study.size(),
                sens.replications(),
                study::scenario,
                study.metrics()::contains,
                workers,
                out,
                progressOption.noProgress);
          }
          return Experiments.inNewDirectory(out, cmd, () -> run(study, workers, out, cmd));
        });
  }

  private int run(Sensitivity study, int workers, Path out, CommandLine cmd) throws IOException {
    long t0 = System.nanoTime();
    Sensitivity.Result result;
    try (Progress progress = progressOption.progress("sensitivity", "points", cmd)) {
      result = study.run(shardOption.source(engine), workers, progress::replicationDone);
    }
    SensitivityOutput.write(study, result, file, out, t0, cmd.getOut());
    cmd.getOut().flush();
    return ExitCodes.OK;
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }
}
