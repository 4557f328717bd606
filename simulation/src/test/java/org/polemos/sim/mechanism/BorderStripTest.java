package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.TransitParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;

/**
 * The border strip (issue 13): crossings with a throughput, a lost crossing that closes over {@code
 * closureDays}, travellers who wait at hubs, reroute or give up.
 */
class BorderStripTest {

  /** What one run of the strip gives, per day. */
  record Strip(long[] arrivals, People people, Transit transit) {}

  /**
   * One source sending {@code perDay} travellers a day (while it can depart) through corridors
   * {@code c1} into place a and, when {@code two}, {@code c2} into place b; fixed 1-day transit, no
   * screening or interdiction. The organisation loses a (to the state) on day {@code lossDay}.
   */
  static Strip run(
      Map<String, Double> capacity,
      double closureDays,
      double giveUp,
      double reroute,
      boolean two,
      int perDay,
      int lossDay,
      int days) {
    Scenario s =
        TestScenarios.scenario(
            TestScenarios.START.plusDays(days + 1L),
            OutputStep.DAILY,
            List.of(
                TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0, "gov"),
                TestScenarios.faction("gov", FactionKind.STATE, FireMode.AREA, 0, "is")),
            List.of(
                TestScenarios.region("a", 1000, 10, 0, "is", Map.of(), "b", "z"),
                TestScenarios.region("b", 1000, 10, 0, "is", Map.of(), "a", "z"),
                TestScenarios.region("z", 1000, 10, 0, "gov", Map.of("gov", 100), "a", "b")),
            List.of(TestScenarios.source("tn", 1_000_000, 0, "arabic")),
            two
                ? List.of(
                    TestScenarios.corridor("c1", "a", new DistributionSpec.Fixed(1), 0, 0, "tn"),
                    TestScenarios.corridor("c2", "b", new DistributionSpec.Fixed(1), 0, 0, "tn"))
                : List.of(
                    TestScenarios.corridor("c1", "a", new DistributionSpec.Fixed(1), 0, 0, "tn")),
            List.of(),
            TestScenarios.processes()
                .with(new TransitParameters(capacity, closureDays, giveUp, reroute)));
    RunContext ctx = RunContext.forTest(s, 0, RandomStreams.of(9), RunListener.NONE);
    long[] arrivals = new long[days + 2];
    ctx.provide(Ports.Arrivals.class, t -> arrivals[(int) Math.floor(ctx.sim().now())]++);
    Transit transit = new Transit();
    transit.wire(ctx);
    transit.start(ctx);
    Draw draw = new Draw(ctx.random("test"));
    // departures at 0.25 each day, before the crossings at mid-day; capped by openness
    ctx.sim()
        .scheduleAt(
            0.25,
            new org.polemos.sim.kernel.Action() {
              @Override
              public void fire(org.polemos.sim.kernel.Simulation sim) {
                if (transit.canDepart(0)) {
                  long n = draw.stochasticRound(perDay * transit.openness(0));
                  if (n > 0) {
                    transit.departed(0, n);
                  }
                }
                sim.schedule(1.0, this);
              }
            });
    int a = ctx.index().place("a");
    int gov = ctx.index().faction("gov");
    ctx.sim().scheduleAt(lossDay, sim -> ctx.world().changeControl(a, gov, draw));
    People people = ctx.world().people();
    for (int d = 1; d <= days; d++) {
      ctx.sim().runUntil(d);
      assertThat(people.accountedFor())
          .as("people conserved on day %d", d)
          .isEqualTo(people.departed());
    }
    return new Strip(arrivals, people, transit);
  }

  @Test
  void aCrossingPassesAtMostItsCapacityAndTheRestWaitAtTheHub() {
    // 60 a day against a capacity of 40: 40 cross each day, the queue grows by 20 a day less
    // those who give up
    Strip s = run(Map.of("c1", 40.0), 14, 0.0, 0.0, false, 60, 10_000, 60);
    for (int d = 3; d < 60; d++) {
      assertThat(s.arrivals()[d]).as("day %d", d).isLessThanOrEqualTo(40);
    }
    assertThat(s.arrivals()[30]).isEqualTo(40);
    long waiting = s.people().count(PersonState.AT_HUB);
    assertThat(waiting)
        .isEqualTo(
            s.people().departed()
                - s.people().arrived()
                - s.people().count(PersonState.IN_TRANSIT));
    assertThat(waiting).isGreaterThan(18L * 55).isEqualTo(s.transit().waiting(0));
    assertThat(s.people().count(PersonState.GAVE_UP)).isZero();
  }

  /**
   * The last corridor closes on day 100: arrivals never drop to zero in one step but decay with the
   * closure's time constant (14 days: each 14 days the flow falls by about e, as the daily budget
   * capacity x o does); departures stop only when the openness is below 1%; the waiting give up.
   */
  @Test
  void theLastCorridorClosingNeverStopsTheFlowInOneStep() {
    Strip s = run(Map.of("c1", 100.0), 14, 0.05, 0.1, false, 60, 100, 220);
    long[] a = s.arrivals();
    // before: 60 a day under a capacity of 100
    assertThat(a[99]).isBetween(45L, 75L);
    for (int d = 99; d < 140; d++) {
      assertThat(a[d + 1]).as("arrivals on day %d after %d on day %d", d + 1, a[d], d).isPositive();
    }
    long first = 0;
    long second = 0;
    for (int d = 101; d <= 114; d++) {
      first += a[d];
    }
    for (int d = 115; d <= 128; d++) {
      second += a[d];
    }
    // decays, but not in one step: by more than 1.5x and less than 6x over 14 days (e = 2.7)
    assertThat((double) first / second).isBetween(1.5, 6.0);
    // openness below 1% after 14 x ln(100) = 64.5 days: then nothing crosses and nobody leaves
    for (int d = 170; d <= 220; d++) {
      assertThat(a[d]).isZero();
    }
    assertThat(s.transit().canDepart(0)).isFalse();
    assertThat(s.people().count(PersonState.GAVE_UP)).isPositive();
    assertThat(s.people().rerouted(0)).as("nowhere to reroute").isZero();
  }

  /**
   * With a second corridor open, the travellers waiting at the lost one reroute to it: c1 (capacity
   * 10) has a queue of about 20 x 100 days when it is lost; they move to c2 (capacity 100) at 20% a
   * day, which then runs at its capacity until the backlog is gone.
   */
  @Test
  void travellersAtALostCrossingRerouteToAnOpenOne() {
    Strip s = run(Map.of("c1", 10.0, "c2", 100.0), 14, 0.0, 0.2, true, 60, 100, 160);
    assertThat(s.people().rerouted(0)).isGreaterThan(1000);
    for (int d = 101; d < 160; d++) {
      assertThat(s.arrivals()[d]).as("day %d", d).isLessThanOrEqualTo(100 + 10);
    }
    long late = 0;
    for (int d = 110; d < 130; d++) {
      late += s.arrivals()[d];
    }
    assertThat(late / 20.0).as("c2 at capacity clearing the backlog").isGreaterThan(90.0);
    assertThat(s.people().count(PersonState.GAVE_UP)).isZero();
    assertThat(s.transit().openness(0)).isEqualTo(1.0);
  }
}
