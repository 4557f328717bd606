package org.polemos.sim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Pending-event set over primitive arrays: each pending event is a {@code double} time and an {@code int} handle.
 *
 * <h2>Structure</h2>
 * An implicit d-ary min-heap (8-ary by default, chosen by measurement, see {@code docs/PERFORMANCE.md}) whose
 * entries keep their keys inline, interleaved in one {@code long[]}: the time (as a bit pattern that orders like the
 * double) and a key {@code sequence << SLOT_BITS | slot}, so the eight children of a node span two or three
 * cache lines. The heap is ordered by time, then by key; since the insertion sequence is strictly increasing, events with
 * equal times leave in insertion (FIFO) order and runs are deterministic.
 *
 * <p>{@link #poll} defers the removal of the root: if the next operation is an {@link #add} (a process
 * rescheduling itself, the common case in a simulation), the new event takes the root's place and sinks, one sift
 * instead of two; any other operation completes the removal first. This is invisible to callers.
 *
 * <p>Each event also owns a <em>slot</em>: an index into side arrays (heap position, generation) that the owner of
 * the queue may use to index its own payload array (see {@link #slotOf(int)}). Free slots are recycled through a
 * LIFO free list, so a queue that has reached its working size allocates nothing on {@link #add}.
 *
 * <h2>Handles</h2>
 * A handle is {@code generation << SLOT_BITS | slot}, always non-negative, so {@link #NO_HANDLE} ({@code -1}) is
 * never a valid handle. The slot's generation is incremented every time the slot is released (poll, cancel or
 * clear), so a handle kept after its event fired or was cancelled is <em>stale</em>: {@link #cancel} and
 * {@link #isPending} return {@code false} for it and never touch the newer event that reuses the slot. The
 * generation has {@value #GENERATION_BITS} bits: a stale handle could only alias a newer event after that very slot
 * has been reused {@code 2^9 = 512} times; do not keep handles of fired events for longer than that.
 *
 * <h2>Costs and limits</h2>
 * {@link #add}, {@link #poll} and {@link #cancel} are O(log n); {@link #peekTime}, {@link #size} and
 * {@link #isPending} are O(1). At most {@value #MAX_CAPACITY} ({@code 2^22}) events can be pending at once.
 * Times must not be NaN; any other double (including infinities) is accepted; {@code -0.0} is treated as
 * {@code 0.0}. The class is not thread-safe.
 */
public final class EventQueue {

    /** Number of low handle bits that hold the slot. */
    public static final int SLOT_BITS = 22;
    /** Number of handle bits above the slot that hold the slot's generation. */
    public static final int GENERATION_BITS = 9;
    /** Maximum number of simultaneously pending events: {@code 2^22}. */
    public static final int MAX_CAPACITY = 1 << SLOT_BITS;
    /** A value that is never a valid handle, for use as "no event". */
    public static final int NO_HANDLE = -1;

    private static final int SLOT_MASK = MAX_CAPACITY - 1;
    private static final int GENERATION_MASK = (1 << GENERATION_BITS) - 1;
    /** The sequence part of a heap key must stay below this so that {@code seq << SLOT_BITS} is positive. */
    static final long SEQUENCE_LIMIT = 1L << (63 - SLOT_BITS);

    /** Default heap arity as log2: 3 means an 8-ary heap (chosen by measurement, docs/PERFORMANCE.md). */
    public static final int DEFAULT_LOG2_ARITY = 3;

    private final int shift;      // log2(arity)
    private final int arity;

    // Heap, positions 0..size-1, interleaved: heap[2i] is the sortable bit pattern of the time (see sortable()),
    // heap[2i+1] the key (sequence << SLOT_BITS | slot), so one 64-byte cache line holds 4 whole entries.
    // When deadRoot is set, position 0 holds an event already polled whose removal is deferred: the next add
    // fills the hole (one sift instead of two), any other access removes it first.
    private long[] heap;
    private int size;
    private boolean deadRoot;

    // Per slot.
    private int[] position;       // heap index, or -1 when the slot is free
    private int[] generation;
    private int[] freeSlots;      // LIFO stack of released slots
    private int freeCount;
    private int slotsUsed;        // slots 0..slotsUsed-1 have ever been handed out

    private long nextSequence;

    /** An 8-ary heap with room for {@code initialCapacity} pending events before it grows. */
    public EventQueue(int initialCapacity) {
        this(initialCapacity, DEFAULT_LOG2_ARITY);
    }

    /**
     * A {@code 2^log2Arity}-ary heap; exposed for benchmarking the arity ({@code 1}: binary, {@code 2}: 4-ary,
     * {@code 3}: 8-ary).
     */
    public EventQueue(int initialCapacity, int log2Arity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity < 0: " + initialCapacity);
        }
        if (log2Arity < 1 || log2Arity > 4) {
            throw new IllegalArgumentException("log2Arity must be in 1..4: " + log2Arity);
        }
        this.shift = log2Arity;
        this.arity = 1 << log2Arity;
        int cap = Math.max(4, Math.min(initialCapacity, MAX_CAPACITY));
        heap = new long[2 * cap];
        position = new int[cap];
        generation = new int[cap];
        freeSlots = new int[cap];
    }

    /** A total order on non-NaN doubles as signed longs ({@code -0.0} must have been normalised to {@code 0.0}). */
    private static long sortable(double t) {
        long b = Double.doubleToRawLongBits(t);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    private static double fromSortable(long s) {
        return Double.longBitsToDouble(s ^ ((s >> 63) & Long.MAX_VALUE));
    }

    /** The arity of the heap (2, 4, 8 or 16). */
    public int arity() {
        return arity;
    }

    /** The slot of a handle: an index in {@code [0, 2^22)} that is unique among pending events. */
    public static int slotOf(int handle) {
        return handle & SLOT_MASK;
    }

    /** Current length of the slot arrays; every slot of a pending event is below it. */
    public int slotCapacity() {
        return position.length;
    }

    /**
     * Adds an event at {@code time} and returns its handle. Events with equal times are polled in the order they
     * were added.
     *
     * @throws IllegalArgumentException if {@code time} is NaN
     * @throws IllegalStateException if {@value #MAX_CAPACITY} events are already pending
     */
    public int add(double time) {
        if (time != time) {
            throw new IllegalArgumentException("time is NaN");
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == position.length) {
                grow();
            }
            slot = slotsUsed++;
        }
        if (nextSequence == SEQUENCE_LIMIT) {
            settle();
            renumber();
        }
        long key = (nextSequence++ << SLOT_BITS) | slot;
        long st = sortable(time + 0.0); // + 0.0 turns -0.0 into 0.0
        if (deadRoot) {
            // Hold pattern (poll, then add): the new event takes the polled root's place and sinks.
            deadRoot = false;
            siftDown(0, st, key);
        } else {
            siftUp(size++, st, key);
        }
        return (generation[slot] << SLOT_BITS) | slot;
    }

    /**
     * Removes a pending event.
     *
     * @return {@code true} if the event was pending and is now removed; {@code false}, changing nothing, if the
     *     handle's event has already fired or been cancelled, if the handle is stale or was never issued
     */
    public boolean cancel(int handle) {
        if (!isPending(handle)) {
            return false;
        }
        settle();
        int slot = handle & SLOT_MASK;
        removeAt(position[slot]);
        release(slot);
        return true;
    }

    /** Whether the handle's event is still pending (not fired, not cancelled, handle not stale). */
    public boolean isPending(int handle) {
        if (handle < 0) {
            return false;
        }
        int slot = handle & SLOT_MASK;
        return slot < slotsUsed
                && position[slot] >= 0
                && generation[slot] == (handle >>> SLOT_BITS);
    }

    public boolean isEmpty() {
        return size == (deadRoot ? 1 : 0);
    }

    public int size() {
        return deadRoot ? size - 1 : size;
    }

    /**
     * The earliest pending time.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public double peekTime() {
        settle();
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        return fromSortable(heap[0]);
    }

    /**
     * The handle of the earliest pending event, without removing it.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public int peek() {
        settle();
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        int slot = (int) heap[1] & SLOT_MASK;
        return (generation[slot] << SLOT_BITS) | slot;
    }

    /** The slot of the earliest pending event, without removing it; the queue must not be empty. */
    int peekSlot() {
        settle();
        return (int) heap[1] & SLOT_MASK;
    }

    /**
     * Removes the earliest pending event (the first added among equal times) and returns its handle, which is stale
     * from then on.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public int poll() {
        settle();
        if (size == 0) {
            throw new NoSuchElementException("empty event queue");
        }
        int slot = (int) heap[1] & SLOT_MASK;
        int handle = (generation[slot] << SLOT_BITS) | slot;
        release(slot);
        // The root's removal is deferred: if an add follows (a process rescheduling itself), the new event simply
        // replaces the root; otherwise settle() removes it on the next access.
        deadRoot = true;
        return handle;
    }

    /** Completes a deferred removal of the root, if any. */
    private void settle() {
        if (deadRoot) {
            deadRoot = false;
            int last = --size;
            if (last > 0) {
                siftDown(0, heap[2 * last], heap[2 * last + 1]);
            }
        }
    }

    /** Removes every pending event; all handles issued so far become stale. O(n). */
    public void clear() {
        settle();
        for (int i = 0; i < size; i++) {
            release((int) heap[2 * i + 1] & SLOT_MASK);
        }
        size = 0;
    }

    private void release(int slot) {
        position[slot] = -1;
        generation[slot] = (generation[slot] + 1) & GENERATION_MASK;
        freeSlots[freeCount++] = slot;
    }

    private void removeAt(int i) {
        int last = --size;
        if (i == last) {
            return;
        }
        long t = heap[2 * last];
        long k = heap[2 * last + 1];
        // The moved element goes up if it beats the parent of the hole, else down.
        if (i > 0) {
            int parent = (i - 1) >>> shift;
            long pt = heap[2 * parent];
            if (t < pt || (t == pt && k < heap[2 * parent + 1])) {
                siftUp(i, t, k);
                return;
            }
        }
        siftDown(i, t, k);
    }

    /** Places (t, k) at hole {@code i} or above; {@code t} is a sortable time. */
    private void siftUp(int i, long t, long k) {
        final long[] h = heap;
        final int[] pos = position;
        final int s = shift;
        while (i > 0) {
            int parent = (i - 1) >>> s;
            long pt = h[2 * parent];
            long pk = h[2 * parent + 1];
            if (t > pt || (t == pt && k > pk)) {
                break;
            }
            h[2 * i] = pt;
            h[2 * i + 1] = pk;
            pos[(int) pk & SLOT_MASK] = i;
            i = parent;
        }
        h[2 * i] = t;
        h[2 * i + 1] = k;
        pos[(int) k & SLOT_MASK] = i;
    }

    /**
     * Places (t, k) at hole {@code i} or below; {@code t} is a sortable time; the heap has {@code size} entries
     * counting the hole.
     */
    private void siftDown(int i, long t, long k) {
        final long[] h = heap;
        final int[] pos = position;
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
            long bt = h[2 * first];
            long bk = h[2 * first + 1];
            for (int c = first + 1; c < end; c++) {
                long ct = h[2 * c];
                long ck = h[2 * c + 1];
                if (ct < bt || (ct == bt && ck < bk)) {
                    best = c;
                    bt = ct;
                    bk = ck;
                }
            }
            if (t < bt || (t == bt && k < bk)) {
                break;
            }
            h[2 * i] = bt;
            h[2 * i + 1] = bk;
            pos[(int) bk & SLOT_MASK] = i;
            i = best;
        }
        h[2 * i] = t;
        h[2 * i + 1] = k;
        pos[(int) k & SLOT_MASK] = i;
    }

    private void grow() {
        int old = position.length;
        if (old >= MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY + " pending events");
        }
        int cap = (int) Math.min((long) MAX_CAPACITY, Math.max(old + 4L, old * 2L));
        heap = Arrays.copyOf(heap, 2 * cap);
        position = Arrays.copyOf(position, cap);
        generation = Arrays.copyOf(generation, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
    }

    /**
     * Reassigns the insertion sequences of the pending events to 0..size-1 in their existing order, so that the
     * sequence counter can go on. Relative order of keys is unchanged, so the heap stays valid. Happens once every
     * {@code 2^41} additions; package-private for tests.
     */
    void renumber() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = heap[2 * i + 1];
        }
        Arrays.sort(keys);
        // Map old key -> rank through the slot, which is unique among pending events.
        long[] rankBySlot = new long[slotsUsed];
        for (int r = 0; r < keys.length; r++) {
            rankBySlot[(int) keys[r] & SLOT_MASK] = r;
        }
        for (int i = 0; i < size; i++) {
            int slot = (int) heap[2 * i + 1] & SLOT_MASK;
            heap[2 * i + 1] = (rankBySlot[slot] << SLOT_BITS) | slot;
        }
        nextSequence = size;
    }

    /** Package-private for tests: the sequence number the next {@link #add} will use. */
    long nextSequence() {
        return nextSequence;
    }

    /** Package-private for tests: lets a test bring the sequence counter near {@link #SEQUENCE_LIMIT}. */
    void setNextSequenceForTest(long next) {
        if (next < nextSequence || next > SEQUENCE_LIMIT) {
            throw new IllegalArgumentException();
        }
        nextSequence = next;
    }
}
