package org.polemos.io.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.polemos.io.experiment.YamlTree.YList;
import org.polemos.io.experiment.YamlTree.YMap;
import org.polemos.io.experiment.YamlTree.YNode;
import org.polemos.model.Scenario;

/**
 * Reads a calibration file (docs/EXPERIMENTS.md):
 *
 * <pre>
 * base: levant-2014
 * seed: 1
 * replications: 4
 * budget: 60                        # evaluations
 * optimiser: cma-es                 # or nelder-mead; or method: abc-smc (see below)
 * parameters:
 *   - {path: sources.tunisia.annualPropensity, min: 0.005, max: 0.05, initial: 0.02}
 * observed: public-figures.csv      # relative to this file
 * targets:                          # which figures, compared with what
 *   - {quantity: foreign_fighters_cumulative, metric: foreign_arrivals_cumulative, metricKey: all,
 *      aggregate: at-end, weight: 1}
 * </pre>
 *
 * With {@code method: abc-smc} an {@code abc} mapping gives population, generations, quantile,
 * minAcceptance, maxSimulations and commonRandomNumbers, and each parameter a prior: {@code prior:
 * uniform} (min, max), {@code log-uniform} (min > 0, max) or {@code normal} (mean, sd; truncated to
 * min/max when given).
 *
 * <p>A target selects every observed row with its {@code quantity} (and {@code key}, default any)
 * whose dates fall in {@code from}..{@code to} when given.
 */
public final class CalibrationFileReader {
  private final java.util.Collection<String> knownMetrics;

  /** A reader that does not check metric names. */
  public CalibrationFileReader() {
    this(null);
  }

  /**
   * A reader that also reports metric names not in {@code knownMetrics} (the engine's), with every
   * other problem of the file at once.
   */
  public CalibrationFileReader(java.util.Collection<String> knownMetrics) {
    this.knownMetrics = knownMetrics == null ? null : java.util.List.copyOf(knownMetrics);
  }

  public static final Set<String> AGGREGATES = Set.of("at-end", "mean", "change-per-month");
  public static final Set<String> OPTIMISERS = Set.of("cma-es", "nelder-mead");
  public static final Set<String> METHODS =
      Set.of("cma-es", "nelder-mead", CalibrationSpec.ABC_SMC);
  public static final Set<String> PRIORS = Set.of("uniform", "log-uniform", "normal");

