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

    static Stream<Arguments> seedsAndArities() {
        List<Arguments> args = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3, 0xC0FFEEL}) {
            for (int log2Arity : new int[] {1, 3}) { // binary and the default 8-ary
                args.add(Arguments.of(seed, log2Arity));
            }
        }
        return args.stream();
    }

    /**
     * Long random mixes of add, poll and cancel (valid, already-fired, cancelled and stale handles) against a
     * java.util.PriorityQueue ordered by (time, insertion sequence) with lazy deletion. Half of the times come from
     * 16 values, so there are many ties. Phases bias towards growth or shrinkage so sizes range from 0 to thousands.
     */
    @ParameterizedTest(name = "seed {0}, log2Arity {1}")
    @MethodSource("seedsAndArities")
    void matchesPriorityQueueUnderRandomMixOfAddPollCancel(long seed, int log2Arity) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EventQueue q = new EventQueue(4, log2Arity);
        PriorityQueue<Ref> ref = new PriorityQueue<>();
        Map<Integer, Ref> pending = new HashMap<>();
        Set<Ref> cancelled = new HashSet<>();
        List<Integer> issued = new ArrayList<>();
        long seq = 0;
        int polls = 0;
        int successfulCancels = 0;
        int maxSize = 0;
        final int ops = 250_000;
        for (int op = 0; op < ops; op++) {
            double addBias = ((op / 20_000) % 2 == 0) ? 0.62 : 0.38;
            double u = rnd.nextDouble();
            if (u < addBias) {
                double time = rnd.nextBoolean() ? rnd.nextInt(16) : rnd.nextDouble() * 16;
                int h = q.add(time);
                assertThat(h).isNotNegative();
                assertThat(pending).doesNotContainKey(h);
                Ref r = new Ref(time, seq++, h);
                ref.add(r);
                pending.put(h, r);
                issued.add(h);
            } else if (u < addBias + (1 - addBias) * 0.7) {
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
                polls++;
            } else if (!issued.isEmpty()) {
                // Any handle ever issued: pending, fired, cancelled, or stale with its slot reused.
                int h = rnd.nextInt(4) == 0 && !pending.isEmpty()
                        ? pending.keySet().iterator().next()
                        : issued.get(issued.size() - 1 - rnd.nextInt(Math.min(issued.size(), 5000)));
                boolean expectPending = pending.containsKey(h);
                assertThat(q.isPending(h)).isEqualTo(expectPending);
                assertThat(q.cancel(h)).as("cancel %d at op %d", h, op).isEqualTo(expectPending);
                if (expectPending) {
                    cancelled.add(pending.remove(h));
                    successfulCancels++;
                }
                assertThat(q.isPending(h)).isFalse();
            }
            assertThat(q.size()).isEqualTo(pending.size());
            maxSize = Math.max(maxSize, q.size());
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
        assertThat(polls).isGreaterThan(50_000);
        assertThat(successfulCancels).isGreaterThan(5_000);
        assertThat(maxSize).isGreaterThan(2_000);
    }

    private static void skipCancelled(PriorityQueue<Ref> ref, Set<Ref> cancelled) {
        while (!ref.isEmpty() && cancelled.remove(ref.peek())) {
            ref.poll();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void equalTimesLeaveInInsertionOrder(int log2Arity) {
        EventQueue q = new EventQueue(1, log2Arity);
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
    }

    @Test
    void cancelOfFiredCancelledOrStaleHandleReturnsFalseAndChangesNothing() {
        EventQueue q = new EventQueue(4);
        int fired = q.add(1.0);
        int cancelled = q.add(2.0);
        assertThat(q.poll()).isEqualTo(fired);
        assertThat(q.cancel(cancelled)).isTrue();
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

        assertThat(q.size()).isEqualTo(3);
        assertThat(q.poll()).isEqualTo(c);
        assertThat(q.poll()).isEqualTo(a);
        assertThat(q.poll()).isEqualTo(b);
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
