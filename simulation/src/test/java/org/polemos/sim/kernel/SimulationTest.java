package org.polemos.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationTest {

  private static Action record(List<String> log, String name) {
    return sim -> log.add(name + "@" + sim.now());
  }

  @Test
  void equalTimesFireInSchedulingOrder() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sim.schedule(2.0, record(log, "a" + i));
      sim.scheduleAt(1.0, record(log, "b" + i));
    }
    sim.run();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add("b" + i + "@1.0");
    }
    for (int i = 0; i < 50; i++) {
      expected.add("a" + i + "@2.0");
    }
    assertThat(log).isEqualTo(expected);
    assertThat(sim.eventsFired()).isEqualTo(100);
    assertThat(sim.now()).isEqualTo(2.0);
  }

  @Test
  void eventsScheduledAtNowFromAnActionFireAfterThoseAlreadyPendingAtNow() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    sim.scheduleAt(
        1.0,
        s -> {
          log.add("first");
          s.schedule(0.0, x -> log.add("scheduled-by-first"));
        });
    sim.scheduleAt(1.0, s -> log.add("second"));
    sim.run();
    assertThat(log).containsExactly("first", "second", "scheduled-by-first");
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {-1e-9, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void invalidDelaysAreRejected(double delay) {
    Simulation sim = new Simulation();
    assertThatThrownBy(() -> sim.schedule(delay, s -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sim.pending()).isZero();
  }

  @Test
  void invalidTimesAreRejected() {
    Simulation sim = new Simulation();
    sim.runUntil(10.0);
    for (double t : new double[] {9.999, 0.0, Double.NaN, Double.POSITIVE_INFINITY, -1}) {
      assertThatThrownBy(() -> sim.scheduleAt(t, s -> {}))
          .as("t=%s", t)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> sim.runUntil(5.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.runUntil(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.schedule(1.0, null)).isInstanceOf(NullPointerException.class);
    assertThat(sim.scheduleAt(10.0, s -> {})).isNotNegative();
    assertThat(sim.schedule(0.0, s -> {})).isNotNegative();
    assertThat(sim.pending()).isEqualTo(2);
  }

  @Test
  void cancelledEventsDoNotFireAndStaleHandlesCancelNothing() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    int fired = sim.schedule(1.0, record(log, "fired"));
    int cancelled = sim.schedule(2.0, record(log, "cancelled"));
    assertThat(sim.cancel(cancelled)).isTrue();
    sim.runUntil(1.5);
    assertThat(log).containsExactly("fired@1.0");
    // New events reuse the freed slots.
    int x = sim.schedule(1.0, record(log, "x"));
    int y = sim.schedule(1.0, record(log, "y"));
    assertThat(sim.cancel(fired)).isFalse();
    assertThat(sim.cancel(cancelled)).isFalse();
    assertThat(sim.cancel(cancelled)).isFalse();
    assertThat(sim.isPending(x)).isTrue();
    assertThat(sim.isPending(y)).isTrue();
    assertThat(sim.pending()).isEqualTo(2);
    sim.run();
    assertThat(log).containsExactly("fired@1.0", "x@2.5", "y@2.5");
    assertThat(sim.cancel(x)).isFalse();
  }

  @Test
  void runUntilFiresEventsUpToAndIncludingEndThenSetsTheClock() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    sim.scheduleAt(
        1.0,
        s -> {
          log.add("a@" + s.now());
          s.schedule(1.0, record(log, "chained")); // at 2.0, inside the window
          s.schedule(5.0, record(log, "late")); // at 6.0, outside
        });
    sim.scheduleAt(3.0, record(log, "end-exactly"));
    sim.scheduleAt(3.0000001, record(log, "after"));
    sim.runUntil(3.0);
    assertThat(log).containsExactly("a@1.0", "chained@2.0", "end-exactly@3.0");
    assertThat(sim.now()).isEqualTo(3.0);
    assertThat(sim.pending()).isEqualTo(2);
    sim.runUntil(4.5);
    assertThat(sim.now()).isEqualTo(4.5);
    assertThat(log).hasSize(4);
    sim.runUntil(100);
    assertThat(log)
        .containsExactly("a@1.0", "chained@2.0", "end-exactly@3.0", "after@3.0000001", "late@6.0");
    assertThat(sim.now()).isEqualTo(100.0);
    assertThat(sim.pending()).isZero();
  }

  @Test
  void runWhileChecksTheConditionBeforeEachEvent() {
    Simulation sim = new Simulation();
    int[] count = new int[1];
    Action tick =
        new Action() {
          @Override
          public void fire(Simulation s) {
            count[0]++;
            s.schedule(1.0, this);
          }
        };
    sim.schedule(1.0, tick);
    sim.runWhile(() -> count[0] < 10);
    assertThat(count[0]).isEqualTo(10);
    assertThat(sim.now()).isEqualTo(10.0);
    assertThat(sim.pending()).isEqualTo(1);
    sim.runWhile(() -> false);
    assertThat(count[0]).isEqualTo(10);
    assertThat(sim.eventsFired()).isEqualTo(10);
    assertThat(sim.step()).isTrue();
    assertThat(count[0]).isEqualTo(11);
    assertThat(sim.now()).isEqualTo(11.0);
  }

  @Test
  void runWhileEndsWhenTheQueueIsEmpty() {
    Simulation sim = new Simulation();
    sim.schedule(1.0, s -> {});
    sim.runWhile(() -> true);
    assertThat(sim.pending()).isZero();
    assertThat(sim.step()).isFalse();
  }

  @Test
  void stopEndsTheRunAfterTheCurrentActionAndALaterRunResumes() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    sim.scheduleAt(1.0, record(log, "one"));
    sim.scheduleAt(
        2.0,
        s -> {
          log.add("stopper");
          s.stop();
          log.add("after-stop-in-same-action");
        });
    sim.scheduleAt(2.0, record(log, "same-time-after-stop"));
    sim.scheduleAt(3.0, record(log, "three"));
    sim.run();
    assertThat(log).containsExactly("one@1.0", "stopper", "after-stop-in-same-action");
    assertThat(sim.now()).isEqualTo(2.0);
    assertThat(sim.pending()).isEqualTo(2);

    sim.runUntil(10.0); // a stop request does not outlive its run
    assertThat(log).endsWith("same-time-after-stop@2.0", "three@3.0");
    assertThat(sim.now()).isEqualTo(10.0);

    sim.stop(); // outside a run: no effect
    sim.schedule(1.0, record(log, "eleven"));
    sim.run();
    assertThat(log).endsWith("eleven@11.0");
  }

  @Test
  void stopInsideRunUntilLeavesTheClockAtTheStoppingEvent() {
    Simulation sim = new Simulation();
    sim.scheduleAt(2.0, Simulation::stop);
    sim.scheduleAt(3.0, s -> {});
    sim.runUntil(5.0);
    assertThat(sim.now()).isEqualTo(2.0);
    assertThat(sim.pending()).isEqualTo(1);
  }

  @Test
  void runMethodsAreNotReentrant() {
    Simulation sim = new Simulation();
    List<Throwable> errors = new ArrayList<>();
    sim.schedule(
        1.0,
        s -> {
          try {
            s.run();
          } catch (IllegalStateException e) {
            errors.add(e);
          }
        });
    sim.run();
    assertThat(errors).hasSize(1);
    // The failed nested call must not have ended the outer run's state.
    sim.schedule(1.0, s -> {});
    sim.run();
    assertThat(sim.eventsFired()).isEqualTo(2);
  }

  @Test
  void datesFollowTheCalendarStart() {
    Simulation sim = new Simulation(LocalDate.of(2024, 2, 27));
    assertThat(sim.date()).isEqualTo(LocalDate.of(2024, 2, 27));
    assertThat(sim.dateAt(0.999)).isEqualTo(LocalDate.of(2024, 2, 27));
    assertThat(sim.dateAt(1.0)).isEqualTo(LocalDate.of(2024, 2, 28));
    assertThat(sim.dateAt(2.5)).isEqualTo(LocalDate.of(2024, 2, 29)); // leap day
    assertThat(sim.dateAt(3.0)).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(sim.dateAt(-0.5)).isEqualTo(LocalDate.of(2024, 2, 26));
    assertThat(sim.dateAt(366.0)).isEqualTo(LocalDate.of(2025, 2, 27));
    sim.runUntil(33.75);
    assertThat(sim.date()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThatThrownBy(() -> sim.dateAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutCalendarDateThrows() {
    Simulation sim = new Simulation();
    assertThatThrownBy(sim::date).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sim.dateAt(1.0)).isInstanceOf(IllegalStateException.class);
    assertThat(sim.calendarStart()).isNull();
  }

  /**
   * A self-rescheduling process allocates nothing per event once the queue has its working size.
   */
  @Test
  void schedulingAndFiringAllocateNothingInSteadyState() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Simulation sim = new Simulation();
    Action hold =
        new Action() {
          private double d = 0.1;

          @Override
          public void fire(Simulation s) {
            d = d * 1.618 % 1.0 + 0.01;
            s.schedule(d, this);
          }
        };
    for (int i = 0; i < 10_000; i++) {
      sim.schedule(i * 1e-4, hold);
    }
    sim.runUntil(50.0); // warm up (10,000 pending events: the queue is in calendar mode)
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    sim.runUntil(200.0);
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    long events = sim.eventsFired();
    assertThat(events).isGreaterThan(1_000_000);
    assertThat(allocated).as("bytes allocated for ~%d events", events).isLessThan(64 * 1024);
  }
}
