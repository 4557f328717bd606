package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.experiment.SensitivityFileReader;
import org.polemos.io.experiment.SensitivitySpec;
import org.polemos.io.experiment.SensitivitySpec.Output;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.CellSummary;
import org.polemos.sim.experiment.Morris;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.experiment.SensitivityUncertainty;
import org.polemos.sim.experiment.Sobol;
import org.polemos.sim.experiment.SummaryStatistics;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Output directory; must be new or empty.")
  Path out;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description =
          "Worker threads for the replications of a point. Default: the number of processors.")
  Integer threads;

  @Option(
      names = "--no-progress",
      description = "No progress output (also off when the CI variable is set).")
  boolean noProgress;

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
    out = shardOption.out(out);
    String scenarioSha = RunCommand.sha256(new ScenarioWriter().toYaml(sens.base()));
    shardOption.verify("sensitivity", scenarioSha, ShardOption.fileSha256(file), sens.seed());
    if (shardOption.sharding()) {
      return shard(sens, scenarioSha, cmd);
    }
    boolean created = !Files.exists(out);
    boolean finished = false;
    try {
      try (OutputDirectory claimed = OutputDirectory.claimEmpty(out, cmd)) {
        int status = study(sens, cmd);
        finished = true;
        return status;
      }
    } finally {
      // A problem found while running (an invalid design point, an output key the series lack)
      // leaves no
      // empty directory behind, as run, sweep and calibrate do not (checked once the lock is
      // released).
      if (!finished && created && Files.isDirectory(out)) {
        Experiments.deleteIfEmpty(out);
      }
    }
  }

  /** Computes this shard of the design's units (--shard) instead of the study. */
  private int shard(SensitivitySpec sens, String scenarioSha, CommandLine cmd) throws IOException {
    int workers = Experiments.threads(threads, sens.replications(), cmd);
    List<String> paths = sens.parameters().stream().map(ParameterBounds::path).toList();
    List<double[]> units = designPoints(sens, paths.size());
    Set<String> outputMetrics = new HashSet<>();
    sens.outputs().forEach(o -> outputMetrics.add(o.metric()));
    return shardOption.writeShard(
        cmd,
        engine,
        "sensitivity",
        scenarioSha,
        ShardOption.fileSha256(file),
        sens.seed(),
        units.size(),
        sens.replications(),
        p -> scenarioAt(sens, paths, units.get(p), new double[paths.size()], cmd),
        outputMetrics::contains,
        workers,
        out,
        noProgress);
  }

  private int study(SensitivitySpec sens, CommandLine cmd) throws IOException {
    int workers = Experiments.threads(threads, sens.replications(), cmd);
    List<String> paths = sens.parameters().stream().map(ParameterBounds::path).toList();
    List<LocalDate> dates = Engine.sampleDates(sens.base().calendar());
    LocalDate last = dates.get(dates.size() - 1);
    List<SummaryStatistics.Cell> cells = new ArrayList<>();
    for (Output o : sens.outputs()) {
      LocalDate date =
          o.date() == null
              ? last
              : dates.stream()
                  .filter(d -> !d.isAfter(o.date()))
                  .reduce((a, b) -> b)
                  .orElse(dates.get(0));
      cells.add(new SummaryStatistics.Cell(date, o.metric(), o.key()));
    }
    Set<String> metrics = new HashSet<>();
    sens.outputs().forEach(o -> metrics.add(o.metric()));

    if (sens.method() == SensitivitySpec.Method.SOBOL) {
      sobol(sens, paths, cells, metrics, workers, cmd);
    } else {
      morris(sens, paths, cells, metrics, workers, cmd);
    }
    cmd.getOut().flush();
    return ExitCodes.OK;
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }

  /**
   * The design's points in unit-cube coordinates, in the order they are evaluated (the shards'
   * design points).
   */
  private static List<double[]> designPoints(SensitivitySpec sens, int k) {
    if (sens.method() == SensitivitySpec.Method.SOBOL) {
      return Sobol.design(k, sens.samples(), sens.designSeed()).points();
    }
    List<double[]> points = new ArrayList<>();
    for (Morris.Trajectory t :
        Morris.design(k, sens.trajectories(), sens.levels(), sens.designSeed())) {
      points.addAll(t.points());
    }
    return points;
  }

  /**
   * The scenario at unit-cube coordinates {@code unit}; {@code values} receives the parameter
   * values.
   */
  private Scenario scenarioAt(
      SensitivitySpec sens, List<String> paths, double[] unit, double[] values, CommandLine cmd) {
    int k = paths.size();
    for (int i = 0; i < k; i++) {
      ParameterBounds b = sens.parameters().get(i);
      values[i] = b.min() + unit[i] * (b.max() - b.min());
    }
    Scenario scenario = Experiments.variant(sens.base(), paths, values).with("seed", sens.seed());
    if (!scenario.validate().isEmpty()) {
      throw new CommandLine.ParameterException(
          cmd,
          file
              + ": the design point "
              + java.util.Arrays.toString(values)
              + " gives an invalid scenario: "
              + Experiments.problems(scenario.validate()));
    }
    return scenario;
  }

  /**
   * The replication means of the outputs at design point {@code point} (unit-cube coordinates
   * {@code unit}).
   */
  private double[] evaluate(
      SensitivitySpec sens,
      List<String> paths,
      List<SummaryStatistics.Cell> cells,
      Set<String> metrics,
      int workers,
      int point,
      double[] unit,
      double[] values,
      CommandLine cmd) {
    Scenario scenario = scenarioAt(sens, paths, unit, values, cmd);
    SummaryStatistics summary = SummaryStatistics.of(metrics);
    shardOption
        .source(engine)
        .run(
            point,
            scenario,
            RandomStreams.of(sens.seed()),
            0,
            sens.replications(),
            workers,
            summary,
            Replications.Progress.NONE);
    double[] y = new double[cells.size()];
    for (int o = 0; o < cells.size(); o++) {
      CellSummary c = summary.cells().get(cells.get(o));
      if (c == null) {
        Output output = sens.outputs().get(o);
        List<String> keys =
            summary.cells().keySet().stream()
                .filter(x -> x.metric().equals(output.metric()))
                .map(SummaryStatistics.Cell::key)
                .distinct()
                .toList();
        throw new InputFileException(
            List.of(
                output
                    .location()
                    .problem(
                        "metric "
                            + output.metric()
                            + " has no key \""
                            + output.key()
                            + "\""
                            + Suggestions.didYouMean(output.key(), keys)
                            + "; keys: "
                            + String.join(", ", keys))));
      }
      y[o] = c.mean();
    }
    return y;
  }

  private void morris(
      SensitivitySpec sens,
      List<String> paths,
      List<SummaryStatistics.Cell> cells,
      Set<String> metrics,
      int workers,
      CommandLine cmd)
      throws IOException {
    int k = paths.size();
    List<Morris.Trajectory> design =
        Morris.design(k, sens.trajectories(), sens.levels(), sens.designSeed());
    int total = design.size() * (k + 1);
    double[][][] y = new double[cells.size()][design.size()][k + 1];
    List<double[]> values = new ArrayList<>();
    long t0 = System.nanoTime();
    int done = 0;
    try (Progress progress = Progress.of(noProgress, "sensitivity", "points", cmd.getErr())) {
      for (int t = 0; t < design.size(); t++) {
        for (int s = 0; s <= k; s++) {
          double[] unit = design.get(t).points().get(s);
          double[] v = new double[k];
          double[] outputs =
              evaluate(sens, paths, cells, metrics, workers, t * (k + 1) + s, unit, v, cmd);
          values.add(v);
          for (int o = 0; o < cells.size(); o++) {
            y[o][t][s] = outputs[o];
          }
          progress.replicationDone(++done, total);
        }
      }
    }
    List<String> header = new ArrayList<>(List.of("trajectory", "step"));
    header.addAll(paths);
    for (SummaryStatistics.Cell c : cells) {
      header.add(c.metric() + (c.key().isEmpty() ? "" : "/" + c.key()) + "@" + c.date());
    }
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("design.csv"), header)) {
      int row = 0;
      for (int t = 0; t < design.size(); t++) {
        for (int s = 0; s <= k; s++) {
          Object[] r = new Object[header.size()];
          r[0] = t;
          r[1] = s;
          double[] v = values.get(row++);
          for (int i = 0; i < k; i++) {
            r[2 + i] = v[i];
          }
          for (int o = 0; o < cells.size(); o++) {
            r[2 + k + o] = y[o][t][s];
          }
          csv.row(r);
        }
      }
      csv.commit();
    }
    PrintWriter stdout = cmd.getOut();
    stdout.printf(
        "%s: Morris, %d trajectories x %d levels over %d parameters = %d points x %d replications, "
            + "seed %d, %.1f s -> %s%n",
        file,
        sens.trajectories(),
        sens.levels(),
        k,
        total,
        sens.replications(),
        sens.seed(),
        (System.nanoTime() - t0) / 1e9,
        out);
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("morris.csv"),
            List.of(
                "metric",
                "key",
                "date",
                "parameter",
                "mu",
                "mu_star",
                "sigma",
                "rank",
                "mu_star_low",
                "mu_star_high",
                "mu_star_half"))) {
      for (int o = 0; o < cells.size(); o++) {
        SummaryStatistics.Cell c = cells.get(o);
        Morris.Effect[] effects = Morris.effects(design, y[o]);
        SensitivityUncertainty.Interval[] intervals =
            SensitivityUncertainty.morrisMuStar(
                design, y[o], SensitivityUncertainty.RESAMPLES, sens.designSeed() + o);
        Morris.Effect[] half = SensitivityUncertainty.morrisHalf(design, y[o]);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          order.add(i);
        }
        order.sort(
            Comparator.comparingDouble((Integer i) -> -effects[i].muStar()).thenComparing(i -> i));
        stdout.printf("%n%s %s at %s:%n", c.metric(), c.key().isEmpty() ? "" : c.key(), c.date());
        stdout.printf("  %4s  %-50s %14s %14s %14s%n", "rank", "parameter", "mu*", "mu", "sigma");
        for (int rank = 0; rank < k; rank++) {
          int i = order.get(rank);
          Morris.Effect e = effects[i];
          csv.row(
              c.metric(),
              c.key(),
              c.date().toString(),
              paths.get(i),
              e.mu(),
              e.muStar(),
              e.sigma(),
              rank + 1,
              intervals[i].low(),
              intervals[i].high(),
              half[i].muStar());
          stdout.printf(
              "  %4d  %-50s %14.6g %14.6g %14.6g%n",
              rank + 1, paths.get(i), e.muStar(), e.mu(), e.sigma());
        }
      }
      csv.commit();
    }
  }

  private void sobol(
      SensitivitySpec sens,
      List<String> paths,
      List<SummaryStatistics.Cell> cells,
      Set<String> metrics,
      int workers,
      CommandLine cmd)
      throws IOException {
    int k = paths.size();
    int n = sens.samples();
    Sobol.Design design = Sobol.design(k, n, sens.designSeed());
    List<double[]> points = design.points();
    long total = Sobol.evaluations(n, k);
    // y[o][m][j]: output o at row j of matrix m (0 = A, 1 = B, 2 + i = A_B^(i))
    double[][][] y = new double[cells.size()][k + 2][n];
    List<double[]> values = new ArrayList<>();
    long t0 = System.nanoTime();
    try (Progress progress = Progress.of(noProgress, "sensitivity", "points", cmd.getErr())) {
      for (int p = 0; p < points.size(); p++) {
        double[] v = new double[k];
        double[] outputs = evaluate(sens, paths, cells, metrics, workers, p, points.get(p), v, cmd);
        values.add(v);
        for (int o = 0; o < cells.size(); o++) {
          y[o][p / n][p % n] = outputs[o];
        }
        progress.replicationDone(p + 1, (int) total);
      }
    }
    List<String> header = new ArrayList<>(List.of("matrix", "row"));
    header.addAll(paths);
    for (SummaryStatistics.Cell c : cells) {
      header.add(c.metric() + (c.key().isEmpty() ? "" : "/" + c.key()) + "@" + c.date());
    }
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("design.csv"), header)) {
      for (int p = 0; p < points.size(); p++) {
        int m = p / n;
        Object[] r = new Object[header.size()];
        r[0] = m == 0 ? "A" : m == 1 ? "B" : "AB:" + paths.get(m - 2);
        r[1] = p % n;
        double[] v = values.get(p);
        for (int i = 0; i < k; i++) {
          r[2 + i] = v[i];
        }
        for (int o = 0; o < cells.size(); o++) {
          r[2 + k + o] = y[o][m][p % n];
        }
        csv.row(r);
      }
      csv.commit();
    }
    PrintWriter stdout = cmd.getOut();
    stdout.printf(
        "%s: Sobol, %d base samples over %d parameters = %d points x %d replications, seed %d, "
            + "%.1f s -> %s%n",
        file, n, k, total, sens.replications(), sens.seed(), (System.nanoTime() - t0) / 1e9, out);
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("sobol.csv"),
            List.of(
                "metric",
                "key",
                "date",
                "parameter",
                "s1",
                "st",
                "rank",
                "s1_low",
                "s1_high",
                "st_low",
                "st_high",
                "s1_half",
                "st_half"))) {
      for (int o = 0; o < cells.size(); o++) {
        SummaryStatistics.Cell c = cells.get(o);
        double[][] yAB = new double[k][];
        for (int i = 0; i < k; i++) {
          yAB[i] = y[o][2 + i];
        }
        Sobol.Index[] indices = Sobol.indices(y[o][0], y[o][1], yAB);
        SensitivityUncertainty.SobolUncertainty[] u =
            SensitivityUncertainty.sobol(
                y[o][0], y[o][1], yAB, SensitivityUncertainty.RESAMPLES, sens.designSeed() + o);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          order.add(i);
        }
        order.sort(
            Comparator.comparingDouble((Integer i) -> -indices[i].st()).thenComparing(i -> i));
        stdout.printf("%n%s %s at %s:%n", c.metric(), c.key().isEmpty() ? "" : c.key(), c.date());
        if (Double.isNaN(indices[0].st())) {
          stdout.printf("  the output does not vary over the design: indices undefined (NaN)%n");
        }
        stdout.printf("  %4s  %-50s %10s %10s%n", "rank", "parameter", "ST", "S1");
        for (int rank = 0; rank < k; rank++) {
          int i = order.get(rank);
          Sobol.Index e = indices[i];
          csv.row(
              c.metric(),
              c.key(),
              c.date().toString(),
              paths.get(i),
              e.s1(),
              e.st(),
              rank + 1,
              u[i].s1().low(),
              u[i].s1().high(),
              u[i].st().low(),
              u[i].st().high(),
              u[i].half().s1(),
              u[i].half().st());
          stdout.printf("  %4d  %-50s %10.4f %10.4f%n", rank + 1, paths.get(i), e.st(), e.s1());
        }
      }
      csv.commit();
    }
  }
}
