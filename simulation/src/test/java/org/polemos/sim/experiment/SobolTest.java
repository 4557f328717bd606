package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SobolTest {

  /** Ishigami (a = 7, b = 0.1) over [-pi, pi]^3; the fourth parameter is a dummy. */
  private static double ishigami(double[] u) {
    double x1 = -Math.PI + 2 * Math.PI * u[0];
    double x2 = -Math.PI + 2 * Math.PI * u[1];
    double x3 = -Math.PI + 2 * Math.PI * u[2];
    return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
  }

  private static Sobol.Index[] ishigamiIndices(int n, long seed) {
    Sobol.Design design = Sobol.design(4, n, seed);
    double[] yA = new double[n];
    double[] yB = new double[n];
    double[][] yAB = new double[4][n];
    for (int j = 0; j < n; j++) {
      yA[j] = ishigami(design.a()[j]);
      yB[j] = ishigami(design.b()[j]);
    }
    for (int i = 0; i < 4; i++) {
      double[][] ab = design.ab(i);
      for (int j = 0; j < n; j++) {
        yAB[i][j] = ishigami(ab[j]);
      }
    }
    return Sobol.indices(yA, yB, yAB);
  }

  /**
   * Analytic values: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2, and so on (Saltelli et al. 2008,
   * 4.6).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void ishigamiIndicesMatchTheAnalyticValues(long seed) {
    double a = 7;
    double b = 0.1;
    double pi4 = Math.pow(Math.PI, 4);
    double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
    double v2 = a * a / 8;
    double v13 = b * b * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    double[] s1 = {v1 / v, v2 / v, 0};
    double[] st = {(v1 + v13) / v, v2 / v, v13 / v};
    assertThat(s1[0]).isCloseTo(0.314, within(1e-3));
    assertThat(st[2]).isCloseTo(0.244, within(1e-3));

    Sobol.Index[] indices = ishigamiIndices(4096, seed);
    for (int i = 0; i < 3; i++) {
      assertThat(indices[i].s1()).as("S1 of x%d", i + 1).isCloseTo(s1[i], within(0.05));
      assertThat(indices[i].st()).as("ST of x%d", i + 1).isCloseTo(st[i], within(0.05));
    }
    assertThat(Math.abs(indices[3].s1())).isLessThan(0.02);
    assertThat(Math.abs(indices[3].st())).isLessThan(0.02);
  }

  @Test
  void aDummyParameterGetsExactlyZero() {
    Sobol.Index[] indices = ishigamiIndices(256, 5);
    assertThat(indices[3].s1()).isZero();
    assertThat(indices[3].st()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameDesignAndIndices() {
    Sobol.Index[] first = ishigamiIndices(512, 11);
    Sobol.Index[] second = ishigamiIndices(512, 11);
    assertThat(second).containsExactly(first);
    Sobol.Design d1 = Sobol.design(3, 16, 11);
    Sobol.Design d2 = Sobol.design(3, 16, 12);
    assertThat(d1.a()[0]).isNotEqualTo(d2.a()[0]);
  }

  @Test
  void theDesignHasNTimesKPlus2PointsInTheUnitCube() {
    Sobol.Design design = Sobol.design(3, 32, 1);
    List<double[]> points = design.points();
    assertThat(points).hasSize((int) Sobol.evaluations(32, 3)).hasSize(32 * 5);
    for (double[] p : points) {
      assertThat(p).hasSize(3);
      for (double x : p) {
        assertThat(x).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      }
    }
    double[][] ab1 = design.ab(1);
    for (int j = 0; j < 32; j++) {
      assertThat(ab1[j][0]).isEqualTo(design.a()[j][0]);
      assertThat(ab1[j][1]).isEqualTo(design.b()[j][1]);
      assertThat(ab1[j][2]).isEqualTo(design.a()[j][2]);
    }
  }

  @Test
  void constantOutputsGiveNaN() {
    Sobol.Index[] indices =
        Sobol.indices(new double[] {1, 1}, new double[] {1, 1}, new double[][] {{1, 1}});
    assertThat(indices[0].s1()).isNaN();
    assertThat(indices[0].st()).isNaN();
  }
}
