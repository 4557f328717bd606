package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Calibration;
import org.polemos.sim.experiment.Calibrator;
import picocli.CommandLine;

/**
 * The two kinds of {@code polemos calibrate}: an optimiser's best fit, or the ABC-SMC posterior
 * with its diagnostics and identifiability check, each writing its outputs to the claimed {@code
 * out} and its summary to standard output.
 */
final class CalibrationRuns {
  private CalibrationRuns() {}

  /** An optimiser's calibration (CMA-ES, Nelder-Mead) and its outputs in {@code out}. */
  static int optimise(
      Engine engine,
      CalibrationSpec cal,
      Path file,
      Path out,
      Integer budget,
      ThreadsOption threadsOption,
      boolean noProgress,
      CommandLine cmd)
      throws IOException {
    int workers = threadsOption.workers(cal.replications(), cmd);
    int evaluations = budget != null ? budget : cal.budget();
    List<String> paths = cal.parameters().stream().map(ParameterBounds::path).toList();
    int k = paths.size();
    double[] min = new double[k];
    double[] max = new double[k];
    double[] initial = new double[k];
    for (int i = 0; i < k; i++) {
      ParameterBounds b = cal.parameters().get(i);
      min[i] = b.min();
      max[i] = b.max();
      initial[i] = Double.isNaN(b.initial()) ? (b.min() + b.max()) / 2 : b.initial();
    }
    PrintWriter err = cmd.getErr();
    long t0 = System.nanoTime();
    Calibrator calibrator =
        new Calibrator(min, max, Calibrator.Method.of(cal.optimiser()), evaluations, cal.seed());
    Calibration.Result result;
    try (Progress progress = Progress.of(noProgress, "calibrate", "evaluations", err)) {
      result =
          CalibrationFile.calibration(cal)
              .run(
                  engine,
                  calibrator,
                  initial,
                  workers,
                  (e, best) -> progress.replicationDone(e.number(), evaluations));
    }
    CalibrationOutput.write(
        cal,
        result,
        new TargetRuns(engine, cal.base(), paths, cal.targets()),
        min,
        max,
        initial,
        file,
        out,
        t0,
        cmd.getOut());
    return ExitCodes.OK;
  }

  /** {@code method: abc-smc}: the posterior, its diagnostics and the identifiability check. */
  static int abc(
      Engine engine,
      CalibrationSpec cal,
      Path file,
      Path out,
      boolean resume,
      Integer budget,
      ThreadsOption threadsOption,
      boolean noProgress,
      CommandLine cmd)
      throws IOException {
    // the work of one batch is its population of particles (the outputs do not depend on workers)
    int workers = threadsOption.workers(cal.abc().population(), cmd);
    long t0 = System.nanoTime();
    AbcCalibration abc = new AbcCalibration(engine, cal, cal.targets());
    List<org.polemos.sim.experiment.abc.AbcSmc.Generation> generations =
        abc.run(out, resume, workers, budget, noProgress, cmd);
    PrintWriter stdout = cmd.getOut();
    List<CalibrationSpec.PriorSpec> priors = cal.abc().priors();
    double[] low = new double[priors.size()];
    double[] high = new double[priors.size()];
    for (int i = 0; i < low.length; i++) {
      low[i] = cal.parameters().get(i).min();
      high[i] = cal.parameters().get(i).max();
    }
    abc.print(stdout, generations, (System.nanoTime() - t0) / 1e9, out, file.toString());
    IdentifiabilityReport.write(
        abc.runs(),
        abc.paths(),
        low,
        high,
        cal.seed(),
        cal.replications(),
        out.resolve("identifiability.csv"),
        stdout);
    stdout.flush();
    return ExitCodes.OK;
  }
}
