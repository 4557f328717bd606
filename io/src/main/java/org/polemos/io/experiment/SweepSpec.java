package org.polemos.io.experiment;

import java.util.List;
import org.polemos.model.Scenario;

/**
 * A sweep file: a base scenario, a seed and a replication count per point, and either a grid (a
 * list of values per parameter path; the points are their cartesian product) or a Latin hypercube
 * ({@code points} points within bounds, drawn with {@code designSeed}). {@code metrics} optionally
 * restricts the summaries.
 */
public record SweepSpec(
    String file,
    Scenario base,
    long seed,
    int replications,
    List<String> paths,
    List<List<Double>> gridValues,
    LatinHypercube latinHypercube,
    List<ParameterBounds> bounds,
    List<String> metrics,
    Location metricsLocation) {

  /** The Latin hypercube design, or null for a grid. */
  public record LatinHypercube(int points, long seed) {}

  public boolean isGrid() {
    return latinHypercube == null;
  }
}
