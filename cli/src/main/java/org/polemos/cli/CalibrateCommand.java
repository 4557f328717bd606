package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.CalibrationFileReader;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.sim.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos calibrate}: reads the calibration file, fits with {@link Calibration} (the library
 * class a Java user calls directly) and writes the loss history, the best parameters, the fitted
 * scenario and the fit.
 */
@Command(
    name = "calibrate",
    header =
        "Fit free parameters to observed figures (CMA-ES, Nelder-Mead, or an ABC-SMC posterior).",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Fits free scenario parameters (paths with bounds) to observed figures (CSV",
      "date_from,date_to,quantity,key,unit,low,high,source) by minimising the weighted sum over targets of",
      "the distance of the simulated replication mean to the reported interval: 0 inside [low, high], the",
      "squared relative distance to the nearer end outside. CMA-ES (default) or Nelder-Mead from Commons Math,",
      "within a budget of evaluations; every evaluation runs the same seed and replications (common random",
      "numbers). Writes:",
      "  best-parameters.csv  path,value,min,max,initial",
      "  fitted.yaml          the base scenario with the best values",
      "  loss-history.csv     evaluation,loss,best_loss and the values tried",
      "  fit.csv              each target: figure, interval, simulated mean and 90%% interval, loss",
      "  identifiability.csv  per target: whether any free parameter moves it (local sensitivities)",
      "With method: abc-smc (priors per parameter, population Monte Carlo ABC with adaptive tolerances):",
      "  posterior.csv        weight and one column per parameter path, one row per particle",
      "  posterior-summary.csv, abc-diagnostics.csv (tolerance, acceptance, ESS per generation),",
      "  posterior.html       marginal and pairwise posterior plots and the diagnostics (one offline page)",
      "  generations/         every complete generation; --resume continues after the last one",
      "File format: docs/EXPERIMENTS.md."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 invalid calibration, figures or scenario file (file:line:col);",
      "2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos calibrate examples/levant-2014-calibration.yaml --out calibration/levant",
      "  polemos calibrate my-calibration.yaml --out cal --threads 2 --no-progress",
      ""
    })
final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CAL.yaml", description = "The calibration file.")
  Path file;

  @Mixin OutDirectoryOption outOption = new OutDirectoryOption();

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "Override the file's budget (evaluations; simulations for abc-smc).")
  Integer budget;

  @Option(
      names = "--resume",
      description = "abc-smc: continue the run in DIR after its last complete generation.")
  boolean resume;

  @Mixin ThreadsOption threadsOption = new ThreadsOption();

  @Mixin ProgressOption progressOption = new ProgressOption();

  private final Engine engine;

  @Inject
  CalibrateCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    Path out = outOption.out;
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    if (budget != null && budget < 2) {
      throw new CommandLine.ParameterException(cmd, "--budget must be at least 2, was " + budget);
    }
    CalibrationSpec cal = new CalibrationFileReader(engine.metrics()).read(file);
    CalibrationFile.checkTargets(cal, engine);
    if (cal.isAbc()) {
      if (resume && !Files.isDirectory(out)) {
        throw new CommandLine.ParameterException(cmd, "--resume: no such directory: " + out);
      }
      try (OutputDirectory claimed =
          resume ? OutputDirectory.claim(out, cmd) : OutputDirectory.claimEmpty(out, cmd)) {
        return CalibrationRuns.abc(
            engine, cal, file, out, resume, budget, threadsOption, progressOption.noProgress, cmd);
      }
    }
    if (resume) {
      throw new CommandLine.ParameterException(cmd, "--resume applies to method: abc-smc only");
    }
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
      return CalibrationRuns.optimise(
          engine, cal, file, out, budget, threadsOption, progressOption.noProgress, cmd);
    }
  }
}
