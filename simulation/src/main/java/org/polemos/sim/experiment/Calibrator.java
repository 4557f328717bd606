package org.polemos.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Minimises a loss over parameters in a box with a Commons Math optimiser, within a budget of
 * evaluations. The optimiser works in the unit cube (each parameter scaled to its bounds): CMA-ES
 * with the bounds as hard bounds and an initial step of 0.3 of each range, or Nelder-Mead with an
 * initial simplex of 0.2 of each range and points outside the box clamped onto it. Every evaluation
 * is recorded; the best one is returned even when the budget ends the search. Deterministic for a
 * given seed and a deterministic loss.
 */
public final class Calibrator {

  /** The optimisers offered. */
  public enum Method {
    CMA_ES("cma-es"),
    NELDER_MEAD("nelder-mead");

    private final String code;

    Method(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The method with this code, or null. */
    public static Method of(String code) {
      for (Method m : values()) {
        if (m.code.equals(code.toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      return null;
    }
  }

  /** One evaluation: its number (from 1), parameter values and loss. */
  public record Evaluation(int number, double[] values, double loss) {}

  /** Told after each evaluation. */
  @FunctionalInterface
  public interface Listener {
    void evaluated(Evaluation evaluation, Evaluation best);
  }

  private final double[] min;
  private final double[] max;
  private final Method method;
  private final int budget;
  private final long seed;

  public Calibrator(double[] min, double[] max, Method method, int budget, long seed) {
    this.min = min.clone();
    this.max = max.clone();
    this.method = method;
    this.budget = budget;
    this.seed = seed;
    for (int i = 0; i < min.length; i++) {
      if (!(max[i] > min[i])) {
        throw new IllegalArgumentException("parameter " + i + ": max must exceed min");
      }
    }
    if (budget < 2) {
      throw new IllegalArgumentException("budget must be at least 2 evaluations");
    }
  }

  /**
   * Minimises {@code loss} from {@code initial} (parameter values); returns every evaluation in
   * order.
   */
  public List<Evaluation> minimise(
      ToDoubleFunction<double[]> loss, double[] initial, Listener listener) {
    int k = min.length;
    List<Evaluation> history = new ArrayList<>();
    Evaluation[] best = new Evaluation[1];
    ObjectiveFunction objective =
        new ObjectiveFunction(
            unit -> {
              if (history.size() >= budget) {
                throw new TooManyEvaluationsException(budget);
              }
              double[] values = toValues(unit);
              double value = loss.applyAsDouble(values);
              double safe = Double.isFinite(value) ? value : Double.MAX_VALUE;
              Evaluation e = new Evaluation(history.size() + 1, values, value);
              history.add(e);
              if (best[0] == null
                  || safe < (Double.isFinite(best[0].loss()) ? best[0].loss() : Double.MAX_VALUE)) {
                best[0] = e;
              }
              listener.evaluated(e, best[0]);
              return safe;
            });
    double[] start = new double[k];
    for (int i = 0; i < k; i++) {
      start[i] = clamp((initial[i] - min[i]) / (max[i] - min[i]));
    }
    try {
      if (method == Method.CMA_ES) {
        double[] sigma = new double[k];
        java.util.Arrays.fill(sigma, 0.3);
        double[] lower = new double[k];
        double[] upper = new double[k];
        java.util.Arrays.fill(upper, 1);
        int population = 4 + (int) (3 * Math.log(k));
        new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false, null)
            .optimize(
                new MaxEval(Integer.MAX_VALUE),
                new MaxIter(Integer.MAX_VALUE),
                objective,
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new SimpleBounds(lower, upper),
                new CMAESOptimizer.Sigma(sigma),
                new CMAESOptimizer.PopulationSize(population));
      } else {
        double[] steps = new double[k];
        java.util.Arrays.fill(steps, 0.2);
        new SimplexOptimizer(1e-10, 1e-12)
            .optimize(
                new MaxEval(Integer.MAX_VALUE),
                objective,
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new NelderMeadSimplex(steps));
      }
    } catch (TooManyEvaluationsException | TooManyIterationsException e) {
      // The budget is spent: the best evaluation so far is the answer.
    }
    return history;
  }

  /** The best evaluation of a history (lowest loss, earliest on ties). */
  public static Evaluation best(List<Evaluation> history) {
    Evaluation best = null;
    for (Evaluation e : history) {
      if (best == null || e.loss() < best.loss()) {
        best = e;
      }
    }
    return best;
  }

  private double[] toValues(double[] unit) {
    double[] values = new double[unit.length];
    for (int i = 0; i < unit.length; i++) {
      values[i] = min[i] + clamp(unit[i]) * (max[i] - min[i]);
    }
    return values;
  }

  private static double clamp(double u) {
    return Math.max(0, Math.min(1, u));
  }
}
