package org.polemos.sim.world;

/**
 * Where a person who departed a source country is. Every departed person, and every foreign fighter
 * present at the start ({@link People#atStart(int)}), is in exactly one state at every moment, so
 * the sum over states equals cumulative departures plus the foreign stock at the start (see {@link
 * People#accountedFor()}).
 */
public enum PersonState {
  /** Travelling from the source to the border crossing of a corridor. */
  IN_TRANSIT,
  /** Stopped by screening at departure. */
  ARRESTED_AT_DEPARTURE,
  /** Turned back at the border (interdiction, or the corridor was closed on arrival). */
  TURNED_BACK,
  /** Waiting for or in intake. */
  IN_INTAKE,
  /** Serving as a fighter of the organisation. */
  FIGHTER,
  /** Serving in support and administration. */
  SUPPORT,
  /**
   * Assigned to external operations: in training, travelling home or abroad before the plot's
   * outcome.
   */
  OPERATIVE,
  /** An operative stopped at the border on the way home. */
  OPERATIVE_INTERDICTED,
  /** An operative whose plot was foiled. */
  PLOT_FOILED,
  /** An operative whose plot was carried out. */
  PLOT_EXECUTED,
  /**
   * A fighter of the organisation gone underground: a member of its cells in a place it lost (see
   * {@link Forces#goUnderground}); back to {@link #FIGHTER} when the organisation retakes the
   * place.
   */
  UNDERGROUND,
  /**
   * Died in combat or from air strikes (including fighters cut off with no region to fall back to).
   */
  DEAD,
  /** Deserted and stayed in the region. */
  DESERTED,
  /** Deserted and returned to the source country (arrested or not). */
  RETURNED,
  /**
   * Waiting at a corridor's hub near the border for a crossing: the crossing was full that day, or
   * the organisation lost its entry and the strip is closing (see {@link
   * org.polemos.sim.mechanism.Transit}).
   */
  AT_HUB,
  /** Gave up waiting at a hub and went home without crossing. */
  GAVE_UP,
  /**
   * Captured by the faction that took a place from the organisation (issue 13, item 6; {@code
   * territory.foreignDetainedOnCapture}, see {@link Territory#changeControl}).
   */
  DETAINED,
  /**
   * Stopped by the organisation while trying to leave its ranks (desertion or return home) and held
   * by it (issue 13, item 5; the organisation's exit control, in {@code Attrition}).
   */
  DETAINED_BY_ORGANISATION;

  static final PersonState[] VALUES = values();
}
