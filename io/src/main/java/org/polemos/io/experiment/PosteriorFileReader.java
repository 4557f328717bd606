package org.polemos.io.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.results.Csv;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;

/**
 * Reads a posterior (or prior) sample: {@code weight,<path>,<path>...}, one parameter set per row,
 * as written by {@code polemos calibrate} with {@code method: abc-smc} ({@code posterior.csv}).
 * Weights need not sum to 1; a prior sample has equal weights. Problems are reported as {@code
 * file:line:col}.
 */
public final class PosteriorFileReader {

  /** The parameter paths (columns after weight), the weights and one row of values per set. */
  public record Posterior(List<String> paths, double[] weights, double[][] values) {}

  public Posterior read(Path path) {
    String name = path.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  name,
                  0,
                  0,
                  "",
                  Files.exists(path) ? "cannot read: " + e.getMessage() : "no such file")));
    }
    if (lines.isEmpty()) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  name, 1, 1, "", "empty; expected the header " + "weight,<parameter path>,...")));
    }
    List<String> header = Csv.parseLine(lines.get(0).strip());
    if (header.size() < 2 || !header.get(0).equals("weight")) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  name,
                  1,
                  1,
                  "",
                  "the header must be weight followed by one column per parameter path, found "
                      + lines.get(0))));
    }
    List<String> paths = header.subList(1, header.size());
    List<Diagnostic> problems = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = Csv.parseLine(line);
      if (fields.size() != header.size()) {
        problems.add(
            new Diagnostic(
                name,
                i + 1,
                1,
                "",
                "expected " + header.size() + " fields, found " + fields.size()));
        continue;
      }
      double[] values = new double[paths.size()];
      for (int c = 0; c < fields.size(); c++) {
        String column = c == 0 ? "weight" : paths.get(c - 1);
        double v;
        try {
          v = Double.parseDouble(fields.get(c));
        } catch (NumberFormatException e) {
          problems.add(
              new Diagnostic(
                  name, i + 1, c + 1, column, "not a number: \"" + fields.get(c) + "\""));
          continue;
        }
        if (!Double.isFinite(v) || (c == 0 && v < 0)) {
          problems.add(
              new Diagnostic(
                  name,
                  i + 1,
                  c + 1,
                  column,
                  c == 0
                      ? "a weight must be a finite number >= 0"
                      : "not a finite number: " + fields.get(c)));
          continue;
        }
        if (c == 0) {
          weights.add(v);
        } else {
          values[c - 1] = v;
        }
      }
      rows.add(values);
    }
    if (problems.isEmpty() && rows.isEmpty()) {
      problems.add(new Diagnostic(name, 2, 1, "", "no parameter sets after the header"));
    }
    if (problems.isEmpty() && weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      problems.add(new Diagnostic(name, 2, 1, "weight", "the weights sum to 0"));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioFileException(problems);
    }
    return new Posterior(
        List.copyOf(paths),
        weights.stream().mapToDouble(Double::doubleValue).toArray(),
        rows.toArray(new double[0][]));
  }
}
