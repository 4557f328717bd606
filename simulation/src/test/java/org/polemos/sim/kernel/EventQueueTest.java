package org.polemos.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

  /** Reference entry: ordered by time, then insertion sequence. */
  private record Ref(double time, long seq, int handle) implements Comparable<Ref> {
    @Override
    public int compareTo(Ref o) {
      int c = Double.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** How the differential test draws times. */
  enum Times {
    /**
     * Half from 16 values, half uniform on [0, 16): many ties, times unrelated to the last one
     * polled.
     */
    TIES,
    /**
     * Like a simulation: never before the last time polled; bursts of equal times (a fifth of adds
     * at exactly the clock, a fifth at whole days ahead) beside exponential delays on scales from
     * 0.001 to 1000.
     */
    CLOCK
  }

  /** How the size of the differential test's queue moves. */
  enum Sizes {
    /** Phases of growth and shrinkage: from empty to thousands and back, several times. */
    SWINGS,
    /**
     * Around the sorted limit (16): a random walk pulled towards 30 and 2 in turn every 100
     * operations, so the heap is sorted, unsorted and sorted again hundreds of times.
     */
    HOVER
  }

  /** Fraction of non-add operations that cancel: ordinary, or cancel-heavy. */
  static final double ORDINARY_CANCELS = 0.3;

  static final double HEAVY_CANCELS = 0.75;

  static Stream<Arguments> mixes() {
    List<Arguments> args = new ArrayList<>();
    final int sortedLimit = EventQueue.DEFAULT_SORTED_LIMIT;
    for (long seed : new long[] {1, 0xC0FFEEL}) {
      for (Times times : Times.values()) {
        for (double cancels : new double[] {ORDINARY_CANCELS, HEAVY_CANCELS}) {
          // A plain binary heap; a plain 8-ary heap; the 8-ary heap sorted while small; all that
          // and a calendar from 64 events up, so the mix, whose size swings between 0 and
          // thousands, switches modes many times.
          args.add(Arguments.of(seed, 1, EventQueue.HEAP_ONLY, 0, Sizes.SWINGS, times, cancels));
          args.add(Arguments.of(seed, 3, EventQueue.HEAP_ONLY, 0, Sizes.SWINGS, times, cancels));
          args.add(
              Arguments.of(
                  seed, 3, EventQueue.HEAP_ONLY, sortedLimit, Sizes.SWINGS, times, cancels));
          args.add(Arguments.of(seed, 3, 64, sortedLimit, Sizes.SWINGS, times, cancels));
          // Around the sorted limit: sorted and heap-ordered in turn, both directions, many times.
          args.add(
              Arguments.of(
                  seed, 3, EventQueue.HEAP_ONLY, sortedLimit, Sizes.HOVER, times, cancels));
        }
      }
    }
    // The default queue (calendar above DEFAULT_CALENDAR_THRESHOLD) at larger sizes.
    args.add(
        Arguments.of(
            7L,
            3,
            EventQueue.DEFAULT_CALENDAR_THRESHOLD,
            sortedLimit,
            Sizes.SWINGS,
            Times.CLOCK,
            ORDINARY_CANCELS));
    args.add(
        Arguments.of(
            8L,
            3,
            EventQueue.DEFAULT_CALENDAR_THRESHOLD,
            sortedLimit,
            Sizes.SWINGS,
            Times.TIES,
            HEAVY_CANCELS));
    return args.stream();
  }

  /**
   * Long random mixes of add, poll and cancel (valid, already-fired, cancelled and stale handles)
   * against a java.util.PriorityQueue ordered by (time, insertion sequence) with lazy deletion.
   * With {@link Sizes#SWINGS}, phases bias towards growth or shrinkage so sizes range from 0 to
   * thousands; with a calendar threshold of 64 the queue changes mode at least five times, and the
   * test checks that it did. With {@link Sizes#HOVER} the size walks around the sorted limit and
   * the heap changes between sorted and heap order at least a hundred times each way (ten with
   * heavy cancels; checked).
   */
  @ParameterizedTest(
      name =
          "seed {0}, log2Arity {1}, calendar above {2}, sorted up to {3}, {4} sizes, {5} times,"
              + " cancel share {6}")
  @MethodSource("mixes")
  void matchesPriorityQueueUnderRandomMixOfAddPollCancel(
      long seed,
      int log2Arity,
      int threshold,
      int sortedLimit,
      Sizes sizes,
      Times times,
      double cancelShare) {
    SplittableRandom rnd = new SplittableRandom(seed);
    EventQueue q = new EventQueue(4, log2Arity, threshold, sortedLimit);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    Map<Integer, Ref> pending = new HashMap<>();
    List<Integer> pendingList = new ArrayList<>();
    Set<Ref> cancelled = new HashSet<>();
    List<Integer> issued = new ArrayList<>();
    long seq = 0;
    int polls = 0;
    int successfulCancels = 0;
    int maxSize = 0;
    int modeChanges = 0;
    boolean wasCalendar = false;
    int toSorted = 0;
    int toUnsorted = 0;
    boolean wasSorted = q.heapSorted();
    double clock = 0;
    final boolean large = threshold == EventQueue.DEFAULT_CALENDAR_THRESHOLD;
    final int ops = large ? 300_000 : 120_000;
    final int phase = large ? 50_000 : 20_000;
    for (int op = 0; op < ops; op++) {
      double addBias;
      if (sizes == Sizes.SWINGS) {
        addBias = ((op / phase) % 2 == 0) ? 0.62 : 0.15; // shrink phases empty the queue
      } else {
        int target = (op / 100) % 2 == 0 ? 30 : 2; // every 100 operations, up then down
        addBias = q.size() < target ? 0.75 : 0.25;
      }
      double u = rnd.nextDouble();
      if (u < addBias) {
        double time;
        if (times == Times.TIES) {
          time = rnd.nextBoolean() ? rnd.nextInt(16) : rnd.nextDouble() * 16;
        } else {
          int kind = rnd.nextInt(5);
          time =
              kind == 0
                  ? clock
                  : kind == 1
                      ? clock + 1 + rnd.nextInt(30)
                      : clock + -Math.log(1 - rnd.nextDouble()) * Math.pow(10, rnd.nextInt(7) - 3);
        }
        int h = q.add(time);
        assertThat(h).isNotNegative();
        assertThat(pending).doesNotContainKey(h);
        Ref r = new Ref(time, seq++, h);
        ref.add(r);
        pending.put(h, r);
        pendingList.add(h);
        issued.add(h);
      } else if (u < addBias + (1 - addBias) * (1 - cancelShare)) {
        skipCancelled(ref, cancelled);
        if (ref.isEmpty()) {
          assertThat(q.isEmpty()).isTrue();
          continue;
        }
        Ref expected = ref.poll();
        assertThat(q.peekTime()).isEqualTo(expected.time());
        assertThat(q.peek()).isEqualTo(expected.handle());
        int h = q.poll();
        assertThat(h).as("op %d", op).isEqualTo(expected.handle());
        pending.remove(h);
        assertThat(q.isPending(h)).isFalse();
        clock = expected.time();
        polls++;
      } else if (!issued.isEmpty()) {
        // Any handle ever issued: pending, fired, cancelled, or stale with its slot reused.
        int h;
        if (rnd.nextInt(4) != 0 && !pendingList.isEmpty()) {
          int i = rnd.nextInt(pendingList.size());
          h = pendingList.get(i);
          pendingList.set(i, pendingList.get(pendingList.size() - 1));
          pendingList.remove(pendingList.size() - 1);
        } else {
          h = issued.get(issued.size() - 1 - rnd.nextInt(Math.min(issued.size(), 5000)));
        }
        boolean expectPending = pending.containsKey(h);
        assertThat(q.isPending(h)).isEqualTo(expectPending);
        assertThat(q.cancel(h)).as("cancel %d at op %d", h, op).isEqualTo(expectPending);
        if (expectPending) {
          cancelled.add(pending.remove(h));
          successfulCancels++;
        }
        assertThat(q.isPending(h)).isFalse();
        assertThat(q.cancel(h)).isFalse();
      }
      assertThat(q.size()).isEqualTo(pending.size());
      maxSize = Math.max(maxSize, q.size());
      if (q.inCalendarMode() != wasCalendar) {
        modeChanges++;
        wasCalendar = !wasCalendar;
      }
      if (q.heapSorted() != wasSorted) {
        wasSorted = !wasSorted;
        if (wasSorted) {
          toSorted++;
        } else {
          toUnsorted++;
        }
      }
      if (issued.size() > 20_000) {
        issued.subList(0, 10_000).clear();
      }
      if (pendingList.size() > 4 * pending.size() + 100) {
        pendingList.removeIf(x -> !pending.containsKey(x));
      }
    }
    // Drain.
    while (true) {
      skipCancelled(ref, cancelled);
      if (ref.isEmpty()) {
        break;
      }
      assertThat(q.poll()).isEqualTo(ref.poll().handle());
    }
    assertThat(q.isEmpty()).isTrue();
    // The mix really exercised what it claims.
    assertThat(polls).isGreaterThan(ops / 10);
    assertThat(successfulCancels).isGreaterThan(cancelShare > 0.5 ? ops / 10 : ops / 40);
    if (sizes == Sizes.HOVER) {
      assertThat(maxSize).isBetween(sortedLimit + 1, 200);
      // Cancelled entries stay in the heap until they reach its root (lazy cancel), so with heavy
      // cancels the heap shrinks to half the limit less often.
      int switches = cancelShare > 0.5 ? 10 : 100;
      assertThat(toUnsorted).as("sorted to heap order").isGreaterThanOrEqualTo(switches);
      assertThat(toSorted).as("heap to sorted order").isGreaterThanOrEqualTo(switches);
    } else {
      assertThat(maxSize).isGreaterThan(large ? 5_000 : 1_000);
    }
    if (sortedLimit == 0) {
      assertThat(toSorted + toUnsorted).as("a plain heap is never kept sorted").isZero();
    }
    if (threshold == 64) {
      assertThat(modeChanges).as("mode changes").isGreaterThanOrEqualTo(5);
    } else if (threshold == EventQueue.HEAP_ONLY) {
      assertThat(modeChanges).isZero();
    } else {
      assertThat(modeChanges).as("mode changes").isGreaterThan(1);
    }
  }

  /**
   * At the switch size: the queue is a heap up to the threshold, a calendar one event later, and
   * back to a heap once it has drained below a quarter of it; the order (with ties crossing the
   * switch) matches the reference throughout, and the default threshold is the one documented.
   */
  @ParameterizedTest
  @ValueSource(ints = {64, EventQueue.DEFAULT_CALENDAR_THRESHOLD})
  void switchesToCalendarAboveTheThresholdAndBackWithoutChangingTheOrder(int threshold) {
    EventQueue q = new EventQueue(4, 3, threshold);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    SplittableRandom rnd = new SplittableRandom(threshold);
    long seq = 0;
    for (int i = 0; i < threshold; i++) {
      double t = i % 3 == 0 ? 5.0 : rnd.nextDouble() * 10; // a third tie at 5.0
      ref.add(new Ref(t, seq++, q.add(t)));
    }
    assertThat(q.size()).isEqualTo(threshold);
    assertThat(q.inCalendarMode()).isFalse();
    ref.add(new Ref(5.0, seq++, q.add(5.0)));
    assertThat(q.inCalendarMode()).isTrue();
    // Interleave: ties at the time just polled and later times, while the size falls.
    double clock = 0;
    int polled = 0;
    while (q.size() > threshold / 8) {
      Ref e = ref.poll();
      assertThat(q.poll()).isEqualTo(e.handle());
      clock = e.time();
      if (++polled % 3 == 0) {
        ref.add(new Ref(clock, seq++, q.add(clock)));
      }
    }
    assertThat(q.inCalendarMode())
        .as("back to heap mode below a quarter of the threshold")
        .isFalse();
    while (!ref.isEmpty()) {
      assertThat(q.poll()).isEqualTo(ref.poll().handle());
    }
    assertThat(q.isEmpty()).isTrue();
    assertThat(new EventQueue(0).inCalendarMode()).isFalse();
    assertThat(EventQueue.DEFAULT_CALENDAR_THRESHOLD).isEqualTo(128);
  }

  /**
   * At the sorted limit: the heap is kept sorted up to {@code DEFAULT_SORTED_LIMIT} entries, is an
   * ordinary heap one entry later, stays one down to half the limit plus one and is sorted again at
   * half the limit; then grows past the limit again. Ties at 5.0 cross every switch, and the order
   * matches the reference throughout; hold steps (poll then add, the deferred-root path) are taken
   * on both sides of each switch.
   */
  @Test
  void switchesBetweenSortedAndHeapOrderAtTheSortedLimitWithoutChangingTheOrder() {
    final int limit = EventQueue.DEFAULT_SORTED_LIMIT;
    assertThat(limit).isEqualTo(16);
    EventQueue q = new EventQueue(4);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    SplittableRandom rnd = new SplittableRandom(16);
    long[] seq = {0};
    java.util.function.DoubleConsumer add = t -> ref.add(new Ref(t, seq[0]++, q.add(t)));
    Runnable pollOne = () -> assertThat(q.poll()).isEqualTo(ref.poll().handle());
    Runnable hold =
        () -> {
          Ref e = ref.poll();
          assertThat(q.poll()).isEqualTo(e.handle());
          add.accept(e.time() + (rnd.nextBoolean() ? 0.0 : rnd.nextDouble() * 3));
        };
    for (int i = 0; i < limit; i++) {
      add.accept(i % 3 == 0 ? 5.0 : rnd.nextDouble() * 10);
      assertThat(q.heapSorted()).as("sorted at %d entries", q.size()).isTrue();
    }
    for (int i = 0; i < 50; i++) {
      hold.run();
    }
    assertThat(q.heapSorted()).isTrue();
    add.accept(5.0); // limit + 1 entries
    assertThat(q.heapSorted()).as("heap order above the limit").isFalse();
    for (int i = 0; i < 50; i++) {
      hold.run();
    }
    while (q.size() > limit / 2 + 1) {
      pollOne.run();
      q.peekTime(); // completes the deferred removal of the root
      assertThat(q.heapSorted()).as("heap order at %d entries", q.size()).isFalse();
    }
    pollOne.run();
    q.peekTime();
    assertThat(q.size()).isEqualTo(limit / 2);
    assertThat(q.heapSorted()).as("sorted again at half the limit").isTrue();
    for (int i = 0; i < 50; i++) {
      hold.run();
    }
    for (int i = 0; i < limit / 2; i++) {
      add.accept(5.0 + (i % 2));
    }
    assertThat(q.heapSorted()).isTrue();
    add.accept(5.0);
    assertThat(q.heapSorted()).isFalse();
    while (!ref.isEmpty()) {
      pollOne.run();
    }
    assertThat(q.isEmpty()).isTrue();
  }

  /**
   * A burst of equal times far above the threshold has no spread to build buckets from: the queue
   * stays a heap (trying again at twice the size) and still releases the burst in insertion order,
   * after an earlier event added later and before a later one added first.
   */
  @Test
  void aBurstOfEqualTimesLeavesInInsertionOrderAcrossTheThreshold() {
    EventQueue q = new EventQueue(4, 3, 64);
    int later = q.add(8.0);
    List<Integer> burst = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      burst.add(q.add(7.0));
    }
    int earlier = q.add(6.0);
    assertThat(q.poll()).isEqualTo(earlier);
    for (int i = 0; i < burst.size(); i++) {
      assertThat(q.poll()).as("burst member %d", i).isEqualTo(burst.get(i));
    }
    assertThat(q.poll()).isEqualTo(later);
    assertThat(q.isEmpty()).isTrue();
  }

  /**
   * Infinite times in calendar mode: -inf first, +inf last (FIFO among each), finite times between.
   */
  @Test
  void infiniteTimesAreOrderedInCalendarMode() {
    EventQueue q = new EventQueue(4, 3, 64);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    SplittableRandom rnd = new SplittableRandom(5);
    long seq = 0;
    for (int i = 0; i < 5_000; i++) {
      int k = rnd.nextInt(20);
      double t =
          k == 0
              ? Double.POSITIVE_INFINITY
              : k == 1 ? Double.NEGATIVE_INFINITY : k == 2 ? -0.0 : rnd.nextDouble() * 100;
      ref.add(new Ref(t + 0.0, seq++, q.add(t)));
    }
    assertThat(q.inCalendarMode()).isTrue();
    while (!ref.isEmpty()) {
      Ref e = ref.poll();
      assertThat(q.peekTime()).isEqualTo(e.time());
      assertThat(q.poll()).isEqualTo(e.handle());
    }
  }

  /**
   * Cancelled entries are dropped lazily, but a compaction runs when they outnumber the pending
   * events: a process that keeps scheduling a time-out far ahead and cancelling it does not make
   * the queue grow.
   */
  @ParameterizedTest
  @ValueSource(ints = {64, EventQueue.HEAP_ONLY})
  void cancelledEntriesDoNotAccumulate(int threshold) {
    EventQueue q = new EventQueue(4, 3, threshold);
    for (int i = 0; i < 1000; i++) {
      q.add(i); // some pending events, so the front never reaches the far time-outs
    }
    for (int i = 0; i < 1_000_000; i++) {
      int h = q.add(1e9 + i);
      assertThat(q.cancel(h)).isTrue();
    }
    assertThat(q.size()).isEqualTo(1000);
    assertThat(q.slotCapacity()).isLessThanOrEqualTo(4096);
    for (int i = 0; i < 1000; i++) {
      assertThat(q.peekTime()).isEqualTo(i);
      q.poll();
    }
    assertThat(q.isEmpty()).isTrue();
  }

  /**
   * Renumbering the sequence in calendar mode keeps FIFO order in the heap, the buckets and the top
   * chain.
   */
  @Test
  void renumberingInCalendarModeKeepsFifoOrder() {
    EventQueue q = new EventQueue(4, 3, 64);
    PriorityQueue<Ref> ref = new PriorityQueue<>();
    long seq = 0;
    for (int i = 0; i < 1000; i++) {
      double t = i % 50;
      ref.add(new Ref(t, seq++, q.add(t)));
    }
    assertThat(q.inCalendarMode()).isTrue();
    for (int i = 0; i < 100; i++) {
      assertThat(q.poll()).isEqualTo(ref.poll().handle());
    }
    q.setNextSequenceForTest(EventQueue.SEQUENCE_LIMIT - 5);
    for (int i = 0; i < 1000; i++) {
      double t = i % 50 + 2;
      ref.add(new Ref(t, seq++, q.add(t))); // crosses the limit: renumbers once
    }
    assertThat(q.nextSequence()).isLessThan(10_000);
    while (!ref.isEmpty()) {
      assertThat(q.poll()).isEqualTo(ref.poll().handle());
    }
  }

  private static void skipCancelled(PriorityQueue<Ref> ref, Set<Ref> cancelled) {
    while (!ref.isEmpty() && cancelled.remove(ref.peek())) {
      ref.poll();
    }
  }

  /** Plain heaps of arity 2, 4 and 8, and the 8-ary heap sorted while small (limit 16 and 64). */
  @ParameterizedTest(name = "log2Arity {0}, sorted up to {1}")
  @org.junit.jupiter.params.provider.CsvSource({"1, 0", "2, 0", "3, 0", "3, 16", "3, 64"})
  void equalTimesLeaveInInsertionOrder(int log2Arity, int sortedLimit) {
    EventQueue q = new EventQueue(1, log2Arity, EventQueue.HEAP_ONLY, sortedLimit);
    List<Integer> atFive = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      atFive.add(q.add(5.0));
      q.add(i % 2 == 0 ? 7.0 : 3.0);
    }
    for (int i = 0; i < 500; i++) {
      assertThat(q.peekTime()).isEqualTo(3.0);
      q.poll();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(q.peekTime()).isEqualTo(5.0);
      out.add(q.poll());
    }
    assertThat(out).isEqualTo(atFive);
    assertThat(q.size()).isEqualTo(500);
    assertThat(q.peekTime()).isEqualTo(7.0);
    // A burst of equal times held in sorted order: hold steps at the burst's time (each new event
    // is the last of the tie) leave in insertion order.
    EventQueue small = new EventQueue(1, log2Arity, EventQueue.HEAP_ONLY, sortedLimit);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      order.add(small.add(2.0));
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(small.poll()).isEqualTo(order.remove(0));
      order.add(small.add(2.0));
    }
    assertThat(small.heapSorted()).isEqualTo(sortedLimit >= 12);
  }

  @Test
  void cancelOfFiredCancelledOrStaleHandleReturnsFalseAndChangesNothing() {
    EventQueue q = new EventQueue(4);
    int fired = q.add(1.0);
    int cancelled = q.add(2.0);
    int keeper = q.add(10.0);
    assertThat(q.poll()).isEqualTo(fired);
    assertThat(q.cancel(cancelled)).isTrue();
    // Cancellation is lazy: the entry at 2.0 is dropped, and its slot freed, when it reaches the
    // front.
    assertThat(q.peekTime()).isEqualTo(10.0);
    // Both slots are now reused by newer events.
    int a = q.add(3.0);
    int b = q.add(3.0);
    int c = q.add(0.5);
    assertThat(EventQueue.slotOf(a)).isIn(EventQueue.slotOf(fired), EventQueue.slotOf(cancelled));
    assertThat(EventQueue.slotOf(b)).isIn(EventQueue.slotOf(fired), EventQueue.slotOf(cancelled));
    assertThat(a).isNotEqualTo(fired).isNotEqualTo(cancelled);

    assertThat(q.cancel(fired)).isFalse();
    assertThat(q.cancel(cancelled)).isFalse();
    assertThat(q.cancel(cancelled)).isFalse();
    assertThat(q.cancel(EventQueue.NO_HANDLE)).isFalse();
    assertThat(q.cancel(Integer.MIN_VALUE)).isFalse();
    assertThat(q.cancel(1000)).as("slot never issued").isFalse();
    assertThat(q.isPending(fired)).isFalse();

    assertThat(q.size()).isEqualTo(4);
    assertThat(q.poll()).isEqualTo(c);
    assertThat(q.poll()).isEqualTo(a);
    assertThat(q.poll()).isEqualTo(b);
    assertThat(q.poll()).isEqualTo(keeper);
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void cancelOfInnerElementsKeepsHeapOrder() {
    EventQueue q = new EventQueue(8);
    int[] h = new int[100];
    for (int i = 0; i < 100; i++) {
      h[i] = q.add((i * 37) % 100);
    }
    for (int i = 0; i < 100; i += 3) {
      assertThat(q.cancel(h[i])).isTrue();
    }
    double last = Double.NEGATIVE_INFINITY;
    int count = 0;
    while (!q.isEmpty()) {
      double t = q.peekTime();
      assertThat(t).isGreaterThanOrEqualTo(last);
      last = t;
      q.poll();
      count++;
    }
    assertThat(count).isEqualTo(100 - 34);
  }

  @Test
  void rejectsNaNAndEmptyAccess() {
    EventQueue q = new EventQueue(0);
    assertThatThrownBy(() -> q.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(q::poll).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(q::peekTime).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(q::peek).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> new EventQueue(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventQueue(4, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventQueue(4, 3, 128, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventQueue(4, 3, 128, 65))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(q.size()).isZero();
  }

  @Test
  void clearMakesEveryHandleStale() {
    EventQueue q = new EventQueue(4);
    int a = q.add(1);
    int b = q.add(2);
    q.clear();
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.cancel(a)).isFalse();
    assertThat(q.isPending(b)).isFalse();
    int c = q.add(5);
    assertThat(q.cancel(a)).isFalse();
    assertThat(q.cancel(b)).isFalse();
    assertThat(q.poll()).isEqualTo(c);
  }

  @Test
  void renumberingTheSequenceKeepsFifoOrder() {
    EventQueue q = new EventQueue(4);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add(q.add(1.0));
    }
    q.setNextSequenceForTest(EventQueue.SEQUENCE_LIMIT - 5);
    for (int i = 0; i < 10; i++) {
      expected.add(q.add(1.0)); // crosses the limit: renumbers once
    }
    assertThat(q.nextSequence()).isLessThan(100);
    List<Integer> out = new ArrayList<>();
    while (!q.isEmpty()) {
      out.add(q.poll());
    }
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void holdsTwoToTheTwentyTwoPendingEvents() {
    EventQueue q = new EventQueue(16);
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 0; i < EventQueue.MAX_CAPACITY; i++) {
      q.add(rnd.nextInt(1 << 20));
    }
    assertThat(q.size()).isEqualTo(1 << 22);
    assertThatThrownBy(() -> q.add(1.0)).isInstanceOf(IllegalStateException.class);
    double last = -1;
    for (int i = 0; i < 100_000; i++) {
      double t = q.peekTime();
      assertThat(t).isGreaterThanOrEqualTo(last);
      last = t;
      q.poll();
    }
    // Freed slots are reused without growing.
    int h = q.add(0.0);
    assertThat(q.peek()).isEqualTo(h);
  }
}
