package org.polemos.io.experiment;

import java.util.List;
import org.polemos.model.Scenario;

/**
 * A calibration file: base scenario, seed and replications (the same for every evaluation: common
 * random numbers), free parameters with bounds, the observed figures and how each maps to a
 * simulated number, the optimiser and its budget.
 */
public record CalibrationSpec(
    String file,
    Scenario base,
    long seed,
    int replications,
    int budget,
    String optimiser,
    List<ParameterBounds> parameters,
    List<Target> targets,
    Abc abc) {

  /**
   * The method code of ABC-SMC ({@code method: abc-smc}); {@link #optimiser} holds it for such a
   * file.
   */
  public static final String ABC_SMC = "abc-smc";

  /** Whether this file asks for ABC-SMC (then {@link #abc} is set) rather than an optimiser. */
  public boolean isAbc() {
    return ABC_SMC.equals(optimiser);
  }

  /**
   * The settings of {@code method: abc-smc}: population, generations (at most, generation 0
   * included), tolerance quantile, minimum acceptance rate, simulation budget, common random
   * numbers (every simulation uses replications 0..n-1) or not, and one prior per parameter (in the
   * order of {@link #parameters}).
   */
  public record Abc(
      int population,
      int generations,
      double quantile,
      double minAcceptance,
      long maxSimulations,
      boolean commonRandomNumbers,
      List<PriorSpec> priors) {}

  /**
   * The prior of one parameter: {@code kind} uniform, log-uniform or normal; min/max (infinite when
   * not given for a normal; a normal with a finite bound is truncated), mean and sd (NaN unless
   * normal).
   */
  public record PriorSpec(
      String path,
      String kind,
      double min,
      double max,
      double mean,
      double sd,
      Location location) {}

  /**
   * One observed figure and the simulated number compared with it: {@code aggregate} of series
   * (metric, metricKey) over the figure's dates, times {@code scale}; the loss is weighted by
   * {@code weight}.
   */
  public record Target(
      ObservedFigure figure,
      String metric,
      String metricKey,
      String aggregate,
      double scale,
      double weight,
      Location location) {}
}
