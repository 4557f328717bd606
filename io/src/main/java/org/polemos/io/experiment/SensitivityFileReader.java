package org.polemos.io.experiment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.experiment.YamlTree.YList;
import org.polemos.io.experiment.YamlTree.YMap;
import org.polemos.io.experiment.YamlTree.YNode;
import org.polemos.model.Scenario;

/**
 * Reads a sensitivity file (docs/EXPERIMENTS.md):
 *
 * <pre>
 * base: levant-2014
 * seed: 1
 * replications: 2
 * method: morris
 * trajectories: 10
 * levels: 4
 * designSeed: 1
 * parameters:
 *   - {path: corridors.tal-abyad.interdiction, min: 0.05, max: 0.6}
 * outputs:
 *   - {metric: territory_km2, key: islamic-state, date: 2015-12-31}
 * </pre>
 *
 * <p>or, for Sobol indices, {@code method: sobol} with {@code samples: N} instead of trajectories
 * and levels.
 */
public final class SensitivityFileReader {
  private final java.util.Collection<String> knownMetrics;

  /** A reader that does not check metric names. */
  public SensitivityFileReader() {
    this(null);
  }

  /**
   * A reader that also reports metric names not in {@code knownMetrics} (the engine's), with every
   * other problem of the file at once.
   */
  public SensitivityFileReader(java.util.Collection<String> knownMetrics) {
    this.knownMetrics = knownMetrics == null ? null : java.util.List.copyOf(knownMetrics);
  }

  public SensitivitySpec read(Path path) {
    SpecReader r = new SpecReader(path, knownMetrics);
    YMap root = r.root(path);
    r.allowOnly(
        root,
        "",
        List.of(
            "base",
            "seed",
            "replications",
            "method",
            "trajectories",
            "levels",
            "samples",
            "designSeed",
            "parameters",
            "outputs"));
    Scenario base = r.base(root);
    Long seed =
        root.entries().containsKey("seed")
            ? r.integer(r.get(root, "seed"), "seed", Long.MIN_VALUE)
            : (base == null ? null : base.seed());
    Long replications = r.integer(r.required(root, "", "replications"), "replications", 1);
    String methodText =
        root.entries().containsKey("method")
            ? r.choice(
                r.get(root, "method"),
                "method",
                new java.util.TreeSet<>(java.util.Set.of("morris", "sobol")))
            : "morris";
    SensitivitySpec.Method method =
        "sobol".equals(methodText) ? SensitivitySpec.Method.SOBOL : SensitivitySpec.Method.MORRIS;
    Long trajectories = 0L;
    Long levels = 0L;
    Long samples = 0L;
    if (methodText == null) {
      r.throwIfProblems(); // an invalid method: its own keys cannot be checked
    }
    if (method == SensitivitySpec.Method.MORRIS) {
      trajectories = r.integer(r.required(root, "", "trajectories"), "trajectories", 2);
      levels =
          root.entries().containsKey("levels") ? r.integer(r.get(root, "levels"), "levels", 2) : 4L;
      if (levels != null && levels % 2 != 0) {
        r.problem(
            r.get(root, "levels"),
            "levels",
            "levels must be even (the Morris step is levels / (2 (levels - 1)))");
      }
      if (root.entries().containsKey("samples")) {
        r.problem(
            r.get(root, "samples"),
            "samples",
            "samples is for method: sobol; Morris uses trajectories");
      }
    } else {
      samples = r.integer(r.required(root, "", "samples"), "samples", 2);
      if (samples != null && samples > 1_000_000) {
        r.problem(r.get(root, "samples"), "samples", "must be at most 1000000, was " + samples);
      }
      for (String key : List.of("trajectories", "levels")) {
        if (root.entries().containsKey(key)) {
          r.problem(r.get(root, key), key, key + " is for method: morris; Sobol uses samples");
        }
      }
    }
    Long designSeed =
        root.entries().containsKey("designSeed")
            ? r.integer(r.get(root, "designSeed"), "designSeed", Long.MIN_VALUE)
            : 1L;
    List<ParameterBounds> parameters = r.bounds(root, "parameters", base, false);
    if (method == SensitivitySpec.Method.SOBOL && parameters.size() > 500) {
      r.problem(
          r.get(root, "parameters"),
          "parameters",
          "Sobol indices take at most 500 parameters, found " + parameters.size());
    }
    List<SensitivitySpec.Output> outputs = new ArrayList<>();
    YList list = r.list(r.required(root, "", "outputs"), "outputs");
    if (list != null) {
      if (list.items().isEmpty()) {
        r.problem(list, "outputs", "give at least one output");
      }
      for (int i = 0; i < list.items().size(); i++) {
        String at = "outputs[" + i + "]";
        YMap o = r.map(list.items().get(i), at);
        if (o == null) {
          continue;
        }
        r.allowOnly(o, at, List.of("metric", "key", "date"));
        YNode metricNode = r.required(o, at, "metric");
        String metric = r.string(metricNode, at + ".metric");
        r.metric(metricNode, at + ".metric", metric);
        String key = o.entries().containsKey("key") ? r.string(r.get(o, "key"), at + ".key") : "";
        YNode dateNode = r.get(o, "date");
        String dateText = r.string(dateNode, at + ".date");
        LocalDate date = null;
        if (dateText != null) {
          try {
            date = LocalDate.parse(dateText);
            if (base != null
                && (date.isBefore(base.calendar().start())
                    || date.isAfter(base.calendar().end()))) {
              r.problem(
                  dateNode,
                  at + ".date",
                  "date "
                      + date
                      + " is outside the scenario's calendar "
                      + base.calendar().start()
                      + ".."
                      + base.calendar().end());
            }
          } catch (DateTimeParseException e) {
            r.problem(
                dateNode,
                at + ".date",
                "expected a date like 2015-06-30, found \"" + dateText + "\"");
          }
        }
        if (metric != null) {
          outputs.add(
              new SensitivitySpec.Output(
                  metric,
                  key == null ? "" : key,
                  date,
                  Location.of(r, metricNode, at + ".metric")));
        }
      }
    }
    r.throwIfProblems();
    return new SensitivitySpec(
        r.file,
        base,
        seed,
        replications.intValue(),
        method,
        trajectories.intValue(),
        levels.intValue(),
        samples.intValue(),
        designSeed,
        List.copyOf(parameters),
        List.copyOf(outputs));
  }
}
