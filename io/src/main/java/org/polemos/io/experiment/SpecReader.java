package org.polemos.io.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.YamlTree.YEntry;
import org.polemos.io.experiment.YamlTree.YList;
import org.polemos.io.experiment.YamlTree.YMap;
import org.polemos.io.experiment.YamlTree.YNode;
import org.polemos.io.experiment.YamlTree.YScalar;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.model.Scenario;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.validation.Suggestions;

/**
 * Shared reading of the experiment files: typed fields with {@code file:line:col} problems, unknown
 * keys with did-you-mean, the base scenario (bundled id or a path relative to the experiment file)
 * and parameter paths checked against the base scenario with {@link ScenarioPaths} before anything
 * runs. Problems are collected and thrown together as an {@link InputFileException}.
 */
final class SpecReader {
  final String file;
  final Path directory;
  final List<Diagnostic> problems = new ArrayList<>();

  /** The metric names the engine writes, or null when metric names are not checked. */
  private final Collection<String> knownMetrics;

  SpecReader(Path path) {
    this(path, null);
  }

  SpecReader(Path path, Collection<String> knownMetrics) {
    this.knownMetrics = knownMetrics;
    this.file = path.toString();
    Path parent = path.toAbsolutePath().getParent();
    this.directory = parent == null ? Path.of(".") : parent;
  }

  YMap root(Path path) {
    YNode root = YamlTree.read(path);
    if (!(root instanceof YMap map)) {
      throw new InputFileException(
          List.of(
              new Diagnostic(
                  file,
                  root.line(),
                  root.column(),
                  "",
                  "expected a mapping at the top, found " + root.describe())));
    }
    return map;
  }

