package org.polemos.model;

/**
 * The policy levers of the model; each says what its targets are and what its intensity means.
 * Effects are applied only between an intervention's start and end dates.
 */
public enum InterventionKind implements Coded {
  /**
   * Air strikes by {@code faction} on its enemies in the target regions; intensity = strikes per
   * day in all.
   */
  AIR_CAMPAIGN("air-campaign", TargetKind.REGION, true),
  /**
   * Strikes on oil infrastructure in the target regions; intensity = fraction of capacity
   * destroyed, [0,1].
   */
  REVENUE_STRIKES("revenue-strikes", TargetKind.REGION, false),
  /**
   * Tighter border control on the target corridors; intensity = extra interdiction probability,
   * [0,1].
   */
  BORDER_CLOSURE("border-closure", TargetKind.CORRIDOR, false),
  /**
   * Travel bans and passport revocation in the target sources; intensity = share of departures
   * prevented, [0,1].
   */
  TRAVEL_MEASURES("travel-measures", TargetKind.SOURCE, false),
  /**
   * Intelligence sharing with the target sources (destination countries); intensity = intelligence
   * capacity added, as a share of the destination's own (its {@code intelligenceServers}), [0,1];
   * no effect on a destination with unlimited capacity.
   */
  INTELLIGENCE_SHARING("intelligence-sharing", TargetKind.SOURCE, false),
  /**
   * Counter-messaging in the target sources; intensity = relative reduction of propensity, [0,1].
   */
  COUNTER_MESSAGING("counter-messaging", TargetKind.SOURCE, false),
  /**
   * Reinforcement of {@code faction} on the fronts of the target regions; intensity = fighters
   * added in all.
   */
  GROUND_OFFENSIVE("ground-offensive", TargetKind.REGION, true),
  /**
   * Strikes on the organisation's cash stores in the target regions; intensity = share of the cash
   * kept there destroyed per 30 days in force, [0,1] (the cash kept in a place is the treasury
   * times the place's share of the population held; see {@code Economy}).
   */
  CASH_STRIKES("cash-strikes", TargetKind.REGION, false),
  /**
   * Encrypted communication by the organisation's operatives in the target sources (destination
   * countries); intensity = relative reduction of the rate at which intelligence detects a plot
   * under investigation, [0,1].
   */
  ENCRYPTED_COMMUNICATION("encrypted-communication", TargetKind.SOURCE, false);

  /** What an intervention's target ids refer to. */
  public enum TargetKind {
    REGION,
    CORRIDOR,
    SOURCE
  }

  private final String code;
  private final TargetKind targetKind;
  private final boolean needsFaction;

  InterventionKind(String code, TargetKind targetKind, boolean needsFaction) {
    this.code = code;
    this.targetKind = targetKind;
    this.needsFaction = needsFaction;
  }

  @Override
  public String code() {
    return code;
  }

  public TargetKind targetKind() {
    return targetKind;
  }

  /** Whether the intervention names the faction that carries it out. */
  public boolean needsFaction() {
    return needsFaction;
  }

  /** Whether the intensity is a probability or share and so must lie in [0,1]. */
  public boolean intensityIsFraction() {
    return this != AIR_CAMPAIGN && this != GROUND_OFFENSIVE;
  }
}
