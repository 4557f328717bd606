package org.polemos.io.experiment;

import java.time.LocalDate;
import java.util.List;
import org.polemos.model.Scenario;

/**
 * A sensitivity file: with method {@code morris}, Morris screening of {@code parameters} (bounds)
 * with {@code trajectories} trajectories on a {@code levels}-level grid drawn with {@code
 * designSeed}; with method {@code sobol}, Sobol indices from {@code samples} base samples of a
 * Sobol sequence rotated by {@code designSeed} (the fields of the other method are 0). Each point
 * is run with the same seed and replications, for the outputs listed (the replication mean of a
 * metric and key at a date; date null = the last sample).
 */
public record SensitivitySpec(
    String file,
    Scenario base,
    long seed,
    int replications,
    Method method,
    int trajectories,
    int levels,
    int samples,
    long designSeed,
    List<ParameterBounds> parameters,
    List<Output> outputs) {

  /** The sensitivity method. */
  public enum Method {
    MORRIS,
    SOBOL
  }

  /** One output screened. */
  public record Output(String metric, String key, LocalDate date, Location location) {}
}
