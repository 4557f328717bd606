package org.polemos.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.EventQueue;
import org.polemos.sim.kernel.Simulation;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The classic hold model of pending-event sets: the queue is pre-filled with {@code size} events at
 * Exp(1) times; then each hold removes the earliest event, at time t, and adds one at t + Exp(1),
 * so the queue stays at {@code size}. The score is the time per hold; state is kept across
 * invocations, so the queue keeps evolving (times grow, the distribution of keys reaches its steady
 * state).
 *
 * <p>Implementations:
 *
 * <ul>
 *   <li>{@code polemos}: the public {@link Simulation} API, including dispatch of an {@link Action}
 *       that reschedules itself, driven by {@link Simulation#runWhile}.
 *   <li>{@code primitive-heap}: a plain binary heap over {@code double[]}/{@code int[]} with poll
 *       then add: no handles, no cancel, no tie order, no dispatch; the practical floor.
 *   <li>{@code jdk-priority-queue}: {@link PriorityQueue} of small event objects ordered by (time,
 *       sequence); the polled object is reused, so it allocates nothing either.
 *   <li>{@code ssj-*}: SSJ's {@link Simulator} with its event lists and an {@link Event} subclass
 *       that reschedules itself, driven like {@code Simulator.start()} does.
 * </ul>
 *
 * Every implementation draws its increments from the same pre-generated {@link Exp1Ring}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(HoldBenchmark.BATCH)
public class HoldBenchmark {

  /** Holds per benchmark invocation. */
  static final int BATCH = 1000;

  @Param({"10", "1000", "100000", "1000000"})
  int size;

  @Param({
    "polemos",
    "primitive-heap",
    "jdk-priority-queue",
    "ssj-splay",
    "ssj-binarytree",
    "ssj-redblack",
    "ssj-henriksen"
  })
  String impl;

  private HoldModel model;

  @Setup(Level.Trial)
  public void setUp() {
    model = create(impl);
    model.prefill(size);
    // Sanity: a few holds must keep the size.
    model.holds(10);
  }

  @Benchmark
  public double hold() {
    return model.holds(BATCH);
  }

  static HoldModel create(String impl) {
    switch (impl) {
      case "polemos":
        return new PolemosHold();
      case "primitive-heap":
        return new PrimitiveHeapHold();
      case "jdk-priority-queue":
        return new JdkHold();
      case "ssj-splay":
        return new SsjHold(new SplayTree());
      case "ssj-binarytree":
        return new SsjHold(new BinaryTree());
      case "ssj-redblack":
        return new SsjHold(new RedblackTree());
      case "ssj-henriksen":
        return new SsjHold(new Henriksen());
      // Not in the @Param list: the bare EventQueue at a given arity, for HeapArityBenchmark and
      // HoldCpuTime.
      case "eventqueue-2ary":
        return new EventQueueHold(1);
      case "eventqueue-4ary":
        return new EventQueueHold(2);
      case "eventqueue-8ary":
        return new EventQueueHold(3);
      case "eventqueue-16ary":
        return new EventQueueHold(4);
      // The default EventQueue (8-ary heap, calendar above EventQueue.DEFAULT_CALENDAR_THRESHOLD),
      // bare.
      case "eventqueue":
        return new EventQueueHold(3, EventQueue.DEFAULT_CALENDAR_THRESHOLD);
      default:
        // eventqueue-a<log2Arity>-t<calendarThreshold>: the bare queue with any arity and
        // threshold.
        // eventqueue-a<log2Arity>-t<calendarThreshold>-s<sortedLimit>: also the sorted limit;
        // with the suffix -last, each hold adds its event after every pending one (t + size
        // instead of t + Exp(1)): the worst case of the sorted heap, whose hold step then shifts
        // every entry.
        if (impl.matches("eventqueue-a[1-4]-t[0-9]+(-s[0-9]+)?(-last)?")) {
          boolean last = impl.endsWith("-last");
          String[] parts = impl.substring(15, impl.length() - (last ? 5 : 0)).split("-s");
          return new EventQueueHold(
              impl.charAt(12) - '0',
              Integer.parseInt(parts[0]),
              parts.length > 1 ? Integer.parseInt(parts[1]) : EventQueue.DEFAULT_SORTED_LIMIT,
              last);
        }
        throw new IllegalArgumentException("unknown impl " + impl);
    }
  }

  /** One implementation of the hold model. */
  abstract static class HoldModel {
    final double[] ring = Exp1Ring.VALUES;
    int next;

    final double increment() {
      return ring[next++ & Exp1Ring.MASK];
    }

    abstract void prefill(int n);

    /** Performs {@code n} holds and returns the current time (consumed by JMH). */
    abstract double holds(int n);

    abstract int size();
  }

  /** Through the public kernel API: one self-rescheduling action, the stock run loop. */
  static final class PolemosHold extends HoldModel implements Action, BooleanSupplier {
    private Simulation sim;
    private int remaining;

    @Override
    void prefill(int n) {
      sim = new Simulation(null, n);
      for (int i = 0; i < n; i++) {
        sim.schedule(increment(), this);
      }
    }

    @Override
    public void fire(Simulation s) {
      s.schedule(increment(), this);
    }

    @Override
    public boolean getAsBoolean() {
      return remaining-- > 0;
    }

    @Override
    double holds(int n) {
      remaining = n;
      sim.runWhile(this);
      return sim.now();
    }

    @Override
    int size() {
      return sim.pending();
    }
  }

  /** The bare {@link EventQueue}, poll then add, at a given arity and calendar threshold. */
  static final class EventQueueHold extends HoldModel {
    private final int log2Arity;
    private final int calendarThreshold;
    private final int sortedLimit;
    private final boolean last;
    private EventQueue queue;

    /** A plain heap: never sorted, never a calendar. */
    EventQueueHold(int log2Arity) {
      this(log2Arity, EventQueue.HEAP_ONLY, 0, false);
    }

    EventQueueHold(int log2Arity, int calendarThreshold) {
      this(log2Arity, calendarThreshold, EventQueue.DEFAULT_SORTED_LIMIT, false);
    }

    /** {@code last}: each hold adds its event after every pending one. */
    EventQueueHold(int log2Arity, int calendarThreshold, int sortedLimit, boolean last) {
      this.log2Arity = log2Arity;
      this.calendarThreshold = calendarThreshold;
      this.sortedLimit = sortedLimit;
      this.last = last;
    }

    @Override
    void prefill(int n) {
      queue = new EventQueue(n, log2Arity, calendarThreshold, sortedLimit);
      for (int i = 0; i < n; i++) {
        queue.add(increment());
      }
    }

    @Override
    double holds(int n) {
      final EventQueue q = queue;
      double t = 0;
      if (last) {
        // Prefilled at Exp(1) times (all below the queue's size, but for a vanishing chance), then
        // each event at t + size: after every pending one.
        final int size = q.size();
        for (int k = 0; k < n; k++) {
          t = q.peekTime();
          q.poll();
          q.add(t + size);
        }
        return t;
      }
      for (int k = 0; k < n; k++) {
        t = q.peekTime();
        q.poll();
        q.add(t + increment());
      }
      return t;
    }

    @Override
    int size() {
      return queue.size();
    }
  }

  /** A plain binary min-heap over primitive arrays, poll then add. */
  static final class PrimitiveHeapHold extends HoldModel {
    private double[] time;
    private int[] payload;
    private int n;

    @Override
    void prefill(int count) {
      time = new double[Math.max(count, 1)];
      payload = new int[Math.max(count, 1)];
      for (int i = 0; i < count; i++) {
        add(increment(), i);
      }
    }

    private void add(double t, int p) {
      final double[] ht = time;
      final int[] hp = payload;
      int i = n++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        double pt = ht[parent];
        if (t >= pt) {
          break;
        }
        ht[i] = pt;
        hp[i] = hp[parent];
        i = parent;
      }
      ht[i] = t;
      hp[i] = p;
    }

    /** Removes the root; the caller has read it. */
    private void removeRoot() {
      final double[] ht = time;
      final int[] hp = payload;
      int last = --n;
      double t = ht[last];
      int p = hp[last];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= last) {
          break;
        }
        double ct = ht[c];
        int r = c + 1;
        if (r < last && ht[r] < ct) {
          c = r;
          ct = ht[r];
        }
        if (t <= ct) {
          break;
        }
        ht[i] = ct;
        hp[i] = hp[c];
        i = c;
      }
      ht[i] = t;
      hp[i] = p;
    }

    @Override
    double holds(int count) {
      double t = 0;
      for (int k = 0; k < count; k++) {
        t = time[0];
        int p = payload[0];
        removeRoot();
        add(t + increment(), p);
      }
      return t;
    }

    @Override
    int size() {
      return n;
    }
  }

  /** java.util.PriorityQueue of small objects; the polled object is reused for the new event. */
  static final class JdkHold extends HoldModel {
    static final class Ev implements Comparable<Ev> {
      double time;
      long seq;

      @Override
      public int compareTo(Ev o) {
        int c = Double.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
      }
    }

    private PriorityQueue<Ev> pq;
    private long seq;

    @Override
    void prefill(int n) {
      pq = new PriorityQueue<>(Math.max(n, 1));
      for (int i = 0; i < n; i++) {
        Ev e = new Ev();
        e.time = increment();
        e.seq = seq++;
        pq.add(e);
      }
    }

    @Override
    double holds(int n) {
      double t = 0;
      for (int k = 0; k < n; k++) {
        Ev e = pq.poll();
        t = e.time;
        e.time = t + increment();
        e.seq = seq++;
        pq.add(e);
      }
      return t;
    }

    @Override
    int size() {
      return pq.size();
    }
  }

  /** SSJ's simulator loop over one of its event lists. */
  static final class SsjHold extends HoldModel {
    private final SteppingSimulator sim;

    SsjHold(EventList list) {
      sim = new SteppingSimulator(list);
    }

    /** Exposes the body of {@code Simulator.start()} one event at a time. */
    static final class SteppingSimulator extends Simulator {
      SteppingSimulator(EventList list) {
        super(list);
        stopped = false;
        simulating = true;
      }

      double steps(int n) {
        for (int k = 0; k < n; k++) {
          removeFirstEvent().actions();
        }
        return currentTime;
      }
    }

    final class HoldEvent extends Event {
      HoldEvent(Simulator s) {
        super(s);
      }

      @Override
      public void actions() {
        schedule(increment());
      }
    }

    @Override
    void prefill(int n) {
      for (int i = 0; i < n; i++) {
        new HoldEvent(sim).schedule(increment());
      }
    }

    @Override
    double holds(int n) {
      return sim.steps(n);
    }

    @Override
    int size() {
      int c = 0;
      for (Event e : sim.getEventList()) {
        c++;
      }
      return c;
    }
  }
}
