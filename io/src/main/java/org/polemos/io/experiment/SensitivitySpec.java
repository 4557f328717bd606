package org.polemos.io.experiment;

import java.time.LocalDate;
import java.util.List;
import org.polemos.model.Scenario;

/**
 * A sensitivity file: Morris screening of {@code parameters} (bounds) with {@code trajectories} trajectories on a
 * {@code levels}-level grid drawn with {@code designSeed}, each point run with the same seed and replications, for
 * the outputs listed (the replication mean of a metric and key at a date; date null = the last sample).
 */
public record SensitivitySpec(String file, Scenario base, long seed, int replications, int trajectories,
    int levels, long designSeed, List<ParameterBounds> parameters, List<Output> outputs) {

  /** One output screened. */
  public record Output(String metric, String key, LocalDate date, Location location) {
  }
}
