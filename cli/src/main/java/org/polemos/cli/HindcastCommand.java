package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.polemos.io.experiment.CalibrationFileReader;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.experiment.ObservedFiguresReader;
import org.polemos.io.hindcast.HindcastPage;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.experiment.ProperScores;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
  static final String[] COLUMNS = {
    "quantity",
    "key",
    "date_from",
    "date_to",
    "observed_low",
    "observed_high",
    "pred_mean",
    "pred_p05",
    "pred_p25",
    "pred_p50",
    "pred_p75",
    "pred_p95",
    "crps",
    "in50",
    "in90"
  };

  @Spec CommandSpec spec;

  @Mixin ShardOption shardOption = new ShardOption();

  @Parameters(
      index = "0",
      paramLabel = "CAL.yaml",
      description = "A calibration file (method: abc-smc).")
  Path file;

  @Option(
      names = "--cutoff",
      paramLabel = "DATE",
      required = true,
      description =
          "Figures with date_to up to this date calibrate, later ones are scored (YYYY-MM-DD).")
  String cutoffText;

  @Option(
      names = "--observed",
      paramLabel = "LATER.csv",
      description = "Further figures to score, in the public-figures layout (optional).")
  Path observed;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Output directory; must be new or empty.")
  Path out;

  @Option(
      names = "--draws",
      paramLabel = "M",
      defaultValue = "200",
      description =
          "Predictive replications, each with its own parameter set (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(
      names = "--no-calibrate",
      description = "Score an existing posterior (--posterior) instead of calibrating.")
  boolean noCalibrate;

  @Option(
      names = "--posterior",
      paramLabel = "FILE",
      description = "With --no-calibrate: the posterior (or prior) sample, weight,<path>,...")
  Path posterior;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description = "Worker threads. Default: the number of processors.")
  Integer threads;

  @Option(
      names = "--no-progress",
      description = "No progress output (also off when the CI variable is set).")
  boolean noProgress;

  private final Engine engine;

  @Inject
  HindcastCommand(Engine engine) {
    this.engine = engine;
  }

  /**
   * A figure with the target that maps it to a simulated number; {@code scored}: after the cutoff.
   */
  record Scored(CalibrationSpec.Target target, boolean scored) {}

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    LocalDate cutoff;
    try {
      cutoff = LocalDate.parse(cutoffText);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cmd, "--cutoff " + cutoffText + ": expected a date YYYY-MM-DD");
    }
    if (draws < 2) {
      throw new CommandLine.ParameterException(cmd, "--draws must be at least 2, was " + draws);
    }
    if (noCalibrate != (posterior != null)) {
      throw new CommandLine.ParameterException(
          cmd,
          noCalibrate
              ? "--no-calibrate needs --posterior FILE"
              : "--posterior needs --no-calibrate (otherwise the posterior is calibrated)");
    }
    if (observed != null && !Files.isRegularFile(observed)) {
      throw new CommandLine.ParameterException(cmd, "--observed " + observed + ": no such file");
    }
    CalibrationSpec cal = new CalibrationFileReader(engine.metrics()).read(file);
    if (!noCalibrate && !cal.isAbc()) {
      throw new CommandLine.ParameterException(
          cmd,
          file
              + ": a hindcast calibrates with method: abc-smc (found "
              + cal.optimiser()
              + "); or give --no-calibrate --posterior FILE");
    }
    new CalibrateCommand(engine).checkTargets(cal);
    PrintWriter err = cmd.getErr();
    List<Scored> figures = figures(cal, cutoff, err);
    List<CalibrationSpec.Target> calibration =
        figures.stream().filter(s -> !s.scored()).map(Scored::target).toList();
    if (figures.stream().noneMatch(Scored::scored)) {
      throw new CommandLine.ParameterException(
          cmd, "no figure after the cutoff " + cutoff + " to score");
    }
    if (!noCalibrate && calibration.isEmpty()) {
      throw new CommandLine.ParameterException(
          cmd,
          "no figure of "
              + file
              + " is dated up to the cutoff "
              + cutoff
              + ": nothing to calibrate on");
    }
    // Under merge: the merge's directory, the calibration taken from the shards and the
    // predictive replications replayed from them (docs/CLUSTER.md).
    out = shardOption.out(out);
    Scenario base = cal.base().with("seed", cal.seed());
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(base));
    String experimentSha = experimentSha256();
    shardOption.verify("hindcast", scenarioSha, experimentSha, cal.seed());
    int workers =
        threads != null
            ? Experiments.threads(threads, 1, cmd)
            : Math.max(1, Runtime.getRuntime().availableProcessors());
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
            PosteriorRuns sets = posteriorRuns(dir, cal, calibration, base, workers, cmd);
            runner.runReplications(
                shard, draws, sets::scenario, cal.seed(), workers, recorder, progress);
          },
          workers,
          out,
          noProgress);
    }
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
      long t0 = System.nanoTime();
      PosteriorRuns sets = posteriorRuns(out, cal, calibration, base, workers, cmd);
      // Predictive replications: replication i runs the parameter set drawn for it.
      List<CalibrationSpec.Target> all = figures.stream().map(Scored::target).toList();
      TargetRuns runs = new TargetRuns(engine, base, List.of(), all);
      double[][] y = new double[draws][];
      PerReplication perReplication = new PerReplication(runs, base, y);
      try (Progress progress = Progress.of(noProgress, "hindcast", "replications", err)) {
        shardOption
            .source(engine)
            .run(
                0,
                sets::scenario,
                RandomStreams.of(cal.seed()),
                0,
                draws,
                workers,
                perReplication,
                progress);
      }
      perReplication.finish();
      sets.write(out.resolve(PosteriorRuns.DRAWS));

      List<HindcastPage.Row> page = new ArrayList<>();
      double crpsSum = 0;
      int n = 0;
      int in50 = 0;
      int in90 = 0;
      try (TableCsvWriter scoredCsv =
              new TableCsvWriter(out.resolve("hindcast.csv"), List.of(COLUMNS));
          TableCsvWriter inSample =
              new TableCsvWriter(out.resolve("hindcast-in-sample.csv"), List.of(COLUMNS))) {
        for (int t = 0; t < all.size(); t++) {
          ObservedFigure f = all.get(t).figure();
          double[] sample = new double[draws];
          for (int i = 0; i < draws; i++) {
            sample[i] = y[i][t];
          }
          double value = (f.low() + f.high()) / 2;
          double crps = ProperScores.crps(sample, value);
          boolean i50 = ProperScores.inCentralInterval(sample, value, 0.5);
          boolean i90 = ProperScores.inCentralInterval(sample, value, 0.9);
          double[] q = {
            ProperScores.quantile(sample, 0.05),
            ProperScores.quantile(sample, 0.25),
            ProperScores.quantile(sample, 0.5),
            ProperScores.quantile(sample, 0.75),
            ProperScores.quantile(sample, 0.95)
          };
          boolean scored = figures.get(t).scored();
          (scored ? scoredCsv : inSample)
              .row(
                  f.quantity(),
                  f.key(),
                  f.dateFrom().toString(),
                  f.dateTo().toString(),
                  f.low(),
                  f.high(),
                  ProperScores.mean(sample),
                  q[0],
                  q[1],
                  q[2],
                  q[3],
                  q[4],
                  crps,
                  i50 ? 1 : 0,
                  i90 ? 1 : 0);
          if (scored) {
            crpsSum += crps;
            n++;
            in50 += i50 ? 1 : 0;
            in90 += i90 ? 1 : 0;
          }
          page.add(
              new HindcastPage.Row(
                  f.quantity(),
                  f.key(),
                  f.unit(),
                  f.dateFrom(),
                  f.dateTo(),
                  f.low(),
                  f.high(),
                  q[0],
                  q[1],
                  q[2],
                  q[3],
                  q[4],
                  crps,
                  scored));
        }
        scoredCsv.commit();
        inSample.commit();
      }
      String summary =
          String.format(
              Locale.ROOT,
              "hindcast after %s: %d figures, mean CRPS %.4g, 50%% interval "
                  + "coverage %d/%d (%.0f%%), 90%% interval coverage %d/%d (%.0f%%)",
              cutoff,
              n,
              crpsSum / n,
              in50,
              n,
              100.0 * in50 / n,
              in90,
              n,
              100.0 * in90 / n);
      HindcastPage.write(
          out.resolve("hindcast.html"),
          "Hindcast of " + cal.base().id() + " from " + cutoff,
          cutoff,
          summary,
          page);
      PrintWriter stdout = cmd.getOut();
      stdout.printf(
          Locale.ROOT,
          "%s: %s, %d predictive replications, seed %d, %.1f s -> %s%n",
          file,
          noCalibrate
              ? "posterior " + posterior
              : "calibrated on " + calibration.size() + " figures",
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

  /**
   * The predictive parameter sets: drawn from the posterior that ABC-SMC calibrates into {@code
   * dir}/calibration (under merge: copied from the shards, which all computed it), or from
   * --posterior with --no-calibrate.
   */
  private PosteriorRuns posteriorRuns(
      Path dir,
      CalibrationSpec cal,
      List<CalibrationSpec.Target> calibration,
      Scenario base,
      int workers,
      CommandLine cmd)
      throws IOException {
    Path posteriorFile = posterior;
    if (!noCalibrate) {
      Path calibrationDir = dir.resolve(ShardOption.CALIBRATION);
      if (shardOption.merge != null) {
        copyCalibrationOfShards(calibrationDir);
      } else {
        Files.createDirectories(calibrationDir);
        AbcCalibration abc = new AbcCalibration(engine, cal, calibration);
        abc.run(calibrationDir, false, workers, null, noProgress, cmd);
        double[] low = new double[cal.parameters().size()];
        double[] high = new double[low.length];
        for (int i = 0; i < low.length; i++) {
          low[i] = cal.parameters().get(i).min();
          high[i] = cal.parameters().get(i).max();
        }
        IdentifiabilityReport.write(
            abc.runs(),
            abc.paths(),
            low,
            high,
            cal.seed(),
            cal.replications(),
            calibrationDir.resolve("identifiability.csv"),
            cmd.getOut());
      }
      posteriorFile = calibrationDir.resolve("posterior.csv");
    }
    return PosteriorRuns.of(posteriorFile, base, cal.seed(), draws, cmd);
  }

  /**
   * Merge: copies the calibration of the first shard to {@code target}, after checking that every
   * shard calibrated to the same posterior (one line and exit 1 otherwise).
   */
  private void copyCalibrationOfShards(Path target) throws IOException {
    List<Path> shards = shardOption.merge.shardDirectories();
    Path first = shards.get(0).resolve(ShardOption.CALIBRATION);
    byte[] posteriorBytes = null;
    for (Path shard : shards) {
      Path file = shard.resolve(ShardOption.CALIBRATION).resolve("posterior.csv");
      if (!Files.isRegularFile(file)) {
        throw refuse(shard, "no " + ShardOption.CALIBRATION + "/posterior.csv in this shard");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (posteriorBytes == null) {
        posteriorBytes = bytes;
      } else if (!java.util.Arrays.equals(bytes, posteriorBytes)) {
        throw refuse(
            shard,
            "its calibration/posterior.csv differs from that of "
                + shards.get(0)
                + "; the shards did not calibrate alike (rerun them with the same version)");
      }
    }
    try (var walk = Files.walk(first)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(first.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  private static org.polemos.io.scenario.ScenarioFileException refuse(Path where, String problem) {
    return new org.polemos.io.scenario.ScenarioFileException(
        List.of(new org.polemos.io.scenario.Diagnostic(where.toString(), 0, 0, "", problem)));
  }

  /**
   * The hash shards and merge compare for the experiment's files: the calibration file, and
   * --observed and --posterior when given.
   */
  private String experimentSha256() throws IOException {
    StringBuilder hashes = new StringBuilder(ShardOption.fileSha256(file));
    for (Path p : new Path[] {observed, posterior}) {
      hashes.append(',').append(p == null ? "-" : ShardOption.fileSha256(p));
    }
    return RunCommand.sha256(hashes.toString());
  }

  /**
   * The calibration file's figures (scored when dated after the cutoff) and the later figures, each
   * later one mapped by the first target with its quantity and key; figures no target maps, and
   * figures after the scenario's end, are listed on standard error and left out.
   */
  private List<Scored> figures(CalibrationSpec cal, LocalDate cutoff, PrintWriter err) {
    LocalDate end = cal.base().calendar().end();
    List<Scored> figures = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      figures.add(new Scored(t, t.figure().dateTo().isAfter(cutoff)));
    }
    if (observed != null) {
      for (ObservedFigure f : readLater(observed)) {
        if (!f.dateTo().isAfter(cutoff)) {
          continue;
        }
        if (f.dateTo().isAfter(end)) {
          err.printf(
              "hindcast: %s:%d: %s ends after the scenario (%s): not scored%n",
              observed, f.line(), f.quantity(), end);
          continue;
        }
        CalibrationSpec.Target mapping =
            cal.targets().stream()
                .filter(
                    t ->
                        t.figure().quantity().equals(f.quantity())
                            && Objects.equals(t.figure().key(), f.key()))
                .findFirst()
                .orElse(null);
        if (mapping == null) {
          err.printf(
              "hindcast: %s:%d: no target of %s maps quantity %s%s: not scored%n",
              observed, f.line(), file, f.quantity(), f.key().isEmpty() ? "" : " key " + f.key());
          continue;
        }
        boolean duplicate = cal.targets().stream().anyMatch(t -> same(t.figure(), f));
        if (!duplicate) {
          figures.add(
              new Scored(
                  new CalibrationSpec.Target(
                      f,
                      mapping.metric(),
                      mapping.metricKey(),
                      mapping.aggregate(),
                      mapping.scale(),
                      mapping.weight(),
                      mapping.location()),
                  true));
        }
      }
    }
    return figures;
  }

  /**
   * Keeps each replication's target numbers ({@code y[replication][target]}); replications arrive
   * in order.
   */
  private static final class PerReplication implements RunListener {
    private final TargetRuns runs;
    private final Scenario base;
    private final double[][] y;
    private ObservationCollector current;
    private int replication = -1;

    PerReplication(TargetRuns runs, Scenario base, double[][] y) {
      this.runs = runs;
      this.base = base;
      this.y = y;
    }

    @Override
    public void series(int r, LocalDate date, String metric, String key, double value) {
      if (r != replication) {
        finish();
        current = runs.collector(base);
        replication = r;
      }
      current.series(r, date, metric, key, value);
    }

    void finish() {
      if (current != null) {
        List<CalibrationSpec.Target> targets = runs.targets();
        List<CellSummary> s = current.summaries();
        double[] v = new double[targets.size()];
        for (int t = 0; t < v.length; t++) {
          v[t] = targets.get(t).scale() * s.get(t).mean();
        }
        y[replication] = v;
        current = null;
      }
    }
  }

  /** The one place the later figures are read (the public-figures layout). */
  static List<ObservedFigure> readLater(Path file) {
    return new ObservedFiguresReader().read(file, file.toString());
  }

  private static boolean same(ObservedFigure a, ObservedFigure b) {
    return a.quantity().equals(b.quantity())
        && a.key().equals(b.key())
        && a.dateFrom().equals(b.dateFrom())
        && a.dateTo().equals(b.dateTo())
        && a.low() == b.low()
        && a.high() == b.high();
  }
}
