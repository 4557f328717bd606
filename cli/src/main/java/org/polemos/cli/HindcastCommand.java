package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos hindcast}: calibrate on the figures up to a cutoff, predict the later ones, score
 * them.
 */
@Command(
    name = "hindcast",
    header =
        "Calibrate on figures up to a cutoff, run the posterior forward and score every later figure.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Calibrates the file's abc-smc posterior on its figures dated up to --cutoff (date_to <= cutoff),",
      "runs --draws replications forward, each with a parameter set drawn from the posterior, and scores every",
      "figure after the cutoff (date_to > cutoff): those of the calibration file and those of --observed (the",
      "public-figures layout date_from,date_to,quantity,key,unit,low,high,source), each mapped to a simulated",
      "number by the calibration target with the same quantity and key. Writes:",
      "  hindcast.csv            quantity,key,date_from,date_to,observed_low,observed_high,pred_mean,",
      "                          pred_p05,pred_p25,pred_p50,pred_p75,pred_p95,crps,in50,in90",
      "  hindcast-in-sample.csv  the same for the calibration figures",
      "  hindcast.html           one chart per quantity, the cutoff marked",
      "  calibration/            the ABC-SMC outputs (posterior.csv, identifiability.csv, ...), unless",
      "                          --no-calibrate",
      "  posterior-draws.csv     the parameter set of each predictive replication",
      "CRPS against the figure (the midpoint of a reported range); in50/in90: 1 if that value lies in the",
      "central 50%%/90%% predictive interval. File format and scores: docs/EXPERIMENTS.md, docs/VALIDATION.md."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 invalid calibration, figures, posterior or scenario file (file:line:col);",
      "2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos hindcast examples/levant-2014-hindcast.yaml --cutoff 2015-06-30 --out hindcast/levant",
      "  polemos hindcast cal.yaml --cutoff 2015-06-30 --observed later.csv --out hc",
      "  polemos hindcast cal.yaml --cutoff 2015-06-30 --observed later.csv --no-calibrate "
          + "--posterior cal/posterior.csv --out hc2",
      ""
    })
final class HindcastCommand implements Callable<Integer>, ShardOption.Sharded {
  @Spec CommandSpec spec;

  @Mixin ShardOption shardOption = new ShardOption();
  @Mixin OutDirectoryOption outOption;
  @Mixin ThreadsOption threadsOption;
  @Mixin ProgressOption progressOption;
  @Mixin HindcastOptions options;

  @Parameters(
      index = "0",
      paramLabel = "CAL.yaml",
      description = "A calibration file (method: abc-smc).")
  Path file;

  private final Engine engine;

  @Inject
  HindcastCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    HindcastOptions.Checked a = options.check(engine, file, cmd);
    CalibrationSpec cal = a.cal();
    int draws = options.draws;
    // Under merge: the merge's directory, the calibration taken from the shards and the
    // predictive replications replayed from them (docs/CLUSTER.md).
    Path out = shardOption.out(outOption.out);
    Scenario base = cal.base().with("seed", cal.seed());
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(base));
    String experimentSha = options.experimentSha256(file);
    shardOption.verify("hindcast", scenarioSha, experimentSha, cal.seed());
    int workers = threadsOption.workers(draws, cmd);
    HindcastPosterior posterior =
        new HindcastPosterior(engine, a, base, options.posterior, draws, shardOption.merge);
    if (shardOption.sharding()) {
      // Every shard calibrates (the same posterior: ABC-SMC's output depends on the seed only),
      // then computes its share of the predictive replications.
      return shardOption.writeShard(
          cmd,
          engine,
          "hindcast",
          scenarioSha,
          experimentSha,
          cal.seed(),
          draws,
          metric -> true,
          (dir, shard, runner, recorder, progress) -> {
            PosteriorRuns sets = posterior.runs(dir, workers, progressOption.noProgress, cmd);
            runner.runReplications(
                shard, draws, sets::scenario, cal.seed(), workers, recorder, progress);
          },
          workers,
          out,
          progressOption.noProgress);
    }
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
      long t0 = System.nanoTime();
      PosteriorRuns sets = posterior.runs(out, workers, progressOption.noProgress, cmd);
      // Predictive replications: replication i runs the parameter set drawn for it.
      double[][] y;
      try (Progress progress = progressOption.progress("hindcast", "replications", cmd)) {
        y =
            TargetValues.run(
                engine,
                shardOption.source(engine),
                base,
                a.targets(),
                sets::scenario,
                cal.seed(),
                draws,
                workers,
                progress);
      }
      sets.write(out.resolve(PosteriorRuns.DRAWS));
      String title = "Hindcast of " + cal.base().id() + " from " + a.cutoff();
      String summary = HindcastOutput.write(out, title, a.cutoff(), a.figures(), y, draws);
      PrintWriter stdout = cmd.getOut();
      stdout.printf(
          Locale.ROOT,
          "%s: %s, %d predictive replications, seed %d, %.1f s -> %s%n",
          file,
          options.noCalibrate
              ? "posterior " + options.posterior
              : "calibrated on " + a.calibration().size() + " figures",
          draws,
          cal.seed(),
          (System.nanoTime() - t0) / 1e9,
          out);
      stdout.println(summary);
      stdout.flush();
      return ExitCodes.OK;
    }
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }
}
