package org.polemos.sim.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Draw#hypergeometric}, the split the families use to say who died or returned, against its
 * exact law, and the families' scheme (one binomial for a group of cells with the same hazard, then
 * the split) against the law it replaces (an independent binomial per cell).
 *
 * <p>Each check is a chi-square goodness-of-fit test at level {@link #ALPHA} = 1e-5 of 20,000
 * seeded draws (bins with an expected count below 5 pooled into their neighbour). The test makes 38
 * such checks, so over seeds it would fail by chance with probability below 38 x 1e-5 = 4e-4;
 * seeded, it is deterministic for given code. A wrong law is far outside: with 20,000 draws a shift
 * of one cell's mean by 2% of a standard deviation-sized bin is already visible.
 */
class HypergeometricSplitTest {
  static final double ALPHA = 1e-5;
  static final int DRAWS = 20_000;

  /** Every split chooses exactly k, never more than a cell holds, and leaves the counts alone. */
  @ParameterizedTest(name = "k = {0}")
  @CsvSource({"0", "1", "5", "48", "49", "150", "251", "295", "300"})
  void aSplitTakesExactlyKAndNoCellGoesNegative(long k) {
    Draw draw = new Draw(RandomSource.SPLIT_MIX_64.create(7L + k));
    long[] counts = {50, 80, 0, 30, 140};
    long[] taken = new long[counts.length];
    for (int t = 0; t < 500; t++) {
      draw.hypergeometric(k, counts, counts.length, taken);
      long sum = 0;
      for (int i = 0; i < counts.length; i++) {
        assertThat(taken[i]).isBetween(0L, counts[i]);
        sum += taken[i];
      }
      assertThat(sum).isEqualTo(k);
    }
    assertThat(counts).containsExactly(50, 80, 0, 30, 140);
  }

  @Test
  void choosingMoreThanThereAreIsAnError() {
    Draw draw = new Draw(RandomSource.SPLIT_MIX_64.create(1L));
    long[] taken = new long[2];
    assertThatThrownBy(() -> draw.hypergeometric(4, new long[] {1, 2}, 2, taken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot choose 4 of 3");
    assertThatThrownBy(() -> draw.hypergeometric(1, new long[] {1, -2}, 2, taken))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Each cell's count is Hypergeometric(total, cell, k), on each of the three paths: few picks one
   * by one (k = 5; k = 2 of 6, where picking with replacement would be far off), the complement
   * picked (k = total - 5; k = 4 of 6), and the conditional draws (k = 100, 200 of 300).
   */
  @ParameterizedTest(name = "{1} of {0}")
  @CsvSource({
    "50 80 0 30 140, 5",
    "50 80 0 30 140, 295",
    "50 80 0 30 140, 100",
    "50 80 0 30 140, 200",
    "1 2 0 3, 2",
    "1 2 0 3, 4"
  })
  void eachCellFollowsTheHypergeometricLaw(String cells, int k) {
    long[] counts = java.util.Arrays.stream(cells.split(" ")).mapToLong(Long::parseLong).toArray();
    int total = (int) java.util.Arrays.stream(counts).sum();
    Draw draw = new Draw(RandomSource.SPLIT_MIX_64.create(1000L * total + k));
    long[][] seen = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      seen[i] = new long[(int) counts[i] + 1];
    }
    long[] taken = new long[counts.length];
    for (int t = 0; t < DRAWS; t++) {
      draw.hypergeometric(k, counts, counts.length, taken);
      for (int i = 0; i < counts.length; i++) {
        seen[i][(int) taken[i]]++;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        assertThat(seen[i][0]).isEqualTo(DRAWS);
        continue;
      }
      HypergeometricDistribution law = HypergeometricDistribution.of(total, (int) counts[i], k);
      assertFits(seen[i], law::probability, "cell " + i + " of " + cells + ", k = " + k);
    }
  }

  /**
   * The families' scheme: the deaths of a place are Binomial(living there, h), split among its
   * (source, group) cells. Each cell's count must be Binomial(cell, h) (as when each cell was drawn
   * on its own), and two cells independent: the joint table of two cells against the product of
   * their binomial laws. Small deaths (the picks) and many deaths (the conditional draws).
   */
  @ParameterizedTest(name = "h = {0}")
  @CsvSource({"0.02", "0.15"})
  void aSharedBinomialSplitIsAnIndependentBinomialPerCell(double h) {
    Draw draw = new Draw(RandomSource.SPLIT_MIX_64.create(Double.doubleToLongBits(h)));
    long[] counts = {120, 7, 0, 300, 45, 1, 260};
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    long[][] seen = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      seen[i] = new long[(int) counts[i] + 1];
    }
    long[][] joint = new long[(int) counts[1] + 1][(int) counts[4] + 1];
    long[] taken = new long[counts.length];
    long manyPaths = 0;
    for (int t = 0; t < DRAWS; t++) {
      long k = draw.binomial(total, h);
      manyPaths += Math.min(k, total - k) > Draw.FEW_PICKS ? 1 : 0;
      draw.hypergeometric(k, counts, counts.length, taken);
      for (int i = 0; i < counts.length; i++) {
        seen[i][(int) taken[i]]++;
      }
      joint[(int) taken[1]][(int) taken[4]]++;
    }
    if (h > 0.1) {
      assertThat(manyPaths).as("the conditional draws are exercised").isEqualTo(DRAWS);
    } else {
      assertThat(manyPaths).as("the picks are exercised").isZero();
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        assertThat(seen[i][0]).isEqualTo(DRAWS);
        continue;
      }
      BinomialDistribution law = BinomialDistribution.of((int) counts[i], h);
      assertFits(seen[i], law::probability, "cell " + i + " at h = " + h);
    }
    BinomialDistribution a = BinomialDistribution.of((int) counts[1], h);
    BinomialDistribution b = BinomialDistribution.of((int) counts[4], h);
    int width = joint[0].length;
    long[] flat = new long[joint.length * width];
    for (int x = 0; x < joint.length; x++) {
      System.arraycopy(joint[x], 0, flat, x * width, width);
    }
    assertFits(
        flat,
        j -> a.probability(j / width) * b.probability(j % width),
        "joint of cells 1 and 4 at h = " + h);
  }

  /**
   * Chi-square of the observed counts by value against {@code p(value)}, bins in value order merged
   * until each expects at least 5 (the last bin takes the rest, the tail mass included).
   */
  static void assertFits(long[] observed, IntToDoubleFunction p, String what) {
    long n = 0;
    for (long o : observed) {
      n += o;
    }
    List<double[]> bins = new ArrayList<>(); // {expected, observed}
    double e = 0;
    long o = 0;
    double mass = 0;
    for (int v = 0; v < observed.length; v++) {
      double pv = p.applyAsDouble(v);
      mass += pv;
      e += n * pv;
      o += observed[v];
      if (e >= 5) {
        bins.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    e += n * Math.max(0, 1 - mass);
    if (bins.isEmpty()) {
      bins.add(new double[] {e, o});
    } else {
      bins.get(bins.size() - 1)[0] += e;
      bins.get(bins.size() - 1)[1] += o;
    }
    assertThat(bins.size()).as(what + ": bins").isGreaterThan(1);
    double[] expected = bins.stream().mapToDouble(x -> x[0]).toArray();
    long[] seen = bins.stream().mapToLong(x -> (long) x[1]).toArray();
    double pValue = new ChiSquareTest().chiSquareTest(expected, seen);
    assertThat(pValue)
        .as(what + ": chi-square p-value over " + bins.size() + " bins")
        .isGreaterThan(ALPHA);
  }
}
