package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.CalibrationFileReader;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Calibration;
import org.polemos.sim.experiment.Calibrator;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.Observation;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.random.RandomStreams;
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

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Output directory; must be new or empty.")
  Path out;

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
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    if (budget != null && budget < 2) {
      throw new CommandLine.ParameterException(cmd, "--budget must be at least 2, was " + budget);
    }
    CalibrationSpec cal = new CalibrationFileReader(engine.metrics()).read(file);
    checkTargets(cal);
    if (cal.isAbc()) {
      if (resume && !Files.isDirectory(out)) {
        throw new CommandLine.ParameterException(cmd, "--resume: no such directory: " + out);
      }
      try (OutputDirectory claimed =
          resume ? OutputDirectory.claim(out, cmd) : OutputDirectory.claimEmpty(out, cmd)) {
        return abc(cal, cmd);
      }
    }
    if (resume) {
      throw new CommandLine.ParameterException(cmd, "--resume applies to method: abc-smc only");
    }
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
      return calibrate(cal, cmd);
    }
  }

  private int calibrate(CalibrationSpec cal, CommandLine cmd) throws IOException {
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
    try (Progress progress =
        Progress.of(progressOption.noProgress, "calibrate", "evaluations", err)) {
      result =
          calibration(cal)
              .run(
                  engine,
                  calibrator,
                  initial,
                  workers,
                  (e, best) -> progress.replicationDone(e.number(), evaluations));
    }
    List<Calibrator.Evaluation> history = result.history();
    List<Double> bestSoFar = result.bestSoFar();
    Calibrator.Evaluation best = result.best();
    Scenario fitted = result.fitted();
    Calibration.Fit fit = result.fit();

    List<String> header = new ArrayList<>(List.of("evaluation", "loss", "best_loss"));
    header.addAll(paths);
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("loss-history.csv"), header)) {
      for (int e = 0; e < history.size(); e++) {
        Object[] row = new Object[header.size()];
        row[0] = history.get(e).number();
        row[1] = history.get(e).loss();
        row[2] = bestSoFar.get(e);
        for (int i = 0; i < k; i++) {
          row[3 + i] = history.get(e).values()[i];
        }
        csv.row(row);
      }
      csv.commit();
    }
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("best-parameters.csv"),
            List.of("path", "value", "min", "max", "initial"))) {
      for (int i = 0; i < k; i++) {
        csv.row(paths.get(i), fitted.getDouble(paths.get(i)), min[i], max[i], initial[i]);
      }
      csv.commit();
    }
    new ScenarioWriter().write(fitted, out.resolve("fitted.yaml"));
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("fit.csv"),
            List.of(
                "quantity",
                "key",
                "date_from",
                "date_to",
                "low",
                "high",
                "metric",
                "metric_key",
                "aggregate",
                "scale",
                "simulated_mean",
                "simulated_p05",
                "simulated_p95",
                "weight",
                "loss"))) {
      for (int t = 0; t < cal.targets().size(); t++) {
        CalibrationSpec.Target target = cal.targets().get(t);
        ObservedFigure f = target.figure();
        CellSummary s = fit.simulated().get(t);
        csv.row(
            f.quantity(),
            f.key(),
            f.dateFrom().toString(),
            f.dateTo().toString(),
            f.low(),
            f.high(),
            target.metric(),
            target.metricKey(),
            target.aggregate(),
            target.scale(),
            target.scale() * s.mean(),
            target.scale() * s.quantile(0.05),
            target.scale() * s.quantile(0.95),
            target.weight(),
            fit.losses().get(t));
      }
      csv.commit();
    }
    PrintWriter stdout = cmd.getOut();
    IdentifiabilityReport.write(
        new TargetRuns(engine, cal.base(), paths, cal.targets()),
        paths,
        min,
        max,
        cal.seed(),
        cal.replications(),
        out.resolve("identifiability.csv"),
        stdout);
    stdout.printf(
        "%s: %d evaluations (%s) x %d replications, seed %d, %.1f s -> %s%n",
        file,
        history.size(),
        cal.optimiser(),
        cal.replications(),
        cal.seed(),
        (System.nanoTime() - t0) / 1e9,
        out);
    stdout.printf("Best loss %.6g at evaluation %d:%n", best.loss(), best.number());
    for (int i = 0; i < k; i++) {
      stdout.printf(
          "  %-50s %14.6g  [%g, %g]%n",
          paths.get(i), fitted.getDouble(paths.get(i)), min[i], max[i]);
    }
    stdout.printf(
        "%-34s %-12s %-10s %14s %14s %14s %10s%n",
        "target", "key", "to", "low", "high", "simulated", "loss");
    for (int t = 0; t < cal.targets().size(); t++) {
      ObservedFigure f = cal.targets().get(t).figure();
      stdout.printf(
          "%-34s %-12s %-10s %14.6g %14.6g %14.6g %10.4g%n",
          f.quantity(),
          f.key().isEmpty() ? "-" : f.key(),
          f.dateTo(),
          f.low(),
          f.high(),
          cal.targets().get(t).scale() * fit.simulated().get(t).mean(),
          fit.losses().get(t));
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** {@code method: abc-smc}: the posterior, its diagnostics and the identifiability check. */
  private int abc(CalibrationSpec cal, CommandLine cmd) throws IOException {
    int workers =
        threadsOption.threads != null
            ? threadsOption.workers(1, cmd)
            : Math.max(1, Runtime.getRuntime().availableProcessors());
    long t0 = System.nanoTime();
    AbcCalibration abc = new AbcCalibration(engine, cal, cal.targets());
    List<org.polemos.sim.experiment.abc.AbcSmc.Generation> generations =
        abc.run(out, resume, workers, budget, progressOption.noProgress, cmd);
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

  /** The calibration of {@code cal} as the library sees it. */
  private static Calibration calibration(CalibrationSpec cal) {
    List<Calibration.Target> targets = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      targets.add(
          new Calibration.Target(
              new Observation(
                  t.metric(),
                  t.metricKey(),
                  Observation.Aggregate.of(t.aggregate()),
                  t.figure().dateFrom(),
                  t.figure().dateTo()),
              t.figure().low(),
              t.figure().high(),
              t.scale(),
              t.weight()));
    }
    List<String> paths = cal.parameters().stream().map(ParameterBounds::path).toList();
    return new Calibration(cal.base(), paths, targets, cal.seed(), cal.replications());
  }

  /**
   * Checks metric names, and runs one replication of the base to check that every target's series
   * exists.
   */
  void checkTargets(CalibrationSpec cal) {
    List<Diagnostic> problems = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      if (!engine.metrics().contains(t.metric())) {
        problems.add(
            t.location()
                .problem(
                    "unknown metric \""
                        + t.metric()
                        + "\""
                        + Suggestions.didYouMean(t.metric(), engine.metrics())
                        + " (metrics: docs/OUTPUTS.md)"));
      }
    }
    if (problems.isEmpty()) {
      Scenario scenario = cal.base().with("seed", cal.seed());
      ObservationCollector collector = calibration(cal).collector(scenario);
      List<String> keys = new ArrayList<>();
      engine.run(
          scenario,
          0,
          RandomStreams.of(cal.seed()),
          (r, d, m, key, v) -> {
            collector.series(r, d, m, key, v);
            if (!keys.contains(m + "/" + key)) {
              keys.add(m + "/" + key);
            }
          });
      List<String> unseen = collector.unseen();
      for (CalibrationSpec.Target t : cal.targets()) {
        String id = t.metric() + "/" + t.metricKey();
        if (unseen.contains(id)) {
          List<String> valid =
              keys.stream()
                  .filter(s -> s.startsWith(t.metric() + "/"))
                  .map(s -> s.substring(t.metric().length() + 1))
                  .toList();
          problems.add(
              t.location()
                  .problem(
                      "metric "
                          + t.metric()
                          + " has no key \""
                          + t.metricKey()
                          + "\""
                          + Suggestions.didYouMean(t.metricKey(), valid)
                          + "; keys: "
                          + String.join(", ", valid)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputFileException(problems);
    }
  }
}
