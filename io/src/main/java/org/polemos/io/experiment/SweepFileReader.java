package org.polemos.io.experiment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polemos.io.experiment.YamlTree.YList;
import org.polemos.io.experiment.YamlTree.YMap;
import org.polemos.io.experiment.YamlTree.YNode;
import org.polemos.model.Scenario;

/**
 * Reads a sweep file (docs/EXPERIMENTS.md):
 *
 * <pre>
 * base: minimal                    # bundled id or scenario file relative to this file
 * seed: 1
 * replications: 10                 # per point
 * parameters:                      # grid: cartesian product
 *   - {path: corridors.tal-abyad.interdiction, values: [0.1, 0.3, 0.5]}
 *   - {path: processes.intake.servers, range: {from: 200, to: 600, step: 200}}
 * # or a Latin hypercube:
 * # design: {type: latin-hypercube, points: 20, seed: 7}
 * # parameters: [{path: ..., min: 0.1, max: 0.6}]
 * metrics: [territory_km2, foreign_arrivals_cumulative]   # optional
 * </pre>
 *
 * Every problem is reported with {@code file:line:col}; parameter paths are checked against the
 * base scenario.
 */
public final class SweepFileReader {
  private final java.util.Collection<String> knownMetrics;

  /** A reader that does not check metric names. */
  public SweepFileReader() {
    this(null);
  }

  /**
   * A reader that also reports metric names not in {@code knownMetrics} (the engine's), with every
   * other problem of the file at once.
   */
  public SweepFileReader(java.util.Collection<String> knownMetrics) {
    this.knownMetrics = knownMetrics == null ? null : java.util.List.copyOf(knownMetrics);
  }

  private static final int MAX_POINTS = 100_000;

