package org.polemos.sim.mechanism;

import org.polemos.sim.RunContext;

/**
 * A simulated process (one mechanism of DOMAIN.md section 2). A mechanism instance belongs to one replication:
 * {@link #start} schedules its first actions on {@code ctx.sim()}, and those actions read and write
 * {@code ctx.world()}. The engine starts mechanisms in the order of their names.
 */
public interface Mechanism {

  /**
   * Daily mechanisms fire at mid-day ({@code d + 0.5} for day {@code d}), so they never tie with samples and
   * intervention switches, which happen at whole days.
   */
  double MIDDAY = 0.5;

  /** A stable, unique name; also the name of the mechanism's random stream. */
  String name();

  /** Called once at time 0, before any event fires. */
  void start(RunContext ctx);
}
