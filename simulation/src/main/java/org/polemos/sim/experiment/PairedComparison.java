package org.polemos.sim.experiment;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One cell of a comparison of two runs replication by replication: the paired differences B - A
 * (common random numbers make them far less variable than either run) and each run on its own, for
 * the unpaired (Welch) interval it is compared with.
 */
public final class PairedComparison {
  private final CellSummary a = new CellSummary();
  private final CellSummary b = new CellSummary();
  private final CellSummary difference = new CellSummary();

  /** Adds the values of one replication in run A and run B. */
  public void add(double valueA, double valueB) {
    a.add(valueA);
    b.add(valueB);
    if (!Double.isNaN(valueA) && !Double.isNaN(valueB)) {
      difference.add(valueB - valueA);
    }
  }

  public CellSummary a() {
    return a;
  }

  public CellSummary b() {
    return b;
  }

  /** The paired differences B - A. */
  public CellSummary difference() {
    return difference;
  }

  /**
   * Half-width of the 95% Welch interval of mean(B) - mean(A), ignoring the pairing; NaN below two
   * values.
   */
  public double unpairedHalfWidth() {
    if (a.n() < 2 || b.n() < 2) {
      return Double.NaN;
    }
    double va = a.sd() * a.sd() / a.n();
    double vb = b.sd() * b.sd() / b.n();
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return 0;
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
    return TDistribution.of(df).inverseCumulativeProbability(0.975) * se;
  }
}
