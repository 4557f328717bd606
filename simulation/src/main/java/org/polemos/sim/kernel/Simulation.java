package org.polemos.sim.kernel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel: a clock in days and an {@link EventQueue} of {@link Action}s.
 *
 * <p>Actions are stored in an array indexed by the event's slot ({@link EventQueue#slotOf(int)}),
 * so scheduling allocates nothing once the queue has reached its working size. A slot keeps a
 * reference to its last action after the event fired, until the slot is reused (cancel clears it):
 * the cost of not paying a GC write barrier when a process reschedules itself into the slot it just
 * vacated. Events with equal times fire in the order they were scheduled, so a run is a
 * deterministic function of its inputs.
 *
 * <p>Time is a {@code double} number of days since the start of the run ({@code now() == 0}
 * initially). With a calendar start, day {@code d} covers times {@code [d, d + 1)} and {@link
 * #date()} is {@code calendarStart + floor(now)} days.
 *
 * <p>Not thread-safe: a simulation belongs to one thread. The run methods are not re-entrant:
 * calling {@link #run()}, {@link #runUntil} or {@link #runWhile} from inside an action throws
 * {@link IllegalStateException}.
 */
public final class Simulation {

  private static final int INITIAL_CAPACITY = 64;

  private final LocalDate calendarStart;
  private final EventQueue queue;
  private Action[] actions;
  private double now;
  private long eventsFired;
  private boolean stopRequested;
  private boolean running;

  /** A simulation without a calendar: {@link #date()} and {@link #dateAt} throw. */
  public Simulation() {
    this(null, INITIAL_CAPACITY);
  }

  /** A simulation whose time 0 is the start of {@code calendarStart}. */
  public Simulation(LocalDate calendarStart) {
    this(Objects.requireNonNull(calendarStart, "calendarStart"), INITIAL_CAPACITY);
  }

  /** A simulation with room for {@code expectedPending} pending events before its arrays grow. */
  public Simulation(LocalDate calendarStart, int expectedPending) {
    this.calendarStart = calendarStart;
    this.queue = new EventQueue(expectedPending);
    this.actions = new Action[queue.slotCapacity()];
    queue.setPayloads(actions);
  }

  /** Current simulated time in days since the start. */
  public double now() {
    return now;
  }

  /** The calendar start, or {@code null} if this simulation has none. */
  public LocalDate calendarStart() {
    return calendarStart;
  }

  /**
   * The calendar date of {@link #now()}: {@code calendarStart + floor(now)} days.
   *
   * @throws IllegalStateException if the simulation has no calendar start
   */
  public LocalDate date() {
    return dateAt(now);
  }

  /**
   * The calendar date of time {@code t}: {@code calendarStart + floor(t)} days ({@code t} may be
   * negative).
   *
   * @throws IllegalStateException if the simulation has no calendar start
   * @throws IllegalArgumentException if {@code t} is not finite
   */
  public LocalDate dateAt(double t) {
    if (calendarStart == null) {
      throw new IllegalStateException("this simulation has no calendar start");
    }
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("time is not finite: " + t);
    }
    return calendarStart.plusDays((long) Math.floor(t));
  }

  /**
   * Schedules {@code action} at {@code now() + delay}.
   *
   * @return the event's handle, for {@link #cancel}
   * @throws IllegalArgumentException if {@code delay} is negative, NaN or infinite
   * @throws NullPointerException if {@code action} is null
   */
  public int schedule(double delay, Action action) {
    if (!(delay >= 0.0 && delay <= Double.MAX_VALUE)) {
      throw badDelay(delay);
    }
    return enqueue(now + delay, action);
  }

  /**
   * Schedules {@code action} at absolute time {@code time}.
   *
   * @return the event's handle, for {@link #cancel}
   * @throws IllegalArgumentException if {@code time < now()}, NaN or infinite
   * @throws NullPointerException if {@code action} is null
   */
  public int scheduleAt(double time, Action action) {
    if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("time must be finite and >= now (" + now + "): " + time);
    }
    return enqueue(time, action);
  }

  private int enqueue(double time, Action action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    int handle = queue.add(time);
    int slot = EventQueue.slotOf(handle);
    Action[] acts = actions;
    if (slot >= acts.length) {
      acts = growActions();
    }
    // A process that reschedules itself usually gets back the slot it just vacated (LIFO free
    // list): skipping the identical store avoids the GC write barrier of a reference store on the
    // hot path.
    if (acts[slot] != action) {
      acts[slot] = action;
    }
    return handle;
  }

  private static IllegalArgumentException badDelay(double delay) {
    return new IllegalArgumentException("delay must be finite and >= 0: " + delay);
  }

  private Action[] growActions() {
    Action[] acts = actions = Arrays.copyOf(actions, queue.slotCapacity());
    queue.setPayloads(acts);
    return acts;
  }

  /**
   * Cancels a pending event.
   *
   * @return {@code true} if it was pending; {@code false}, changing nothing, if it already fired,
   *     was already cancelled, or the handle is stale or unknown
   */
  public boolean cancel(int handle) {
    if (!queue.cancel(handle)) {
      return false;
    }
    actions[EventQueue.slotOf(handle)] = null;
    return true;
  }

  /** Whether the event of {@code handle} is still pending. */
  public boolean isPending(int handle) {
    return queue.isPending(handle);
  }

  /**
   * Fires, in time order, every pending event with time {@code <= endTime}, including those
   * scheduled meanwhile, then sets the clock to {@code endTime}. If {@link #stop()} is called
   * meanwhile, returns after the current action with the clock at that action's time.
   *
   * @throws IllegalArgumentException if {@code endTime < now()}, NaN or infinite
   */
  public void runUntil(double endTime) {
    if (!(endTime >= now) || endTime == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "endTime must be finite and >= now (" + now + "): " + endTime);
    }
    enter();
    try {
      while (!stopRequested && queue.front() && queue.frontTime() <= endTime) {
        fireNext();
      }
      if (!stopRequested) {
        now = endTime;
      }
    } finally {
      running = false;
    }
  }

  /**
   * Fires events in time order while {@code condition} is true; the condition is checked before
   * each event. Returns when the queue is empty, the condition is false, or {@link #stop()} was
   * called. The clock stays at the time of the last event fired.
   */
  public void runWhile(BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    enter();
    try {
      while (!stopRequested && queue.front() && condition.getAsBoolean()) {
        fireNext();
      }
    } finally {
      running = false;
    }
  }

  /** Fires events in time order until the queue is empty or {@link #stop()} is called. */
  public void run() {
    enter();
    try {
      while (!stopRequested && queue.front()) {
        fireNext();
      }
    } finally {
      running = false;
    }
  }

  /**
   * Fires the earliest pending event, if any.
   *
   * @return {@code false} if the queue was empty
   * @throws IllegalStateException if called from inside an action
   */
  public boolean step() {
    if (!queue.front()) {
      return false;
    }
    enter();
    try {
      fireNext();
    } finally {
      running = false;
    }
    return true;
  }

  /**
   * Asks the run in progress to return after the current action. A stop request lasts only for the
   * run in progress: the next call of a run method starts afresh. Calling it outside a run has no
   * effect.
   */
  public void stop() {
    if (running) {
      stopRequested = true;
    }
  }

  /** Number of events fired since construction. */
  public long eventsFired() {
    return eventsFired;
  }

  /** Number of pending events. */
  public int pending() {
    return queue.size();
  }

  /**
   * Time of the earliest pending event.
   *
   * @throws java.util.NoSuchElementException if none is pending
   */
  public double nextEventTime() {
    return queue.peekTime();
  }

  private void enter() {
    if (running) {
      throw new IllegalStateException(
          "the simulation is already running (run methods are not re-entrant)");
    }
    running = true;
    stopRequested = false;
  }

  /** Fires the event at the front of the queue; {@link EventQueue#front()} returned true. */
  private void fireNext() {
    EventQueue q = queue;
    int slot = q.frontSlot();
    double t = q.frontTime();
    // Load the action before polling, so that its likely cache miss (the slot is random) overlaps
    // with those of the queue's own bookkeeping for the same slot. The cell is not cleared: it is
    // overwritten when the slot is reused (see enqueue), so a slot keeps a reference to its last
    // action until then.
    Action action = actions[slot];
    q.pollFront(slot);
    now = t;
    eventsFired++;
    action.fire(this);
  }
}
