package org.polemos.sim.kernel;

/**
 * Something that happens at a point of simulated time. Processes usually implement it once and
 * reschedule themselves, so scheduling allocates nothing.
 *
 * <p>When {@link #fire} is called, {@link Simulation#now()} is the event's time and the event is no
 * longer pending (its handle is stale), so the action may schedule itself again.
 */
@FunctionalInterface
public interface Action {
  void fire(Simulation sim);
}
