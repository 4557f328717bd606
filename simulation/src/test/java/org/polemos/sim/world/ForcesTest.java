package org.polemos.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polemos.sim.sampling.Draw;

/**
 * A front's losses fall on the fighters engaged there ({@link Forces#killOnFront}, issue 12): an
 * assault's losses on the assault force, not on the garrison of the place it is launched from.
 */
class ForcesTest {
  private static final int PLACES = 3;
  private static final int FACTIONS = 2;
  private static final int STATE = 1;

  private static Forces forces() {
    return new Forces(PLACES, FACTIONS, 0, new People(1));
  }

  private static Draw draw() {
    return new Draw(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
  }

  @Test
  void anAssaultsLossesFallOnTheAssaultForceAndTheGarrisonsOnTheGarrison() {
    Forces f = forces();
    f.addFighters(0, STATE, 1500);
    f.commit(0, STATE, 1, 500); // 500 of them assault place 1, 1,000 garrison place 0
    f.commit(0, STATE, 2, 200); // and 200 place 2
    Draw d = draw();
    assertThat(f.killOnFront(0, STATE, 1, 300, 0, d)).isCloseTo(300, within(1e-9));
    assertThat(f.fighters(0, STATE)).isCloseTo(1200, within(1e-9));
    assertThat(f.committed(0, STATE, 1)).isCloseTo(200, within(1e-9));
    assertThat(f.committed(0, STATE, 2)).isCloseTo(200, within(1e-9));
    assertThat(f.fighters(0, STATE) - f.committedTotal(0, STATE))
        .as("the garrison")
        .isCloseTo(800, within(1e-9));
    // the garrison's own losses leave the commitments alone
    f.killOnFront(0, STATE, 1, 0, 100, d);
    assertThat(f.fighters(0, STATE) - f.committedTotal(0, STATE)).isCloseTo(700, within(1e-9));
    assertThat(f.committed(0, STATE, 1)).isCloseTo(200, within(1e-9));
    assertThat(f.deaths(STATE)).isCloseTo(400, within(1e-9));
  }

  @Test
  void lossesBeyondTheAssaultForceFallOnEveryoneInProportion() {
    Forces f = forces();
    f.addFighters(0, STATE, 1000);
    f.commit(0, STATE, 1, 200);
    // 500 lost on the front: the 200 committed, then 300 from the 800 left
    assertThat(f.killOnFront(0, STATE, 1, 500, 0, draw())).isCloseTo(500, within(1e-9));
    assertThat(f.fighters(0, STATE)).isCloseTo(500, within(1e-9));
    assertThat(f.committed(0, STATE, 1)).isZero();
    assertThat(f.deaths(STATE)).isCloseTo(500, within(1e-9));
  }

  /** Random losses on random commitments: totals, deaths and commitments stay consistent. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void fightersDeathsAndCommitmentsStayConsistent(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Forces f = forces();
    Draw d = draw();
    double start = 0;
    for (int p = 0; p < PLACES; p++) {
      double n = 1000 + rng.nextInt(5000);
      f.addFighters(p, STATE, n);
      start += n;
    }
    for (int step = 0; step < 2000; step++) {
      int p = rng.nextInt(PLACES);
      int t = rng.nextInt(PLACES);
      if (rng.nextInt(3) == 0) {
        f.commit(p, STATE, t, rng.nextInt(500));
      } else {
        f.killOnFront(p, STATE, t, rng.nextDouble() * 50, rng.nextDouble() * 50, d);
      }
      double total = 0;
      for (int q = 0; q < PLACES; q++) {
        double committed = 0;
        for (int u = 0; u < PLACES; u++) {
          assertThat(f.committed(q, STATE, u)).isGreaterThanOrEqualTo(0);
          committed += f.committed(q, STATE, u);
        }
        assertThat(f.committedTotal(q, STATE)).isCloseTo(committed, within(1e-6));
        assertThat(f.committedTotal(q, STATE)).isLessThanOrEqualTo(f.fighters(q, STATE) + 1e-9);
        assertThat(f.fighters(q, STATE)).isGreaterThanOrEqualTo(0);
        total += f.fighters(q, STATE);
      }
      assertThat(total + f.deaths(STATE)).isCloseTo(start, within(1e-6));
    }
  }
}
