package org.polemos.sim.mechanism;

import org.polemos.sim.RunContext;

/**
 * A simulated process (one mechanism of DOMAIN.md section 2). A mechanism instance belongs to one
 * replication and lives in two phases: {@link #wire} (every mechanism of the run, in name order)
 * registers the ports it provides to the others; then {@link #start} (again in name order) looks up
 * the ports it uses, reads its parameters and schedules its first actions on {@code ctx.sim()};
 * those actions read and write {@code ctx.world()}.
 */
public interface Mechanism {

  /**
   * Daily mechanisms fire at mid-day ({@code d + 0.5} for day {@code d}), so they never tie with
   * samples and intervention switches, which happen at whole days.
   */
  double MIDDAY = 0.5;

  /** A stable, unique name; also the name of the mechanism's random stream. */
  String name();

  /**
   * The wiring phase, before any mechanism starts: register the ports this mechanism implements
   * with {@link RunContext#provide}. Must not schedule events or draw random numbers. Does nothing
   * by default.
   */
  default void wire(RunContext ctx) {}

  /**
   * Called once at time 0, after every mechanism is wired and before any event fires: the ports of
   * {@link RunContext#require} are all available here.
   */
  void start(RunContext ctx);
}
