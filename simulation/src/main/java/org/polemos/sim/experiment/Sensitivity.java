package org.polemos.sim.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Problem;
import org.polemos.sim.Engine;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.shard.ReplicationSource;

/**
 * A sensitivity study as a library: Morris screening ({@link Morris}) or Sobol indices ({@link
 * Sobol}) of parameters (scenario paths with bounds) of a base scenario, for outputs that are the
 * replication mean of a metric and key at a date. Every design point is run with the same seed and
 * number of replications (common random numbers). The {@code polemos sensitivity} command is a
 * layer over this class that reads the file and writes design.csv and morris.csv or sobol.csv.
 *
 * <pre>{@code
 * Sensitivity study = Sensitivity.morris(base,
 *     List.of(new Sensitivity.Parameter("corridors.tal-abyad.interdiction", 0.0, 0.5)),
 *     List.of(new Sensitivity.Output("foreign_arrivals_cumulative", "all", null)),
 *     1, 2, 6, 4, 1);
 * Sensitivity.Result r = study.run(engine, 2, (done, total) -> { });
 * r.morris().get(0).effects().get(0).muStar();
 * }</pre>
 *
 * <p>Design points are numbered in the order they are evaluated: Morris trajectory {@code t}, step
 * {@code s} is point {@code t (k + 1) + s}; Sobol matrix {@code m} (0 = A, 1 = B, 2 + i = AB with
 * column {@code i} from B), row {@code j} is point {@code m N + j}. Immutable; results depend on
 * the seeds only, not on the number of threads.
 */
public final class Sensitivity {

  /** The sensitivity method. */
  public enum Method {
    MORRIS,
    SOBOL
  }

  /** A parameter screened: a scenario path and the bounds of its range. */
  public record Parameter(String path, double min, double max) {}

  /**
   * An output: the replication mean of {@code metric} at {@code key} at the last sample date not
   * after {@code date} ({@code null}: the last sample date).
   */
  public record Output(String metric, String key, LocalDate date) {}

  /** Told after each design point, with the points done and the total. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void pointDone(int done, int total);
  }

  /**
   * The Morris result of one output: the effects per parameter (per unit of the parameter's range),
   * the bootstrap interval of mu* ({@link SensitivityUncertainty#morrisMuStar}), mu* on each half
   * of the trajectories ({@link SensitivityUncertainty#morrisHalf}), and the parameters by
   * decreasing mu* (ties by index).
   */
  public record MorrisOutput(
      SummaryStatistics.Cell cell,
      List<Morris.Effect> effects,
      List<SensitivityUncertainty.Interval> muStarIntervals,
      List<Morris.Effect> half,
      List<Integer> ranking) {}

  /**
   * The Sobol result of one output: first-order and total indices per parameter, their bootstrap
   * intervals and half-sample values ({@link SensitivityUncertainty#sobol}), and the parameters by
   * decreasing total index (ties by index). Indices are NaN when the output does not vary.
   */
  public record SobolOutput(
      SummaryStatistics.Cell cell,
      List<Sobol.Index> indices,
      List<SensitivityUncertainty.SobolUncertainty> uncertainty,
      List<Integer> ranking) {}

  /**
   * A finished study: per design point its parameter values and outputs (in the order of {@link
   * #cells}), and per output the Morris or the Sobol result (the other list is empty).
   */
  public record Result(
      Method method,
      List<String> paths,
      List<SummaryStatistics.Cell> cells,
      List<double[]> values,
      List<double[]> outputs,
      List<MorrisOutput> morris,
      List<SobolOutput> sobol) {}

  private final Scenario base;
  private final List<Parameter> parameters;
  private final List<Output> outputs;
  private final long seed;
  private final int replications;
  private final Method method;
  private final int trajectories;
  private final int levels;
  private final int samples;
  private final long designSeed;
  private final List<double[]> units;
  private final List<Morris.Trajectory> morrisDesign;