  public CalibrationSpec read(Path path) {
    SpecReader r = new SpecReader(path, knownMetrics);
    YMap root = r.root(path);
    r.allowOnly(
        root,
        "",
        List.of(
            "base",
            "seed",
            "replications",
            "budget",
            "optimiser",
            "method",
            "abc",
            "parameters",
            "observed",
            "targets"));
    Scenario base = r.base(root);
    Long seed =
        root.entries().containsKey("seed")
            ? r.integer(r.get(root, "seed"), "seed", Long.MIN_VALUE)
            : (base == null ? null : base.seed());
    Long replications = r.integer(r.required(root, "", "replications"), "replications", 1);
    Long budget =
        root.entries().containsKey("budget") ? r.integer(r.get(root, "budget"), "budget", 2) : 100L;
    String optimiser =
        root.entries().containsKey("optimiser")
            ? r.choice(r.get(root, "optimiser"), "optimiser", OPTIMISERS)
            : "cma-es";
    if (root.entries().containsKey("method")) {
      String method = r.choice(r.get(root, "method"), "method", METHODS);
      if (method != null && root.entries().containsKey("optimiser") && !method.equals(optimiser)) {
        r.problem(
            r.get(root, "method"),
            "method",
            "method " + method + " contradicts optimiser " + optimiser + "; give one of them");
      }
      optimiser = method;
    }
    boolean abcSmc = CalibrationSpec.ABC_SMC.equals(optimiser);
    if (root.entries().containsKey("abc") && !abcSmc) {
      r.problem(r.get(root, "abc"), "abc", "abc settings belong to method: abc-smc");
    }
    List<ParameterBounds> parameters = new ArrayList<>();
    CalibrationSpec.Abc abc = abcSmc ? abc(r, root, base, parameters) : null;
    if (!abcSmc) {
      parameters = r.bounds(root, "parameters", base, true);
    }
    YNode observedNode = r.required(root, "", "observed");
    String observed = r.string(observedNode, "observed");
    List<ObservedFigure> figures = List.of();
    if (observed != null) {
      Path file = r.directory.resolve(observed).normalize();
      if (!Files.isRegularFile(file)) {
        r.problem(
            observedNode,
            "observed",
            "no such file: " + observed + " (paths are relative to this file)");
      } else {
        figures = new ObservedFiguresReader().read(file, observed);
      }
    }
    List<CalibrationSpec.Target> targets = new ArrayList<>();
    YList list = r.list(r.required(root, "", "targets"), "targets");
    if (list != null) {
      for (int i = 0; i < list.items().size(); i++) {
        String at = "targets[" + i + "]";
        YMap t = r.map(list.items().get(i), at);
        if (t == null) {
          continue;
        }
        r.allowOnly(
            t,
            at,
            List.of(
                "quantity",
                "key",
                "from",
                "to",
                "metric",
                "metricKey",
                "aggregate",
                "scale",
                "weight"));
        String quantity = r.string(r.required(t, at, "quantity"), at + ".quantity");
        String key = t.entries().containsKey("key") ? r.string(r.get(t, "key"), at + ".key") : null;
        String from = r.string(r.get(t, "from"), at + ".from");
        String to = r.string(r.get(t, "to"), at + ".to");
        YNode metricNode = r.required(t, at, "metric");
        String metric = r.string(metricNode, at + ".metric");
        r.metric(metricNode, at + ".metric", metric);
        String metricKey =
            t.entries().containsKey("metricKey")
                ? r.string(r.get(t, "metricKey"), at + ".metricKey")
                : "";
        String aggregate =
            t.entries().containsKey("aggregate")
                ? r.choice(r.get(t, "aggregate"), at + ".aggregate", AGGREGATES)
                : "at-end";
        Double scale =
            t.entries().containsKey("scale") ? r.number(r.get(t, "scale"), at + ".scale") : 1.0;
        Double weight =
            t.entries().containsKey("weight") ? r.number(r.get(t, "weight"), at + ".weight") : 1.0;
        if (weight != null && weight < 0) {
          r.problem(r.get(t, "weight"), at + ".weight", "weight must not be negative");
        }
        if (quantity == null
            || metric == null
            || aggregate == null
            || scale == null
            || weight == null) {
          continue;
        }
        int matched = 0;
        for (ObservedFigure f : figures) {
          if (f.quantity().equals(quantity)
              && (key == null || Objects.equals(f.key(), key))
              && (from == null || f.dateFrom().toString().compareTo(from) >= 0)
              && (to == null || f.dateTo().toString().compareTo(to) <= 0)) {
            targets.add(
                new CalibrationSpec.Target(
                    f,
                    metric,
                    metricKey == null ? "" : metricKey,
                    aggregate,
                    scale,
                    weight,
                    Location.of(r, metricNode, at + ".metric")));
            matched++;
          }
        }
        if (matched == 0 && observed != null && !figures.isEmpty()) {
          r.problem(
              t,
              at,
              "no row of "
                  + observed
                  + " has quantity \""
                  + quantity
                  + "\""
                  + (key == null ? "" : " and key \"" + key + "\"")
                  + " in the dates given"
                  + org.polemos.model.validation.Suggestions.didYouMean(
                      quantity,
                      figures.stream().map(ObservedFigure::quantity).distinct().toList()));
        }
      }
      if (list.items().isEmpty()) {
        r.problem(list, "targets", "give at least one target");
      }
    }
    r.throwIfProblems();
    return new CalibrationSpec(
        r.file,
        base,
        seed,
        replications.intValue(),
        budget.intValue(),
        optimiser,
        List.copyOf(parameters),
        List.copyOf(targets),
        abc);
  }

