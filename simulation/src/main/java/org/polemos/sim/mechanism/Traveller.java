package org.polemos.sim.mechanism;

import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;

/**
 * A foreign recruit between departure and the end of intake: the one place where people are
 * entities, because transit delays and the intake queue need each one's times. It is its own kernel
 * action: whichever mechanism holds it sets {@link #next} before scheduling it.
 */
public final class Traveller implements Action {

  /** What to do when a traveller's scheduled time comes. */
  @FunctionalInterface
  public interface Step {
    void on(Traveller traveller, Simulation sim);
  }

  /** Source index. */
  public final int source;

  /** Corridor index (changed by {@link Transit} when the traveller reroutes). */
  public int corridor;

  /** Departure time, days. */
  public final double departed;

  /** Arrival time at the border, days (set by transit). */
  public double arrived;

  /** Time intake service started, days. */
  public double serviceStarted;

  /** The step to run when this traveller's event fires. */
  public Step next;

  public Traveller(int source, int corridor, double departed) {
    this.source = source;
    this.corridor = corridor;
    this.departed = departed;
  }

  @Override
  public void fire(Simulation sim) {
    next.on(this, sim);
  }
}
