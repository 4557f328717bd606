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
 * optimiser: cma-es                 # or nelder-mead
 * parameters:
 *   - {path: sources.tunisia.annualPropensity, min: 0.005, max: 0.05, initial: 0.02}
 * observed: public-figures.csv      # relative to this file
 * targets:                          # which figures, compared with what
 *   - {quantity: foreign_fighters_cumulative, metric: foreign_arrivals_cumulative, metricKey: all,
 *      aggregate: at-end, weight: 1}
 * </pre>
 *
 * A target selects every observed row with its {@code quantity} (and {@code key}, default any) whose dates fall in
 * {@code from}..{@code to} when given.
 */
public final class CalibrationFileReader {
  private final java.util.Collection<String> knownMetrics;

  /** A reader that does not check metric names. */
  public CalibrationFileReader() {
    this(null);
  }

  /**
   * A reader that also reports metric names not in {@code knownMetrics} (the engine's), with every other problem
   * of the file at once.
   */
  public CalibrationFileReader(java.util.Collection<String> knownMetrics) {
    this.knownMetrics = knownMetrics == null ? null : java.util.List.copyOf(knownMetrics);
  }
  public static final Set<String> AGGREGATES = Set.of("at-end", "mean", "change-per-month");
  public static final Set<String> OPTIMISERS = Set.of("cma-es", "nelder-mead");

  public CalibrationSpec read(Path path) {
    SpecReader r = new SpecReader(path, knownMetrics);
    YMap root = r.root(path);
    r.allowOnly(root, "", List.of("base", "seed", "replications", "budget", "optimiser", "parameters",
        "observed", "targets"));
    Scenario base = r.base(root);
    Long seed = root.entries().containsKey("seed") ? r.integer(r.get(root, "seed"), "seed", Long.MIN_VALUE)
        : (base == null ? null : base.seed());
    Long replications = r.integer(r.required(root, "", "replications"), "replications", 1);
    Long budget = root.entries().containsKey("budget") ? r.integer(r.get(root, "budget"), "budget", 2) : 100L;
    String optimiser = root.entries().containsKey("optimiser")
        ? r.choice(r.get(root, "optimiser"), "optimiser", OPTIMISERS) : "cma-es";
    List<ParameterBounds> parameters = r.bounds(root, "parameters", base, true);
    YNode observedNode = r.required(root, "", "observed");
    String observed = r.string(observedNode, "observed");
    List<ObservedFigure> figures = List.of();
    if (observed != null) {
      Path file = r.directory.resolve(observed).normalize();
      if (!Files.isRegularFile(file)) {
        r.problem(observedNode, "observed", "no such file: " + observed + " (paths are relative to this file)");
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
        r.allowOnly(t, at, List.of("quantity", "key", "from", "to", "metric", "metricKey", "aggregate", "scale",
            "weight"));
        String quantity = r.string(r.required(t, at, "quantity"), at + ".quantity");
        String key = t.entries().containsKey("key") ? r.string(r.get(t, "key"), at + ".key") : null;
        String from = r.string(r.get(t, "from"), at + ".from");
        String to = r.string(r.get(t, "to"), at + ".to");
        YNode metricNode = r.required(t, at, "metric");
        String metric = r.string(metricNode, at + ".metric");
        r.metric(metricNode, at + ".metric", metric);
        String metricKey = t.entries().containsKey("metricKey") ? r.string(r.get(t, "metricKey"), at + ".metricKey")
            : "";
        String aggregate = t.entries().containsKey("aggregate")
            ? r.choice(r.get(t, "aggregate"), at + ".aggregate", AGGREGATES) : "at-end";
        Double scale = t.entries().containsKey("scale") ? r.number(r.get(t, "scale"), at + ".scale") : 1.0;
        Double weight = t.entries().containsKey("weight") ? r.number(r.get(t, "weight"), at + ".weight") : 1.0;
        if (weight != null && weight < 0) {
          r.problem(r.get(t, "weight"), at + ".weight", "weight must not be negative");
        }
        if (quantity == null || metric == null || aggregate == null || scale == null || weight == null) {
          continue;
        }
        int matched = 0;
        for (ObservedFigure f : figures) {
          if (f.quantity().equals(quantity) && (key == null || Objects.equals(f.key(), key))
              && (from == null || f.dateFrom().toString().compareTo(from) >= 0)
              && (to == null || f.dateTo().toString().compareTo(to) <= 0)) {
            targets.add(new CalibrationSpec.Target(f, metric, metricKey == null ? "" : metricKey, aggregate, scale,
                weight, Location.of(r, metricNode, at + ".metric")));
            matched++;
          }
        }
        if (matched == 0 && observed != null && !figures.isEmpty()) {
          r.problem(t, at, "no row of " + observed + " has quantity \"" + quantity + "\""
              + (key == null ? "" : " and key \"" + key + "\"") + " in the dates given"
              + org.polemos.model.validation.Suggestions.didYouMean(quantity,
                  figures.stream().map(ObservedFigure::quantity).distinct().toList()));
        }
      }
      if (list.items().isEmpty()) {
        r.problem(list, "targets", "give at least one target");
      }
    }
    r.throwIfProblems();
    return new CalibrationSpec(r.file, base, seed, replications.intValue(), budget.intValue(), optimiser,
        List.copyOf(parameters), List.copyOf(targets));
  }
}