  public SweepSpec read(Path path) {
    SpecReader r = new SpecReader(path, knownMetrics);
    YMap root = r.root(path);
    r.allowOnly(
        root, "", List.of("base", "seed", "replications", "parameters", "design", "metrics"));
    Scenario base = r.base(root);
    Long seed =
        root.entries().containsKey("seed")
            ? r.integer(r.get(root, "seed"), "seed", Long.MIN_VALUE)
            : (base == null ? null : base.seed());
    Long replications = r.integer(r.required(root, "", "replications"), "replications", 1);
    YMap design = r.map(r.get(root, "design"), "design");
    SweepSpec.LatinHypercube lhs = null;
    if (design != null) {
      r.allowOnly(design, "design", List.of("type", "points", "seed"));
      r.choice(
          r.required(design, "design", "type"), "design.type", Set.of("grid", "latin-hypercube"));
      String type = r.string(r.get(design, "type"), "design.type");
      if ("latin-hypercube".equals(type)) {
        Long points = r.integer(r.required(design, "design", "points"), "design.points", 1);
        Long designSeed = r.integer(r.get(design, "seed"), "design.seed", Long.MIN_VALUE);
        if (points != null && points > MAX_POINTS) {
          r.problem(r.get(design, "points"), "design.points", "at most " + MAX_POINTS + " points");
        }
        lhs =
            new SweepSpec.LatinHypercube(
                points == null ? 1 : points.intValue(), designSeed == null ? 1 : designSeed);
      }
    }
    List<String> paths = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    List<ParameterBounds> bounds = new ArrayList<>();
    YList parameters = r.list(r.required(root, "", "parameters"), "parameters");
    if (parameters != null) {
      if (parameters.items().isEmpty()) {
        r.problem(parameters, "parameters", "give at least one parameter");
      }
      for (int i = 0; i < parameters.items().size(); i++) {
        String at = "parameters[" + i + "]";
        YMap p = r.map(parameters.items().get(i), at);
        if (p == null) {
          continue;
        }
        YNode pathNode = r.required(p, at, "path");
        String parameterPath = r.string(pathNode, at + ".path");
        if (paths.contains(parameterPath)) {
          r.problem(pathNode, at + ".path", "\"" + parameterPath + "\" is listed twice");
        }
        r.numericPath(base, pathNode, at + ".path", parameterPath);
        paths.add(parameterPath);
        if (lhs != null) {
          r.allowOnly(p, at, List.of("path", "min", "max"));
          Double min = r.number(r.required(p, at, "min"), at + ".min");
          Double max = r.number(r.required(p, at, "max"), at + ".max");
          if (min != null && max != null && !(max > min)) {
            r.problem(
                r.get(p, "max"),
                at + ".max",
                "max (" + max + ") must be greater than min (" + min + ")");
          }
          bounds.add(
              new ParameterBounds(
                  parameterPath,
                  min == null ? 0 : min,
                  max == null ? 1 : max,
                  Double.NaN,
                  Location.of(r, pathNode, at + ".path")));
          continue;
        }
        r.allowOnly(p, at, List.of("path", "values", "range"));
        YNode valuesNode = r.get(p, "values");
        YNode rangeNode = r.get(p, "range");
        List<Double> list = new ArrayList<>();
        if ((valuesNode == null) == (rangeNode == null)) {
          r.problem(
              p,
              at,
              "give either \"values\" or \"range\" (or use design: {type: latin-hypercube} with min"
                  + " and max)");
        } else if (valuesNode != null) {
          YList items = r.list(valuesNode, at + ".values");
          if (items != null) {
            if (items.items().isEmpty()) {
              r.problem(items, at + ".values", "give at least one value");
            }
            for (int j = 0; j < items.items().size(); j++) {
              Double v = r.number(items.items().get(j), at + ".values[" + j + "]");
              if (v != null) {
                list.add(v);
              }
            }
          }
        } else {
          list.addAll(range(r, r.map(rangeNode, at + ".range"), at + ".range"));
        }
        values.add(list);
      }
    }
    List<String> metrics = new ArrayList<>();
    YNode metricsNode = r.get(root, "metrics");
    YList metricList = r.list(metricsNode, "metrics");
    if (metricList != null) {
      for (int i = 0; i < metricList.items().size(); i++) {
        String m = r.string(metricList.items().get(i), "metrics[" + i + "]");
        r.metric(metricList.items().get(i), "metrics[" + i + "]", m);
        if (m != null) {
          metrics.add(m);
        }
      }
    }
    if (lhs == null && r.problems.isEmpty()) {
      long total = 1;
      for (List<Double> v : values) {
        total *= v.size();
        if (total > MAX_POINTS) {
          r.problem(parameters, "parameters", "the grid has more than " + MAX_POINTS + " points");
          break;
        }
      }
    }
    r.throwIfProblems();
    return new SweepSpec(
        r.file,
        base,
        seed,
        replications.intValue(),
        List.copyOf(paths),
        lhs == null ? List.copyOf(values) : List.of(),
        lhs,
        List.copyOf(bounds),
        List.copyOf(metrics),
        Location.of(r, metricsNode, "metrics"));
  }

  /** from, from + step, ... up to to, in decimal arithmetic so 0.1 steps stay exact. */
  private static List<Double> range(SpecReader r, YMap range, String at) {
    List<Double> values = new ArrayList<>();
    if (range == null) {
      return values;
    }
    r.allowOnly(range, at, List.of("from", "to", "step"));
    Double from = r.number(r.required(range, at, "from"), at + ".from");
    Double to = r.number(r.required(range, at, "to"), at + ".to");
    Double step = r.number(r.required(range, at, "step"), at + ".step");
    if (from == null || to == null || step == null) {
      return values;
    }
    if (!(step > 0)) {
      r.problem(r.get(range, "step"), at + ".step", "step must be positive, was " + step);
      return values;
    }
    if (to < from) {
      r.problem(r.get(range, "to"), at + ".to", "to (" + to + ") is less than from (" + from + ")");
      return values;
    }
    BigDecimal end = new BigDecimal(to.toString());
    BigDecimal increment = new BigDecimal(step.toString());
    for (BigDecimal v = new BigDecimal(from.toString());
        v.compareTo(end) <= 0;
        v = v.add(increment)) {
      values.add(v.doubleValue());
      if (values.size() > MAX_POINTS) {
        r.problem(range, at, "the range gives more than " + MAX_POINTS + " values");
        break;
      }
    }
    return values;
  }
}
