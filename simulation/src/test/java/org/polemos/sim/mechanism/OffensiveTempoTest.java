package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, "variance in reinforcement": an offensive's force arrives at a random tempo, but all of
 * it by the end of its window whatever the tempo; a slow tempo (above 1) brings less than half in
 * the first half of the window, a fast one (below 1) more.
 */
class OffensiveTempoTest {

  @ParameterizedTest
  @CsvSource({"1, 7", "0.25, 7", "4, 7", "0.05, 90", "20, 90", "1.7, 1"})
  void theWholeForceArrivesByTheEndOfTheWindow(double tempo, int days) {
    double total = 0;
    for (int k = 0; k < days; k++) {
      double share = Interventions.dayShare(k, days, tempo);
      assertThat(share).isBetween(0.0, 1.0);
      total += share;
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0.5, true", "2, false"})
  void aFastTempoFrontLoadsTheForceAndASlowOneBackLoadsIt(double tempo, boolean front) {
    double firstHalf = 0;
    for (int k = 0; k < 10; k++) {
      firstHalf += Interventions.dayShare(k, 20, tempo);
    }
    // closed form: F(1/2) = 0.5^tempo
    assertThat(firstHalf).isCloseTo(Math.pow(0.5, tempo), within(1e-12));
    assertThat(firstHalf > 0.5).isEqualTo(front);
  }

  @ParameterizedTest
  @CsvSource({"0, 10", "3, 10", "9, 10"})
  void tempoOneIsTheSameNumberEveryDay(int k, int days) {
    assertThat(Interventions.dayShare(k, days, 1)).isCloseTo(1.0 / days, within(1e-15));
  }
}
