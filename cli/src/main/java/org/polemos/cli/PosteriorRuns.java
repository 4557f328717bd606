package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.experiment.PosteriorFileReader;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.experiment.ParameterDraws;
import picocli.CommandLine;

/**
 * One parameter set per replication drawn from a posterior (or prior) sample ({@code run
 * --posterior}, and the predictive runs of {@code hindcast}): replication {@code i} uses row {@link
 * ParameterDraws#row(int)} of the file, drawn by weight from a generator keyed by (seed, i), so
 * outputs do not depend on the thread count.
 */
final class PosteriorRuns {
  static final String DRAWS = "posterior-draws.csv";

  private final PosteriorFileReader.Posterior posterior;
  private final int[] rows;
  private final Map<Integer, Scenario> scenarios = new HashMap<>();

  private PosteriorRuns(PosteriorFileReader.Posterior posterior, int[] rows) {
    this.posterior = posterior;
    this.rows = rows;
  }

  /**
   * Reads {@code file}, draws a row for each of {@code replications} and builds (and checks) their
   * scenarios.
   */
  static PosteriorRuns of(Path file, Scenario base, long seed, int replications, CommandLine cmd) {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, "--posterior " + file + ": no such file");
    }
    PosteriorFileReader.Posterior posterior = new PosteriorFileReader().read(file);
    for (String path : posterior.paths()) {
      try {
        base.getDouble(path);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            cmd, file + ":1: column " + path + ": " + e.getMessage());
      }
    }
    ParameterDraws draws = new ParameterDraws(posterior.weights(), seed);
    int[] rows = new int[replications];
    PosteriorRuns runs = new PosteriorRuns(posterior, rows);
    for (int i = 0; i < replications; i++) {
      rows[i] = draws.row(i);
      int row = rows[i];
      if (!runs.scenarios.containsKey(row)) {
        Scenario s = Experiments.variant(base, posterior.paths(), posterior.values()[row]);
        if (!s.validate().isEmpty()) {
          throw new CommandLine.ParameterException(
              cmd,
              file
                  + ":"
                  + (row + 2)
                  + ": this parameter set gives an "
                  + "invalid scenario: "
                  + Experiments.problems(s.validate()));
        }
        runs.scenarios.put(row, s);
      }
    }
    return runs;
  }

  /** The scenario of replication {@code i}. */
  Scenario scenario(int replication) {
    return scenarios.get(rows[replication]);
  }

  /** The row (from 0, the first row after the header) replication {@code i} uses. */
  int row(int replication) {
    return rows[replication];
  }

  /**
   * {@code replication,row,<path>...}: row numbers from 1 (the first parameter set), values as
   * used.
   */
  void write(Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("replication", "row"));
    header.addAll(posterior.paths());
    try (TableCsvWriter csv = new TableCsvWriter(file, header)) {
      for (int i = 0; i < rows.length; i++) {
        Object[] r = new Object[header.size()];
        r[0] = i;
        r[1] = rows[i] + 1;
        Scenario s = scenarios.get(rows[i]);
        for (int c = 0; c < posterior.paths().size(); c++) {
          r[2 + c] = s.getDouble(posterior.paths().get(c));
        }
        csv.row(r);
      }
      csv.commit();
    }
  }
}
