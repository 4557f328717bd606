package org.polemos.model;

import java.util.List;

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
  ENCRYPTED_COMMUNICATION("encrypted-communication", TargetKind.SOURCE, false),

  // ---- states' travel instruments (issue 13): each acts on its target sources only ----

  /**
   * Travel bans (an administrative order forbidding a named person to leave the country) in the
   * target sources; intensity = probability that a would-be traveller is stopped by a ban before
   * leaving, [0,1]. Those stopped stay home: prevented departures, frustrated travellers.
   */
  TRAVEL_BAN("travel-ban", TargetKind.SOURCE, false),
  /**
   * Passport revocation and seizure in the target sources; intensity = probability that a would-be
   * traveller who got past any travel ban has no passport to leave with, [0,1]. Those stopped stay
   * home: prevented departures, frustrated travellers.
   */
  PASSPORT_REVOCATION("passport-revocation", TargetKind.SOURCE, false),
  /**
   * Watchlists and no-fly lists in the target sources; intensity = probability that a would-be
   * traveller who got past bans and passport measures is refused boarding at departure, [0,1].
   * Those stopped go home, not detained: prevented departures, frustrated travellers.
   */
  WATCHLIST("watchlist", TargetKind.SOURCE, false),
  /**
   * Departure screening by the target sources at their own exits (airports, land borders; distinct
   * from a corridor's {@code departureScreening}, which arrests); intensity = probability that a
   * would-be traveller who got past the instruments above is turned away at departure, [0,1]. Those
   * stopped go home, not detained: prevented departures, frustrated travellers.
   */
  DEPARTURE_SCREENING("departure-screening", TargetKind.SOURCE, false),
  /**
   * Prosecution of returnees in the target sources; intensity = probability that a returnee not
   * already arrested under the source's base {@code returneeArrestProbability} is arrested on
   * return, [0,1] (so the arrest probability is {@code 1 - (1 - base)(1 - intensity)}).
   */
  RETURNEE_PROSECUTION("returnee-prosecution", TargetKind.SOURCE, false);

  /**
   * The instruments that stop would-be travellers before they depart, in the order a traveller
   * meets them (before leaving: bans, passports; at departure: watchlists, screening).
   */
  public static final List<InterventionKind> DEPARTURE_INSTRUMENTS =
      List.of(TRAVEL_BAN, PASSPORT_REVOCATION, WATCHLIST, DEPARTURE_SCREENING);

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