  /**
   * The abc settings and the parameters with priors; fills {@code box} with each prior's bounds.
   */
  private static CalibrationSpec.Abc abc(
      SpecReader r, YMap root, Scenario base, List<ParameterBounds> box) {
    YMap settings = root.entries().containsKey("abc") ? r.map(r.get(root, "abc"), "abc") : null;
    long population = 100;
    long generations = 6;
    double quantile = 0.5;
    double minAcceptance = 0.02;
    long maxSimulations = 20_000;
    boolean crn = false;
    if (settings != null) {
      r.allowOnly(
          settings,
          "abc",
          List.of(
              "population",
              "generations",
              "quantile",
              "minAcceptance",
              "maxSimulations",
              "commonRandomNumbers"));
      Long p =
          settings.entries().containsKey("population")
              ? r.integer(r.get(settings, "population"), "abc.population", 2)
              : Long.valueOf(population);
      Long g =
          settings.entries().containsKey("generations")
              ? r.integer(r.get(settings, "generations"), "abc.generations", 1)
              : Long.valueOf(generations);
      Double q =
          settings.entries().containsKey("quantile")
              ? r.number(r.get(settings, "quantile"), "abc.quantile")
              : Double.valueOf(quantile);
      Double a =
          settings.entries().containsKey("minAcceptance")
              ? r.number(r.get(settings, "minAcceptance"), "abc.minAcceptance")
              : Double.valueOf(minAcceptance);
      Long m =
          settings.entries().containsKey("maxSimulations")
              ? r.integer(r.get(settings, "maxSimulations"), "abc.maxSimulations", 2)
              : Long.valueOf(maxSimulations);
      if (q != null && !(q > 0 && q < 1)) {
        r.problem(
            r.get(settings, "quantile"),
            "abc.quantile",
            "must be between 0 and 1 (exclusive), was " + q);
      }
      if (a != null && !(a >= 0 && a < 1)) {
        r.problem(
            r.get(settings, "minAcceptance"), "abc.minAcceptance", "must be in [0, 1), was " + a);
      }
      if (settings.entries().containsKey("commonRandomNumbers")) {
        String text = r.string(r.get(settings, "commonRandomNumbers"), "abc.commonRandomNumbers");
        if (text != null && !text.equals("true") && !text.equals("false")) {
          r.problem(
              r.get(settings, "commonRandomNumbers"),
              "abc.commonRandomNumbers",
              "expected true or false");
        }
        crn = "true".equals(text);
      }
      population = p == null ? population : p;
      generations = g == null ? generations : g;
      quantile = q == null ? quantile : q;
      minAcceptance = a == null ? minAcceptance : a;
      maxSimulations = m == null ? maxSimulations : m;
    }
    List<CalibrationSpec.PriorSpec> priors = new ArrayList<>();
    YList list = r.list(r.required(root, "", "parameters"), "parameters");
    if (list != null) {
      if (list.items().isEmpty()) {
        r.problem(list, "parameters", "give at least one parameter");
      }
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        String at = "parameters[" + i + "]";
        YMap p = r.map(list.items().get(i), at);
        if (p == null) {
          continue;
        }
        r.allowOnly(p, at, List.of("path", "prior", "min", "max", "mean", "sd", "initial"));
        YNode pathNode = r.required(p, at, "path");
        String path = r.string(pathNode, at + ".path");
        if (path != null && seen.contains(path)) {
          r.problem(pathNode, at + ".path", "\"" + path + "\" is listed twice");
        }
        seen.add(path);
        r.numericPath(base, pathNode, at + ".path", path);
        String kind =
            p.entries().containsKey("prior")
                ? r.choice(r.get(p, "prior"), at + ".prior", PRIORS)
                : "uniform";
        boolean normal = "normal".equals(kind);
        Double min =
            normal
                ? r.number(r.get(p, "min"), at + ".min")
                : r.number(r.required(p, at, "min"), at + ".min");
        Double max =
            normal
                ? r.number(r.get(p, "max"), at + ".max")
                : r.number(r.required(p, at, "max"), at + ".max");
        Double mean = normal ? r.number(r.required(p, at, "mean"), at + ".mean") : null;
        Double sd = normal ? r.number(r.required(p, at, "sd"), at + ".sd") : null;
        if (!normal) {
          for (String key : List.of("mean", "sd")) {
            if (p.entries().containsKey(key)) {
              r.problem(r.get(p, key), at + "." + key, key + " belongs to prior: normal");
            }
          }
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        if ((min != null || !normal) && (max != null || !normal) && !(hi > lo)) {
          r.problem(
              r.get(p, "max"),
              at + ".max",
              "max (" + max + ") must be greater than min (" + min + ")");
        }
        if ("log-uniform".equals(kind) && min != null && !(min > 0)) {
          r.problem(r.get(p, "min"), at + ".min", "a log-uniform prior needs min > 0, was " + min);
        }
        if (sd != null && !(sd > 0)) {
          r.problem(r.get(p, "sd"), at + ".sd", "sd must be greater than 0, was " + sd);
        }
        if (kind == null || path == null) {
          continue;
        }
        double m = mean == null ? Double.NaN : mean;
        double s = sd == null ? Double.NaN : sd;
        Location location = Location.of(r, pathNode, at + ".path");
        priors.add(new CalibrationSpec.PriorSpec(path, kind, lo, hi, m, s, location));
        double boxLow = Double.isInfinite(lo) ? m - 3 * s : lo;
        double boxHigh = Double.isInfinite(hi) ? m + 3 * s : hi;
        Double initial = r.number(r.get(p, "initial"), at + ".initial");
        box.add(
            new ParameterBounds(
                path, boxLow, boxHigh, initial == null ? Double.NaN : initial, location));
      }
    }
    return new CalibrationSpec.Abc(
        (int) population,
        (int) generations,
        quantile,
        minAcceptance,
        maxSimulations,
        crn,
        List.copyOf(priors));
  }
}