  void problem(YNode at, String path, String message) {
    problems.add(
        new Diagnostic(
            file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), path, message));
  }

  /**
   * Reports {@code metric} at {@code node} when metric names are checked and it is none of them.
   */
  void metric(YNode node, String path, String metric) {
    if (knownMetrics != null && metric != null && !knownMetrics.contains(metric)) {
      problem(
          node,
          path,
          "unknown metric \""
              + metric
              + "\""
              + Suggestions.didYouMean(metric, knownMetrics)
              + " (metrics: docs/OUTPUTS.md)");
    }
  }

  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new InputFileException(problems);
    }
  }

  /** Reports keys of {@code map} not in {@code allowed}. */
  void allowOnly(YMap map, String path, Collection<String> allowed) {
    for (YEntry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.add(
            new Diagnostic(
                file,
                e.line(),
                e.column(),
                join(path, e.key()),
                "unknown key"
                    + Suggestions.didYouMean(e.key(), allowed)
                    + "; expected one of "
                    + String.join(", ", allowed)));
      }
    }
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  YNode get(YMap map, String key) {
    YEntry e = map.entries().get(key);
    return e == null ? null : e.value();
  }

  YNode required(YMap map, String path, String key) {
    YNode node = get(map, key);
    if (node == null) {
      problem(map, path, "missing \"" + key + "\"");
    }
    return node;
  }

  String string(YNode node, String path) {
    if (node instanceof YScalar s && s.text() != null) {
      return s.text();
    }
    if (node != null) {
      problem(node, path, "expected a string, found " + node.describe());
    }
    return null;
  }

  Double number(YNode node, String path) {
    if (node instanceof YScalar s && s.number() != null) {
      return s.number().doubleValue();
    }
    if (node != null) {
      problem(node, path, "expected a number, found " + node.describe());
    }
    return null;
  }

  Long integer(YNode node, String path, long min) {
    if (node instanceof YScalar s && s.number() != null) {
      try {
        long v = s.number().longValueExact();
        if (v < min) {
          problem(node, path, "must be at least " + min + ", was " + v);
          return null;
        }
        return v;
      } catch (ArithmeticException e) {
        problem(node, path, "expected a whole number, found " + s.text());
        return null;
      }
    }
    if (node != null) {
      problem(node, path, "expected a whole number, found " + node.describe());
    }
    return null;
  }

  YMap map(YNode node, String path) {
    if (node instanceof YMap m) {
      return m;
    }
    if (node != null) {
      problem(node, path, "expected a mapping, found " + node.describe());
    }
    return null;
  }

  YList list(YNode node, String path) {
    if (node instanceof YList l) {
      return l;
    }
    if (node != null) {
      problem(node, path, "expected a list, found " + node.describe());
    }
    return null;
  }

  /** The base scenario: a bundled id, or a file path relative to the experiment file. */
  Scenario base(YMap root) {
    YNode node = required(root, "", "base");
    String base = string(node, "base");
    if (base == null) {
      return null;
    }
    String lower = base.toLowerCase(java.util.Locale.ROOT);
    boolean looksLikeFile =
        lower.endsWith(".yaml")
            || lower.endsWith(".yml")
            || lower.endsWith(".json")
            || base.contains("/")
            || base.contains("\\");
    if (!looksLikeFile) {
      if (!BundledScenarios.exists(base)) {
        problem(
            node,
            "base",
            BundledScenarios.unknown(base) + " (or give the path of a scenario file)");
        return null;
      }
      return BundledScenarios.load(base);
    }
    Path path = directory.resolve(base).normalize();
    if (!Files.isRegularFile(path)) {
      problem(
          node, "base", "no such scenario file: " + base + " (paths are relative to this file)");
      return null;
    }
    return new ScenarioReader().read(path);
  }

  /**
   * Checks that {@code path} leads to a number of {@code scenario}; reports the ScenarioPaths
   * message if not.
   */
  boolean numericPath(Scenario scenario, YNode node, String field, String path) {
    if (scenario == null || path == null) {
      return false;
    }
    if (path.equals("seed")) {
      // Each point is run with the experiment's own seed (common random numbers), so a varied seed
      // would be
      // silently ignored.
      problem(
          node,
          field,
          "\"seed\" cannot be varied: every point runs with the experiment's own seed field"
              + " (common random numbers); to see seed-to-seed variation, raise replications");
      return false;
    }
    try {
      ScenarioPaths.getDouble(scenario, path);
      return true;
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      if (!message.contains("did you mean")) {
        message += Suggestions.didYouMean(path, ScenarioPaths.numericPaths(scenario));
      }
      problem(node, field, message);
      return false;
    }
  }

  /** Reports {@code node} unless its value is one of {@code choices}. */
  String choice(YNode node, String path, Set<String> choices) {
    String value = string(node, path);
    if (value != null && !choices.contains(value)) {
      problem(
          node,
          path,
          "\""
              + value
              + "\" is not one of "
              + String.join(", ", choices)
              + Suggestions.didYouMean(value, choices));
      return null;
    }
    return value;
  }

  /**
   * A list of {path, min, max[, initial]} under {@code key}, paths checked against {@code base}.
   */
  List<ParameterBounds> bounds(YMap root, String key, Scenario base, boolean initialAllowed) {
    List<ParameterBounds> bounds = new ArrayList<>();
    YList list = list(required(root, "", key), key);
    if (list == null) {
      return bounds;
    }
    if (list.items().isEmpty()) {
      problem(list, key, "give at least one parameter");
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String at = key + "[" + i + "]";
      YMap p = map(list.items().get(i), at);
      if (p == null) {
        continue;
      }
      allowOnly(
          p,
          at,
          initialAllowed
              ? List.of("path", "min", "max", "initial")
              : List.of("path", "min", "max"));
      YNode pathNode = required(p, at, "path");
      String path = string(pathNode, at + ".path");
      if (path != null && seen.contains(path)) {
        problem(pathNode, at + ".path", "\"" + path + "\" is listed twice");
      }
      seen.add(path);
      numericPath(base, pathNode, at + ".path", path);
      Double min = number(required(p, at, "min"), at + ".min");
      Double max = number(required(p, at, "max"), at + ".max");
      if (min != null && max != null && !(max > min)) {
        problem(
            get(p, "max"), at + ".max", "max (" + max + ") must be greater than min (" + min + ")");
      }
      Double initial = initialAllowed ? number(get(p, "initial"), at + ".initial") : null;
      if (initial != null && min != null && max != null && (initial < min || initial > max)) {
        problem(
            get(p, "initial"),
            at + ".initial",
            "initial value " + initial + " is outside [" + min + ", " + max + "]");
      }
      bounds.add(
          new ParameterBounds(
              path,
              min == null ? 0 : min,
              max == null ? 1 : max,
              initial == null ? Double.NaN : initial,
              Location.of(this, pathNode, at + ".path")));
    }
    return bounds;
  }
}
