package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MorrisTest {

  /** y = 3 x0 + 0 x1 + x2^2: x1 has no effect at all, x0 a constant one. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void ranksAnInertParameterLastWithZeroEffect(long seed) {
    List<Morris.Trajectory> design = Morris.design(3, 8, 4, seed);
    double[][] y = new double[design.size()][4];
    for (int t = 0; t < design.size(); t++) {
      for (int s = 0; s < 4; s++) {
        double[] x = design.get(t).points().get(s);
        for (double v : x) {
          assertThat(v).isBetween(0.0, 1.0);
        }
        y[t][s] = 3 * x[0] + 0 * x[1] + x[2] * x[2];
      }
    }
    Morris.Effect[] effects = Morris.effects(design, y);
    assertThat(effects[0].mu()).isCloseTo(3, within(1e-9));
    assertThat(effects[0].sigma()).isCloseTo(0, within(1e-9));
    assertThat(effects[1].muStar()).isZero();
    assertThat(effects[2].muStar()).isGreaterThan(0);
    assertThat(effects[0].count()).isEqualTo(8);
  }
}
