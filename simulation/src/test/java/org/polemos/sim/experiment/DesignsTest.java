package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DesignsTest {

  @Test
  void gridIsTheCartesianProductLastFastest() {
    List<double[]> grid = Designs.grid(List.of(List.of(1.0, 2.0), List.of(10.0, 20.0, 30.0)));
    assertThat(grid).hasSize(6);
    assertThat(grid.get(0)).containsExactly(1, 10);
    assertThat(grid.get(1)).containsExactly(1, 20);
    assertThat(grid.get(5)).containsExactly(2, 30);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void latinHypercubeUsesEveryStratumOnceInEveryDimension(long seed) {
    int points = 17;
    double[] min = {0, -5, 100};
    double[] max = {1, 5, 200};
    List<double[]> design = Designs.latinHypercube(points, min, max, seed);
    assertThat(design).hasSize(points);
    for (int j = 0; j < min.length; j++) {
      Set<Integer> strata = new HashSet<>();
      for (double[] p : design) {
        assertThat(p[j]).isBetween(min[j], max[j]);
        strata.add((int) Math.floor((p[j] - min[j]) / (max[j] - min[j]) * points));
      }
      assertThat(strata).hasSize(points);
    }
    assertThat(Designs.latinHypercube(points, min, max, seed).get(3))
        .containsExactly(design.get(3));
  }
}
