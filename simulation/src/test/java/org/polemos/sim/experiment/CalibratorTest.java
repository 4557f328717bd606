package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalibratorTest {

  @ParameterizedTest
  @EnumSource(Calibrator.Method.class)
  void findsTheMinimumOfASmoothFunctionWithinTheBudget(Calibrator.Method method) {
    Calibrator calibrator =
        new Calibrator(new double[] {0, 10}, new double[] {1, 50}, method, 200, 3);
    List<Calibrator.Evaluation> history =
        calibrator.minimise(
            x -> Math.pow(x[0] - 0.3, 2) + Math.pow((x[1] - 20) / 40, 2),
            new double[] {0.8, 40},
            (e, b) -> {});
    assertThat(history).hasSizeLessThanOrEqualTo(200);
    Calibrator.Evaluation best = Calibrator.best(history);
    assertThat(best.values()[0]).isCloseTo(0.3, within(0.02));
    assertThat(best.values()[1]).isCloseTo(20, within(1.0));
  }

  @ParameterizedTest
  @EnumSource(Calibrator.Method.class)
  void staysInsideTheBounds(Calibrator.Method method) {
    Calibrator calibrator = new Calibrator(new double[] {2}, new double[] {3}, method, 40, 1);
    List<Calibrator.Evaluation> history =
        calibrator.minimise(x -> x[0], new double[] {2.5}, (e, b) -> {});
    assertThat(history).allSatisfy(e -> assertThat(e.values()[0]).isBetween(2.0, 3.0));
    assertThat(Calibrator.best(history).values()[0]).isCloseTo(2, within(0.05));
  }
}
