package org.polemos.sim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Pending-event set over primitive arrays: each pending event is a {@code double} time and an
 * {@code int} handle.
 *
 * <h2>Structure: a heap when small, a calendar in front of the heap when large</h2>
 *
 * The <em>heap</em> is an implicit d-ary min-heap (8-ary by default) whose entries keep their keys
 * inline, in two parallel arrays: the time ({@code double[]}) and a key {@code sequence <<
 * SLOT_BITS | slot} ({@code long[]}). It is ordered by time, then by key; since the insertion
 * sequence is strictly increasing, events with equal times leave in insertion (FIFO) order and runs
 * are deterministic. Choosing the least of a node's children reads only their times (the eight
 * times of an 8-ary node are one cache line); a key is read only to break a tie or when an entry
 * moves. Since the calendar keeps the heap small (the near future only), this layout beats keys
 * interleaved with the times (docs/PERFORMANCE.md).
 *
 * <p>While the heap holds at most {@link #DEFAULT_SORTED_LIMIT} (16) entries it is kept
 * <em>sorted</em> (ascending time, then key), which is also a valid heap of any arity: the hold
 * pattern (poll, then add) shifts the entries before the new one's place one position towards the
 * root, a scan whose one unpredictable branch is its exit, where sinking through an 8-ary node
 * mispredicts about three times; an add without a poll before it is an insertion from the back. An
 * add that makes the heap larger than the limit just sifts up (the array stays a heap, no longer
 * sorted); when the heap shrinks to half the limit, or is rebuilt at most the limit large, it is
 * sorted again (insertion sort of at most 16 entries). Either order pops the same least (time,
 * key), so the switch never changes the order of events.
 *
 * <p>While at most {@link #DEFAULT_CALENDAR_THRESHOLD} events are pending, every event is in the
 * heap. Above that the queue switches to <em>calendar mode</em> (the adaptive part): time from
 * {@code base} on is cut into {@code nBuckets} buckets of equal width; with {@code x = (time -
 * base) / width}, an event with {@code x < cur + 1} is in the heap, one with {@code cur + 1 <= x <
 * nBuckets} is in bucket {@code floor(x)} (an unsorted chain through the slots), one with {@code x
 * >= nBuckets} is in the unsorted <em>top</em> chain. Since {@code x} is a non-decreasing function
 * of the time, every event in the heap is at or before every event in a bucket, and buckets are
 * ordered; equal times are always in the same place, where the heap orders them by sequence. When
 * the heap runs empty, the next non-empty bucket is moved into it ({@code cur} advances); when the
 * buckets run out, the top chain is spread over a fresh set of buckets whose width is estimated
 * from a sample of its times (about {@link #BUCKET_TARGET} events per bucket at the front). The
 * heap thus holds only the near future and stays in cache, and an add beyond it is an O(1) push
 * onto a chain. A bad width only makes buckets fuller (the heap larger: O(log n) again) or emptier
 * (more buckets skipped); times with no usable spread (for example a burst of a million equal
 * times) fall back to the heap. When fewer than a quarter of the threshold remain at a refill, or
 * none at an add, the queue goes back to heap mode. Neither switch changes the order of events.
 *
 * <p>{@link #poll} defers the removal of the heap's root: if the next operation is an {@link #add}
 * into the heap (a process rescheduling itself, the common case in a small simulation), the new
 * event takes the root's place and sinks, one sift instead of two; any other operation completes
 * the removal first. This is invisible to callers.
 *
 * <p>Each event owns a <em>slot</em>: an index into per-slot arrays (generation and state, and in
 * calendar mode the time, key and chain link) that the owner of the queue may use to index its own
 * payload array (see {@link #slotOf(int)}). Free slots are recycled through a LIFO free list, so a
 * queue that has reached its working size allocates nothing on {@link #add}, {@link #poll} or
 * {@link #cancel}.
 *
 * <h2>Handles and cancellation</h2>
 *
 * A handle is {@code generation << SLOT_BITS | slot}, always non-negative, so {@link #NO_HANDLE}
 * ({@code -1}) is never a valid handle. Cancellation is lazy: {@link #cancel} bumps the slot's
 * generation and marks the slot dead, and the entry stays where it is until it reaches the front of
 * the heap, is moved out of a bucket, or a compaction (run when dead entries outnumber pending
 * ones) drops it; only then is the slot freed. A cancelled event never fires and never counts in
 * {@link #size}. The generation is bumped whenever a handle stops being valid (poll, cancel,
 * clear), so a handle kept after its event fired or was cancelled is <em>stale</em>: {@link
 * #cancel} and {@link #isPending} return {@code false} for it and never touch a newer event that
 * reuses the slot. The generation has {@value #GENERATION_BITS} bits: a stale handle could only
 * alias a newer event after that very slot has been reused {@code 2^9 = 512} times; do not keep
 * handles of fired events for longer than that.
 *
 * <h2>Costs and limits</h2>
 *
 * {@link #cancel}, {@link #isPending}, {@link #size} are O(1); {@link #add} and {@link #poll} are
 * O(log n) in heap mode and amortised O(1) plus O(log k) in calendar mode, k the events of one
 * bucket; {@link #peekTime} is O(1) amortised. At most {@value #MAX_CAPACITY} ({@code 2^22}) events
 * can be pending or awaiting removal after a cancel. Times must not be NaN; any other double
 * (including infinities) is accepted; {@code -0.0} is treated as {@code 0.0}. The class is not
 * thread-safe.
 */
public final class EventQueue {

  /** Number of low handle bits that hold the slot. */
  public static final int SLOT_BITS = 22;

  /** Number of handle bits above the slot that hold the slot's generation. */
  public static final int GENERATION_BITS = 9;

  /** Maximum number of simultaneously held events: {@code 2^22}. */
  public static final int MAX_CAPACITY = 1 << SLOT_BITS;

  /**
   * Heap sizes up to which the heap is kept sorted by default (docs/PERFORMANCE.md, "Round 3"); see
   * the class comment.
   */
  public static final int DEFAULT_SORTED_LIMIT = 16;

  /** A value that is never a valid handle, for use as "no event". */
  public static final int NO_HANDLE = -1;

  /**
   * Default heap arity as log2: 3 means an 8-ary heap (chosen by measurement, docs/PERFORMANCE.md).
   */
  public static final int DEFAULT_LOG2_ARITY = 3;

  /**
   * Pending events above which the queue switches to calendar mode by default
   * (docs/PERFORMANCE.md).
   */
  public static final int DEFAULT_CALENDAR_THRESHOLD = 128;

  /** A calendar threshold that keeps the queue in heap mode for ever. */
  public static final int HEAP_ONLY = Integer.MAX_VALUE;

  /** Target number of events per bucket at the front of a freshly built calendar. */
  static final int BUCKET_TARGET = 32;

  private static final int SLOT_MASK = MAX_CAPACITY - 1;
  private static final int GENERATION_MASK = (1 << GENERATION_BITS) - 1;

  /**
   * The sequence part of a heap key must stay below this so that {@code seq << SLOT_BITS} is
   * positive.
   */
  static final long SEQUENCE_LIMIT = 1L << (63 - SLOT_BITS);

  // Slot states, the low two bits of state[slot]; the generation is above them.
  private static final int FREE = 0;
  private static final int PENDING = 1;
  private static final int DEAD = 2; // cancelled, its entry not yet removed
  private static final int STATE_MASK = 3;

  private static final int SAMPLE = 256;
  private static final int[] PARTS = {8, 2, 1};
  private static final int COMPACT_MIN = 64;
  private static final int NONE = -1;

  private final int shift; // log2(arity)
  private final int arity;
  private final int calendarThreshold;
  private final int sortedLimit;

  // Heap, positions 0..size-1: heapTime[i] the time, heapKey[i] the key (sequence << SLOT_BITS |
  // slot); two arrays, so that choosing among the children reads only their times (one cache line
  // for eight children). When hole is set, position 0 holds an event
  // already
  // polled whose removal is deferred: the next add into the heap fills it, any other access removes
  // it first.
  private double[] heapTime;
  private long[] heapKey;
  private int size;
  private boolean hole;
  // The heap's entries are in ascending (time, key) order, which is also a valid d-ary heap (every
  // parent precedes its children). Kept while size <= sortedLimit; lost when an add makes it
  // larger, regained when it shrinks to sortedLimit / 2 or is rebuilt at most sortedLimit large.
  private boolean sorted;

  // Per slot.
  private int[] state; // generation << 2 | FREE / PENDING / DEAD
  private int[] freeSlots; // LIFO stack of released slots
  private int freeCount;
  private int slotsUsed; // slots 0..slotsUsed-1 have ever been handed out
  private long[]
      node; // calendar mode, for events in a bucket or the top: [2s] time bits, [2s+1] key
  private int[] link; // next slot in the same chain, or NONE

  private int live; // pending events
  private int dead; // cancelled entries still held
  private long nextSequence;

  // Calendar mode.
  private boolean calendar;
  private int switchUpAt; // heap mode: go to calendar mode when live exceeds this
  private double base;
  private double invWidth;
  private int nBuckets;
  private int cur = -1;
  private int[] bucketHead = new int[0];
  private int inBuckets;
  private int topHead = NONE;
  private int topCount;
  private int[] scratch = new int[0];
  // The owner's per-slot payload array (Simulation's actions), touched when a bucket moves into the
  // heap.
  private Object[] payloads;
  private long payloadNulls; // keeps the touching loads alive; otherwise unused
  private final double[] sample = new double[SAMPLE];

  /**
   * The default queue (8-ary heap, sorted up to {@link #DEFAULT_SORTED_LIMIT} entries, calendar
   * above {@link #DEFAULT_CALENDAR_THRESHOLD} pending events) with room for {@code initialCapacity}
   * pending events before it grows.
   */
  public EventQueue(int initialCapacity) {
    this(initialCapacity, DEFAULT_LOG2_ARITY, DEFAULT_CALENDAR_THRESHOLD);
  }

  /**
   * A plain {@code 2^log2Arity}-ary heap (never sorted, never a calendar); exposed for benchmarking
   * the arity ({@code 1}: binary, {@code 2}: 4-ary, {@code 3}: 8-ary).
   */
  public EventQueue(int initialCapacity, int log2Arity) {
    this(initialCapacity, log2Arity, HEAP_ONLY, 0);
  }

  /**
   * A {@code 2^log2Arity}-ary heap, sorted up to {@link #DEFAULT_SORTED_LIMIT} entries, that
   * switches to calendar mode above {@code calendarThreshold} pending events ({@link #HEAP_ONLY}:
   * never); exposed for tests and benchmarks.
   */
  public EventQueue(int initialCapacity, int log2Arity, int calendarThreshold) {
    this(initialCapacity, log2Arity, calendarThreshold, DEFAULT_SORTED_LIMIT);
  }

  /**
   * A {@code 2^log2Arity}-ary heap kept sorted while it holds at most {@code sortedLimit} entries
   * ({@code 0}: never), that switches to calendar mode above {@code calendarThreshold} pending
   * events ({@link #HEAP_ONLY}: never); exposed for tests and benchmarks.
   */
  public EventQueue(int initialCapacity, int log2Arity, int calendarThreshold, int sortedLimit) {
    if (sortedLimit < 0 || sortedLimit > 64) {
      throw new IllegalArgumentException("sortedLimit must be in 0..64: " + sortedLimit);
    }
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity < 0: " + initialCapacity);
    }
    if (log2Arity < 1 || log2Arity > 4) {
      throw new IllegalArgumentException("log2Arity must be in 1..4: " + log2Arity);
    }
    if (calendarThreshold < 16) {
      throw new IllegalArgumentException("calendarThreshold must be >= 16: " + calendarThreshold);
    }
    this.shift = log2Arity;
    this.arity = 1 << log2Arity;
    this.calendarThreshold = calendarThreshold;
    this.sortedLimit = sortedLimit;
    this.sorted = sortedLimit > 0;
    this.switchUpAt = calendarThreshold;
    int cap = Math.max(4, Math.min(initialCapacity, MAX_CAPACITY));
    heapTime = new double[cap];
    heapKey = new long[cap];
    state = new int[cap];
    freeSlots = new int[cap];
    node = new long[0];
    link = new int[0];
  }

  /** The arity of the heap (2, 4, 8 or 16). */
  public int arity() {
    return arity;
  }

  /**
   * Lets the queue touch the owner's per-slot payload array when a bucket moves into the heap, so
   * that its cache misses overlap; every held slot must be below its length. Package-private: for
   * {@link Simulation}.
   */
  void setPayloads(Object[] payloads) {
    this.payloads = payloads;
  }

  /** Package-private for tests: whether the heap is in sorted order now. */
  boolean heapSorted() {
    return sorted;
  }

  /** Whether the queue is in calendar mode now (for tests and benchmarks). */
  public boolean inCalendarMode() {
    return calendar;
  }

  /** The slot of a handle: an index in {@code [0, 2^22)} that is unique among held events. */
  public static int slotOf(int handle) {
    return handle & SLOT_MASK;
  }

  /** Current length of the slot arrays; every slot of a held event is below it. */
  public int slotCapacity() {
    return state.length;
  }

  /**
   * Adds an event at {@code time} and returns its handle. Events with equal times are polled in the
   * order they were added.
   *
   * @throws IllegalArgumentException if {@code time} is NaN
   * @throws IllegalStateException if {@value #MAX_CAPACITY} events are already held
   */
  public int add(double time) {
    // The hot path (heap mode, a free slot, the hold pattern) is kept small enough for the JIT to
    // inline it into the caller (HotSpot's FreqInlineSize is 325 bytecodes): every rare case is a
    // call to a separate method (docs/PERFORMANCE.md, "The 10-event ratio").
    if (time != time) {
      throw nanTime();
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
    long seq = nextSequence;
    if (seq == SEQUENCE_LIMIT) {
      seq = renumberForAdd();
    }
    nextSequence = seq + 1;
    long key = (seq << SLOT_BITS) | slot;
    double t = time + 0.0; // turns -0.0 into 0.0
    int gs = state[slot] | PENDING;
    state[slot] = gs;
    if (calendar) {
      calendarAdd(t, key, slot);
    } else {
      heapAdd(t, key);
      if (++live > switchUpAt) {
        toCalendar();
      }
    }
    return ((gs >>> 2) << SLOT_BITS) | slot;
  }

  private static IllegalArgumentException nanTime() {
    return new IllegalArgumentException("time is NaN");
  }

  /** A slot never handed out before, growing the slot arrays when needed. */
  private int newSlot() {
    if (slotsUsed == state.length) {
      grow();
    }
    return slotsUsed++;
  }

  /** Renumbers the held events (once every 2^41 additions); returns the next sequence. */
  private long renumberForAdd() {
    renumber();
    return nextSequence;
  }

  /** {@link #add} in calendar mode; the slot's state is set, {@code live} not yet counted. */
  private void calendarAdd(double t, long key, int slot) {
    live++;
    if (live == 1) {
      // Nothing else pending: back to heap mode (dropping any cancelled entries) before it fills
      // up again.
      if (hole) {
        removeRoot();
      }
      drainToHeap();
      heapAdd(t, key);
      return;
    }
    double x = (t - base) * invWidth;
    if (x < cur + 1) {
      heapAdd(t, key);
    } else {
      long[] nd = node;
      nd[2 * slot] = Double.doubleToRawLongBits(t);
      nd[2 * slot + 1] = key;
      if (x < nBuckets) {
        int b = (int) x;
        link[slot] = bucketHead[b];
        bucketHead[b] = slot;
        inBuckets++;
      } else {
        link[slot] = topHead;
        topHead = slot;
        topCount++;
      }
    }
  }

  private void heapAdd(double t, long key) {
    if (hole) {
      // Hold pattern (poll, then add): the new event takes the polled root's place and sinks.
      hole = false;
      if (sorted) {
        sortedFill(t, key);
      } else {
        siftDown(0, t, key);
      }
    } else {
      if (size == heapTime.length) {
        growHeap();
      }
      if (sorted && size >= sortedLimit) {
        sorted = false; // a sorted array is a heap: siftUp keeps it one
      }
      siftUp(size++, t, key, sorted ? 0 : shift);
    }
  }

  private void growHeap() {
    heapTime = Arrays.copyOf(heapTime, 2 * heapTime.length);
    heapKey = Arrays.copyOf(heapKey, 2 * heapKey.length);
  }

  /**
   * Removes a pending event. O(1): the entry is dropped later (see the class comment).
   *
   * @return {@code true} if the event was pending and is now cancelled; {@code false}, changing
   *     nothing, if the handle's event has already fired or been cancelled, if the handle is stale
   *     or was never issued
   */
  public boolean cancel(int handle) {
    if (!isPending(handle)) {
      return false;
    }
    int slot = handle & SLOT_MASK;
    state[slot] = (((state[slot] >>> 2) + 1) & GENERATION_MASK) << 2 | DEAD;
    live--;
    dead++;
    if (dead > COMPACT_MIN && dead > live) {
      compact();
    }
    return true;
  }

  /** Whether the handle's event is still pending (not fired, not cancelled, handle not stale). */
  public boolean isPending(int handle) {
    if (handle < 0) {
      return false;
    }
    int slot = handle & SLOT_MASK;
    return slot < slotsUsed && state[slot] == ((handle >>> SLOT_BITS) << 2 | PENDING);
  }

  public boolean isEmpty() {
    return live == 0;
  }

  /** Number of pending events (cancelled ones are not counted). */
  public int size() {
    return live;
  }

  /**
   * The earliest pending time.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public double peekTime() {
    if (!front()) {
      throw new NoSuchElementException("empty event queue");
    }
    return heapTime[0];
  }

  /**
   * The handle of the earliest pending event, without removing it.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public int peek() {
    if (!front()) {
      throw new NoSuchElementException("empty event queue");
    }
    int slot = (int) heapKey[0] & SLOT_MASK;
    return ((state[slot] >>> 2) << SLOT_BITS) | slot;
  }

  /**
   * Brings the earliest pending event to the root of the heap, dropping cancelled entries on the
   * way; returns {@code false} if no event is pending. After {@code true}, {@link #frontTime} and
   * {@link #frontSlot} are valid until the next change.
   */
  boolean front() {
    // Hot path: the root is in place and pending (the hold pattern leaves it so).
    if (!hole && size > 0 && (state[(int) heapKey[0] & SLOT_MASK] & STATE_MASK) == PENDING) {
      return true;
    }
    return frontSlow();
  }

  private boolean frontSlow() {
    if (live == 0) {
      return false;
    }
    while (true) {
      if (hole) {
        removeRoot();
      }
      if (size > 0) {
        int slot = (int) heapKey[0] & SLOT_MASK;
        int gs = state[slot];
        if ((gs & STATE_MASK) == PENDING) {
          return true;
        }
        freeDead(slot, gs);
        hole = true;
      } else if (!refill()) {
        throw new IllegalStateException("event queue lost track of its events"); // live > 0
      }
    }
  }

  /** The time at the root; only after {@link #front()} returned {@code true}. */
  double frontTime() {
    return heapTime[0];
  }

  /** The slot at the root; only after {@link #front()} returned {@code true}. */
  int frontSlot() {
    return (int) heapKey[0] & SLOT_MASK;
  }

  /**
   * Removes the event at the root, whose slot is {@code slot}; only after {@link #front()} returned
   * {@code true}.
   */
  void pollFront(int slot) {
    state[slot] = (((state[slot] >>> 2) + 1) & GENERATION_MASK) << 2;
    freeSlots[freeCount++] = slot;
    live--;
    // The root's removal is deferred: if an add into the heap follows (a process rescheduling
    // itself), the new event simply replaces the root; otherwise the next access removes it.
    hole = true;
  }

  /**
   * Removes the earliest pending event (the first added among equal times) and returns its handle,
   * which is stale from then on.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  public int poll() {
    if (!front()) {
      throw new NoSuchElementException("empty event queue");
    }
    int slot = (int) heapKey[0] & SLOT_MASK;
    int handle = ((state[slot] >>> 2) << SLOT_BITS) | slot;
    pollFront(slot);
    return handle;
  }

  /** Removes every event; all handles issued so far become stale. O(slots). */
  public void clear() {
    for (int s = 0; s < slotsUsed; s++) {
      int gs = state[s];
      if ((gs & STATE_MASK) == PENDING) {
        gs += 1 << 2;
      }
      state[s] = gs & (GENERATION_MASK << 2);
    }
    freeCount = 0;
    for (int s = slotsUsed - 1; s >= 0; s--) {
      freeSlots[freeCount++] = s;
    }
    size = 0;
    hole = false;
    sorted = sortedLimit > 0;
    live = 0;
    dead = 0;
    Arrays.fill(bucketHead, NONE);
    inBuckets = 0;
    nBuckets = 0;
    cur = -1;
    topHead = NONE;
    topCount = 0;
    calendar = false;
    switchUpAt = calendarThreshold;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Slots

  private void freeDead(int slot, int gs) {
    state[slot] = gs & ~STATE_MASK; // the generation was bumped by cancel
    freeSlots[freeCount++] = slot;
    dead--;
  }

  private void grow() {
    int old = state.length;
    if (old >= MAX_CAPACITY) {
      throw new IllegalStateException("more than " + MAX_CAPACITY + " pending events");
    }
    int cap = (int) Math.min((long) MAX_CAPACITY, Math.max(old + 4L, old * 2L));
    state = Arrays.copyOf(state, cap);
    freeSlots = Arrays.copyOf(freeSlots, cap);
    if (calendar || node.length > 0) {
      node = Arrays.copyOf(node, 2 * cap);
      link = Arrays.copyOf(link, cap);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Heap

  /** Completes a deferred removal of the root. */
  private void removeRoot() {
    hole = false;
    int last = --size;
    if (sorted) {
      System.arraycopy(heapTime, 1, heapTime, 0, last);
      System.arraycopy(heapKey, 1, heapKey, 0, last);
    } else {
      if (last > 0) {
        siftDown(0, heapTime[last], heapKey[last]);
      }
      if (last <= sortedLimit >> 1 && sortedLimit > 0) {
        sortHeap();
      }
    }
  }

  /**
   * Places (t, k) at hole {@code i} or above, in a {@code 2^s}-ary heap; {@code s = 0} (each
   * position the parent of the next) is an insertion into a sorted array.
   */
  private void siftUp(int i, double t, long k, int s) {
    final double[] ht = heapTime;
    final long[] hk = heapKey;
    while (i > 0) {
      int parent = (i - 1) >>> s;
      double pt = ht[parent];
      if (t >= pt && (t != pt || k > hk[parent])) {
        break;
      }
      ht[i] = pt;
      hk[i] = hk[parent];
      i = parent;
    }
    ht[i] = t;
    hk[i] = k;
  }

  /**
   * Places (t, k) at hole {@code i} or below; the heap has {@code size} entries counting the hole.
   * Choosing the least child reads only the children's times; their keys are read only to break a
   * tie of times, and the chosen child's key when it moves up.
   */
  private void siftDown(int i, double t, long k) {
    final double[] ht = heapTime;
    final long[] hk = heapKey;
    final int s = shift;
    final int n = size;
    final int a = arity;
    while (true) {
      int first = (i << s) + 1;
      if (first >= n) {
        break;
      }
      int end = Math.min(first + a, n);
      int best = first;
      double bt = ht[first];
      for (int c = first + 1; c < end; c++) {
        double ct = ht[c];
        // One comparison per child in the common case; equal times (rare) compare keys.
        if (ct <= bt && (ct != bt || hk[c] < hk[best])) {
          best = c;
          bt = ct;
        }
      }
      if (t < bt) {
        break;
      }
      long bk = hk[best];
      if (t == bt && k < bk) {
        break;
      }
      ht[i] = bt;
      hk[i] = bk;
      i = best;
    }
    ht[i] = t;
    hk[i] = k;
  }

  /**
   * Sorted mode's {@link #siftDown}{@code (0, t, k)}: the root is the hole; shifts the entries
   * before (t, k)'s place one position towards the root. Keeps the array sorted.
   */
  private void sortedFill(double t, long k) {
    final double[] ht = heapTime;
    final long[] hk = heapKey;
    final int n = size;
    int i = 1;
    while (i < n) {
      double ct = ht[i];
      // One comparison per entry in the common case; equal times (rare) compare keys.
      if (t <= ct && (t != ct || k < hk[i])) {
        break;
      }
      ht[i - 1] = ct;
      hk[i - 1] = hk[i];
      i++;
    }
    ht[i - 1] = t;
    hk[i - 1] = k;
  }

  /** Sorts the (small) heap by insertion and marks it sorted. */
  private void sortHeap() {
    for (int i = 1; i < size; i++) {
      siftUp(i, heapTime[i], heapKey[i], 0);
    }
    sorted = true;
  }

  /**
   * Restores the heap order over positions 0..size-1: sorted when at most {@code sortedLimit}
   * entries, else Floyd's heap construction.
   */
  private void heapify() {
    if (size <= sortedLimit && sortedLimit > 0) {
      sortHeap();
      return;
    }
    sorted = false;
    for (int i = (size - 2) >> shift; i >= 0; i--) {
      siftDown(i, heapTime[i], heapKey[i]);
    }
  }

  /** Appends without ordering; {@link #heapify} must follow. */
  private void heapAppend(double t, long key) {
    if (size == heapTime.length) {
      growHeap();
    }
    heapTime[size] = t;
    heapKey[size] = key;
    size++;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Calendar

  private double nodeTime(int slot) {
    return Double.longBitsToDouble(node[2 * slot]);
  }

  /** Moves every heap entry to the top chain and spreads it over buckets. */
  private void toCalendar() {
    if (hole) {
      removeRoot();
    }
    if (node.length < 2 * state.length) {
      node = Arrays.copyOf(node, 2 * state.length);
      link = Arrays.copyOf(link, state.length);
    }
    for (int i = 0; i < size; i++) {
      long key = heapKey[i];
      int slot = (int) key & SLOT_MASK;
      int gs = state[slot];
      if ((gs & STATE_MASK) != PENDING) {
        freeDead(slot, gs);
        continue;
      }
      node[2 * slot] = Double.doubleToRawLongBits(heapTime[i]);
      node[2 * slot + 1] = key;
      link[slot] = topHead;
      topHead = slot;
      topCount++;
    }
    size = 0;
    calendar = true;
    nBuckets = 0;
    cur = -1;
    inBuckets = 0;
    rebuild();
  }

  /**
   * The heap is empty: moves the next non-empty bucket into it, or rebuilds the calendar from the
   * top chain.
   */
  private boolean refill() {
    while (calendar) {
      if (live < calendarThreshold / 4) {
        drainToHeap();
        return size > 0;
      }
      if (inBuckets > 0) {
        int b = cur + 1;
        while (bucketHead[b] == NONE) {
          b++;
        }
        cur = b;
        int s = bucketHead[b];
        bucketHead[b] = NONE;
        final Object[] pf = payloads;
        int nulls = 0;
        while (s != NONE) {
          int nextSlot = link[s];
          inBuckets--;
          int gs = state[s];
          if ((gs & STATE_MASK) == PENDING) {
            heapAppend(nodeTime(s), node[2 * s + 1]);
            // Touch the owner's payload of the slot now, while the chain walk waits on memory
            // anyway:
            // these loads are independent of each other and overlap, instead of each stalling the
            // owner when the event fires (at 10^6 events, one cache miss per event saved).
            if (pf != null && pf[s] == null) {
              nulls++;
            }
          } else {
            freeDead(s, gs);
          }
          s = nextSlot;
        }
        payloadNulls += nulls;
        if (size > 0) {
          heapify();
          return true;
        }
      } else if (topCount > 0) {
        rebuild();
        if (size > 0) {
          return true;
        }
      } else {
        return false;
      }
    }
    return size > 0;
  }

  /**
   * Moves every event of the buckets and the top chain into the (empty) heap and returns to heap
   * mode.
   */
  private void drainToHeap() {
    for (int b = cur + 1; b < nBuckets && inBuckets > 0; b++) {
      for (int s = bucketHead[b]; s != NONE; s = link[s]) {
        inBuckets--;
        moveToHeap(s);
      }
      bucketHead[b] = NONE;
    }
    for (int s = topHead; s != NONE; s = link[s]) {
      moveToHeap(s);
    }
    topHead = NONE;
    topCount = 0;
    nBuckets = 0;
    cur = -1;
    heapify();
    calendar = false;
    switchUpAt = calendarThreshold;
  }

  private void moveToHeap(int s) {
    int gs = state[s];
    if ((gs & STATE_MASK) == PENDING) {
      heapAppend(nodeTime(s), node[2 * s + 1]);
    } else {
      freeDead(s, gs);
    }
  }

  /**
   * Spreads the top chain over a fresh set of buckets starting at its earliest time; the heap and
   * the buckets are empty. Falls back to heap mode when few events remain or their times have no
   * usable spread.
   */
  private void rebuild() {
    if (scratch.length < state.length) {
      scratch = new int[state.length];
    }
    int m = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int s = topHead; s != NONE; s = link[s]) {
      int gs = state[s];
      if ((gs & STATE_MASK) != PENDING) {
        freeDead(s, gs);
        continue;
      }
      scratch[m++] = s;
      double t = nodeTime(s);
      if (t > Double.NEGATIVE_INFINITY && t < Double.POSITIVE_INFINITY) {
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    topHead = NONE;
    topCount = 0;
    nBuckets = 0;
    cur = -1;
    if (m < calendarThreshold / 4) {
      toHeap(m, calendarThreshold);
      return;
    }
    double width = estimateWidth(m, lo, hi);
    if (!(width > 0)
        || !(1 / width < Double.POSITIVE_INFINITY)
        || !(hi - lo < Double.POSITIVE_INFINITY)) {
      toHeap(
          m,
          (int)
              Math.min(Integer.MAX_VALUE, 2L * m)); // no usable spread: try again at twice the size
      return;
    }
    base = lo;
    invWidth = 1 / width;
    long wanted = (long) ((hi - lo) * invWidth) + 1;
    long most = Math.max(16, 4L * m / BUCKET_TARGET);
    nBuckets = (int) Math.min(wanted, most);
    if (bucketHead.length < nBuckets) {
      bucketHead = new int[Math.max(nBuckets, 2 * bucketHead.length)];
      Arrays.fill(bucketHead, NONE);
    }
    for (int i = 0; i < m; i++) {
      int s = scratch[i];
      double x = (nodeTime(s) - base) * invWidth;
      if (x < 0) {
        heapAppend(nodeTime(s), node[2 * s + 1]);
      } else if (x < nBuckets) {
        int b = (int) x;
        link[s] = bucketHead[b];
        bucketHead[b] = s;
        inBuckets++;
      } else {
        link[s] = topHead;
        topHead = s;
        topCount++;
      }
    }
    heapify();
  }

  /**
   * Bucket width for {@code m} events (in {@code scratch}) with finite times in {@code [lo, hi]}:
   * from a sorted sample, the density of events over the earliest eighth of the sample (then half,
   * then all of it, if that spans no time), so that a bucket at the front holds about {@link
   * #BUCKET_TARGET} events. NaN or 0 if none.
   */
  private double estimateWidth(int m, double lo, double hi) {
    int n = Math.min(m, SAMPLE);
    int k = 0;
    for (int i = 0; i < n; i++) {
      double t = nodeTime(scratch[(int) ((long) i * m / n)]);
      if (t > Double.NEGATIVE_INFINITY && t < Double.POSITIVE_INFINITY) {
        sample[k++] = t;
      }
    }
    if (k < 2) {
      return Double.NaN;
    }
    Arrays.sort(sample, 0, k);
    double perSample = (double) m / n; // events represented by one sample
    for (int part : PARTS) {
      int j = Math.max(1, (k - 1) / part);
      double span = sample[j] - sample[0];
      if (span > 0) {
        return BUCKET_TARGET * span / (j * perSample);
      }
    }
    return hi > lo ? BUCKET_TARGET * (hi - lo) / m : 0;
  }

  /**
   * Moves the {@code m} events in {@code scratch} into the (empty) heap and returns to heap mode.
   */
  private void toHeap(int m, int nextSwitch) {
    for (int i = 0; i < m; i++) {
      int s = scratch[i];
      heapAppend(nodeTime(s), node[2 * s + 1]);
    }
    heapify();
    calendar = false;
    switchUpAt = Math.max(calendarThreshold, nextSwitch);
  }

  /** Drops every cancelled entry from the heap, the buckets and the top chain. O(n + buckets). */
  private void compact() {
    if (hole) {
      removeRoot();
    }
    int j = 0;
    for (int i = 0; i < size; i++) {
      long key = heapKey[i];
      int slot = (int) key & SLOT_MASK;
      int gs = state[slot];
      if ((gs & STATE_MASK) == PENDING) {
        heapTime[j] = heapTime[i];
        heapKey[j] = key;
        j++;
      } else {
        freeDead(slot, gs);
      }
    }
    size = j;
    heapify();
    if (calendar) {
      for (int b = cur + 1; b < nBuckets; b++) {
        int before = countChain(bucketHead[b]);
        bucketHead[b] = filterChain(bucketHead[b]);
        inBuckets -= before - countChain(bucketHead[b]);
      }
      topHead = filterChain(topHead);
      topCount = countChain(topHead);
    }
  }

  private int countChain(int s) {
    int c = 0;
    for (; s != NONE; s = link[s]) {
      c++;
    }
    return c;
  }

  /** Removes cancelled entries from a chain; returns its new head. */
  private int filterChain(int s) {
    int head = NONE;
    int tail = NONE;
    while (s != NONE) {
      int nextSlot = link[s];
      int gs = state[s];
      if ((gs & STATE_MASK) == PENDING) {
        if (tail == NONE) {
          head = s;
        } else {
          link[tail] = s;
        }
        tail = s;
      } else {
        freeDead(s, gs);
      }
      s = nextSlot;
    }
    if (tail != NONE) {
      link[tail] = NONE;
    }
    return head;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Sequence

  /**
   * Reassigns the insertion sequences of the held events to 0..n-1 in their existing order, so that
   * the sequence counter can go on. Relative order of keys is unchanged, so the heap stays valid.
   * Happens once every {@code 2^41} additions; package-private for tests.
   */
  void renumber() {
    if (hole) {
      removeRoot();
    }
    if (node.length < 2 * state.length) {
      node = Arrays.copyOf(node, 2 * state.length);
      link = Arrays.copyOf(link, state.length);
    }
    // Gather every held key into node[2s+1] (the heap's live there only in the heap array).
    for (int i = 0; i < size; i++) {
      long key = heapKey[i];
      node[2 * ((int) key & SLOT_MASK) + 1] = key;
    }
    long[] keys = new long[live + dead];
    int n = 0;
    for (int s = 0; s < slotsUsed; s++) {
      if ((state[s] & STATE_MASK) != FREE) {
        keys[n++] = node[2 * s + 1];
      }
    }
    Arrays.sort(keys, 0, n);
    for (int r = 0; r < n; r++) {
      int slot = (int) keys[r] & SLOT_MASK;
      node[2 * slot + 1] = ((long) r << SLOT_BITS) | slot;
    }
    for (int i = 0; i < size; i++) {
      heapKey[i] = node[2 * ((int) heapKey[i] & SLOT_MASK) + 1];
    }
    nextSequence = n;
  }

  /** Package-private for tests: the sequence number the next {@link #add} will use. */
  long nextSequence() {
    return nextSequence;
  }

  /**
   * Package-private for tests: lets a test bring the sequence counter near {@link #SEQUENCE_LIMIT}.
   */
  void setNextSequenceForTest(long next) {
    if (next < nextSequence || next > SEQUENCE_LIMIT) {
      throw new IllegalArgumentException();
    }
    nextSequence = next;
  }
}