  private Sensitivity(
      Scenario base,
      List<Parameter> parameters,
      List<Output> outputs,
      long seed,
      int replications,
      Method method,
      int trajectories,
      int levels,
      int samples,
      long designSeed) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1, was " + replications);
    }
    if (parameters.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one parameter and one output");
    }
    this.base = base;
    this.parameters = List.copyOf(parameters);
    this.outputs = List.copyOf(outputs);
    this.seed = seed;
    this.replications = replications;
    this.method = method;
    this.trajectories = trajectories;
    this.levels = levels;
    this.samples = samples;
    this.designSeed = designSeed;
    int k = parameters.size();
    List<double[]> points = new ArrayList<>();
    if (method == Method.SOBOL) {
      this.morrisDesign = List.of();
      points.addAll(Sobol.design(k, samples, designSeed).points());
    } else {
      this.morrisDesign = Morris.design(k, trajectories, levels, designSeed);
      for (Morris.Trajectory t : morrisDesign) {
        points.addAll(t.points());
      }
    }
    this.units = List.copyOf(points);
  }

  /**
   * Morris screening with {@code trajectories} trajectories on a {@code levels}-level grid drawn
   * with {@code designSeed}; {@code trajectories (k + 1)} points.
   */
  public static Sensitivity morris(
      Scenario base,
      List<Parameter> parameters,
      List<Output> outputs,
      long seed,
      int replications,
      int trajectories,
      int levels,
      long designSeed) {
    return new Sensitivity(
        base,
        parameters,
        outputs,
        seed,
        replications,
        Method.MORRIS,
        trajectories,
        levels,
        0,
        designSeed);
  }

  /**
   * Sobol indices from {@code samples} base samples of a Sobol sequence rotated by {@code
   * designSeed} (Saltelli 2010 design); {@code samples (k + 2)} points.
   */
  public static Sensitivity sobol(
      Scenario base,
      List<Parameter> parameters,
      List<Output> outputs,
      long seed,
      int replications,
      int samples,
      long designSeed) {
    return new Sensitivity(
        base, parameters, outputs, seed, replications, Method.SOBOL, 0, 0, samples, designSeed);
  }

  public Method method() {
    return method;
  }

  public int trajectories() {
    return trajectories;
  }

  public int levels() {
    return levels;
  }

  public int samples() {
    return samples;
  }

  public int replications() {
    return replications;
  }

  public long seed() {
    return seed;
  }

  /** The parameters' paths, in order. */
  public List<String> paths() {
    return parameters.stream().map(Parameter::path).toList();
  }

  /** The number of design points. */
  public int size() {
    return units.size();
  }

  /** The metrics the outputs need (what a run must summarise). */
  public Set<String> metrics() {
    Set<String> metrics = new LinkedHashSet<>();
    outputs.forEach(o -> metrics.add(o.metric()));
    return metrics;
  }

  /** The outputs as summary cells: each date moved to the last sample date not after it. */
  public List<SummaryStatistics.Cell> cells() {
    List<LocalDate> dates = Engine.sampleDates(base.calendar());
    LocalDate last = dates.get(dates.size() - 1);
    List<SummaryStatistics.Cell> cells = new ArrayList<>();
    for (Output o : outputs) {
      LocalDate date =
          o.date() == null
              ? last
              : dates.stream()
                  .filter(d -> !d.isAfter(o.date()))
                  .reduce((a, b) -> b)
                  .orElse(dates.get(0));
      cells.add(new SummaryStatistics.Cell(date, o.metric(), o.key()));
    }
    return cells;
  }

  /** The parameter values of design point {@code point}. */
  public double[] values(int point) {
    double[] unit = units.get(point);
    double[] values = new double[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      Parameter p = parameters.get(i);
      values[i] = p.min() + unit[i] * (p.max() - p.min());
    }
    return values;
  }

  /**
   * The scenario of design point {@code point}, with the study's seed, validated.
   *
   * @throws InvalidPointException when it is invalid
   */
  public Scenario scenario(int point) {
    double[] values = values(point);
    Scenario scenario = Sweep.variant(base, paths(), values).with("seed", seed);
    List<Problem> problems = scenario.validate();
    if (!problems.isEmpty()) {
      throw new InvalidPointException(point, values, problems);
    }
    return scenario;
  }

  /** Runs the study, computing the replications with {@code engine}. */
  public Result run(Engine engine, int threads, Progress progress) {
    return run(ReplicationSource.compute(engine), threads, progress);
  }

  /**
   * Runs every design point in order on {@code threads} worker threads, the replications coming
   * from {@code source} (computed, or replayed from shards: docs/CLUSTER.md), and computes the
   * indices.
   *
   * @throws InvalidPointException when a design point's scenario is invalid (points before it have
   *     run)
   * @throws MissingKeyException when an output's metric has no value at its key
   */
  public Result run(ReplicationSource source, int threads, Progress progress) {
    List<SummaryStatistics.Cell> cells = cells();
    Set<String> metrics = metrics();
    List<double[]> values = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    for (int p = 0; p < units.size(); p++) {
      Scenario scenario = scenario(p);
      SummaryStatistics summary = SummaryStatistics.of(metrics);
      source.run(
          p,
          scenario,
          RandomStreams.of(seed),
          0,
          replications,
          threads,
          summary,
          Replications.Progress.NONE);
      values.add(values(p));
      y.add(outputsOf(summary, cells));
      progress.pointDone(p + 1, units.size());
    }
    List<MorrisOutput> morris = new ArrayList<>();
    List<SobolOutput> sobol = new ArrayList<>();
    for (int o = 0; o < cells.size(); o++) {
      if (method == Method.SOBOL) {
        sobol.add(sobol(cells.get(o), y, o));
      } else {
        morris.add(morris(cells.get(o), y, o));
      }
    }
    return new Result(
        method,
        paths(),
        List.copyOf(cells),
        List.copyOf(values),
        List.copyOf(y),
        List.copyOf(morris),
        List.copyOf(sobol));
  }

  private double[] outputsOf(SummaryStatistics summary, List<SummaryStatistics.Cell> cells) {
    double[] y = new double[cells.size()];
    for (int o = 0; o < cells.size(); o++) {
      CellSummary c = summary.cells().get(cells.get(o));
      if (c == null) {
        String metric = cells.get(o).metric();
        List<String> keys =
            summary.cells().keySet().stream()
                .filter(x -> x.metric().equals(metric))
                .map(SummaryStatistics.Cell::key)
                .distinct()
                .toList();
        throw new MissingKeyException(o, outputs.get(o), keys);
      }
      y[o] = c.mean();
    }
    return y;
  }

  private MorrisOutput morris(SummaryStatistics.Cell cell, List<double[]> y, int o) {
    int k = parameters.size();
    double[][] yo = new double[morrisDesign.size()][k + 1];
    for (int t = 0; t < morrisDesign.size(); t++) {
      for (int s = 0; s <= k; s++) {
        yo[t][s] = y.get(t * (k + 1) + s)[o];
      }
    }
    Morris.Effect[] effects = Morris.effects(morrisDesign, yo);
    SensitivityUncertainty.Interval[] intervals =
        SensitivityUncertainty.morrisMuStar(
            morrisDesign, yo, SensitivityUncertainty.RESAMPLES, designSeed + o);
    Morris.Effect[] half = SensitivityUncertainty.morrisHalf(morrisDesign, yo);
    return new MorrisOutput(
        cell,
        List.of(effects),
        List.of(intervals),
        List.of(half),
        ranking(k, i -> effects[i].muStar()));
  }

  private SobolOutput sobol(SummaryStatistics.Cell cell, List<double[]> y, int o) {
    int k = parameters.size();
    int n = samples;
    // yo[m][j]: row j of matrix m (0 = A, 1 = B, 2 + i = A_B^(i))
    double[][] yo = new double[k + 2][n];
    for (int p = 0; p < y.size(); p++) {
      yo[p / n][p % n] = y.get(p)[o];
    }
    double[][] yAB = Arrays.copyOfRange(yo, 2, k + 2);
    Sobol.Index[] indices = Sobol.indices(yo[0], yo[1], yAB);
    SensitivityUncertainty.SobolUncertainty[] u =
        SensitivityUncertainty.sobol(
            yo[0], yo[1], yAB, SensitivityUncertainty.RESAMPLES, designSeed + o);
    return new SobolOutput(cell, List.of(indices), List.of(u), ranking(k, i -> indices[i].st()));
  }

  /** Indices 0..k-1 by decreasing {@code score}, ties by index. */
  private static List<Integer> ranking(int k, java.util.function.IntToDoubleFunction score) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -score.applyAsDouble(i)).thenComparing(i -> i));
    return List.copyOf(order);
  }

  /** A design point whose scenario does not validate. */
  public static final class InvalidPointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int point;
    private final transient List<Problem> problems;

    InvalidPointException(int point, double[] values, List<Problem> problems) {
      super(
          "the design point "
              + Arrays.toString(values)
              + " gives an invalid scenario: "
              + String.join("; ", problems.stream().map(Problem::toString).toList()));
      this.point = point;
      this.problems = List.copyOf(problems);
    }

    public int point() {
      return point;
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** An output whose metric has no value at its key; {@link #keys} are the keys it has. */
  public static final class MissingKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int output;
    private final transient List<String> keys;

    MissingKeyException(int output, Output o, List<String> keys) {
      super("metric " + o.metric() + " has no key \"" + o.key() + "\"; keys: " + keys);
      this.output = output;
      this.keys = List.copyOf(keys);
    }

    /** The index of the output in the study's list. */
    public int output() {
      return output;
    }

    public List<String> keys() {
      return keys;
    }
  }
}
