package org.polemos.io.experiment;

import java.util.List;
import org.polemos.model.Scenario;

/**
 * A calibration file: base scenario, seed and replications (the same for every evaluation: common random
 * numbers), free parameters with bounds, the observed figures and how each maps to a simulated number, the
 * optimiser and its budget.
 */
public record CalibrationSpec(String file, Scenario base, long seed, int replications, int budget,
    String optimiser, List<ParameterBounds> parameters, List<Target> targets) {

  /**
   * One observed figure and the simulated number compared with it: {@code aggregate} of series
   * (metric, metricKey) over the figure's dates, times {@code scale}; the loss is weighted by {@code weight}.
   */
  public record Target(ObservedFigure figure, String metric, String metricKey, String aggregate, double scale,
      double weight, Location location) {
  }
}
