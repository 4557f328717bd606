package org.polemos.model.validation;

/**
 * Upper bounds of scenario values, chosen far above any real case yet low enough that every run
 * stays finite and ends: sums and products over a horizon of {@link #MAX_HORIZON_YEARS} years stay
 * well inside the range of a double, Poisson means inside what the samplers handle, and the number
 * of scheduled steps bounded. Each is documented in docs/SCENARIO-FORMAT.md and
 * docs/scenario.schema.json.
 */
public final class Limits {
  private Limits() {}

  /** Longest horizon, years (levant-2014 spans 3.5). */
  public static final int MAX_HORIZON_YEARS = 100;

  /** Earliest and latest calendar years. */
  public static final int MIN_YEAR = 1900;

  public static final int MAX_YEAR = 2200;

  /** Inhabitants of one region (more than any country). */
  public static final double MAX_POPULATION = 2e9;

  /** Area of one region, km2 (more than the largest country, 1.7e7). */
  public static final double MAX_AREA_KM2 = 2e7;

  /** Oil capacity of one region, barrels per day (the world produces about 1e8). */
  public static final double MAX_OIL_BBL_PER_DAY = 1e8;

  /** Defensibility, morale and multipliers of effectiveness. */
  public static final double MAX_MULTIPLIER = 100;

  /** Fighters of one faction in one region, and fighters added by an intervention. */
  public static final double MAX_FIGHTERS = 1e8;

  /** Enemy fighters out of action per engaged fighter per day (levant-2014: 0.01). */
  public static final double MAX_EFFECTIVENESS = 10;

  /** People at risk in one source. */
  public static final double MAX_AT_RISK_POOL = 1e9;

  /**
   * Rates per person per year (propensities, per-capita recruitment, desertion, transmission...).
   */
  public static final double MAX_RATE_PER_YEAR = 365;

  /**
   * Elasticities to momentum (the exponent of momentum, whose range is bounded by {@link
   * #MAX_MULTIPLIER}).
   */
  public static final double MAX_ELASTICITY = 10;

  /** Durations in days: distributions' values, means and scales, memory and perception times. */
  public static final double MAX_DAYS = 36_525;

  /** Shortest combat step, days (a smaller step would only multiply events). */
  public static final double MIN_STEP_DAYS = 0.01;

  /** Longest combat step, days. */
  public static final double MAX_STEP_DAYS = 365;

  /** Log-normal mu (exp(20) = 4.9e8 days) and sigma. */
  public static final double MAX_LOG_MU = 20;

  public static final double MAX_LOG_SIGMA = 5;

  /** Gamma shape. */
  public static final double MAX_GAMMA_SHAPE = 1e6;

  /** Empirical weights and corridor weights (relative). */
  public static final double MAX_WEIGHT = 1e12;

  /** Money in USD: per-person or per-barrel amounts per day. */
  public static final double MAX_USD_PER_UNIT = 1e6;

  /** Money in USD: totals (treasury, other income per day). */
  public static final double MAX_USD = 1e13;

  /** Intake servers. */
  public static final int MAX_SERVERS = 10_000_000;

  /** Events per year: inspired plots at the start, remote-guided plots per handler. */
  public static final double MAX_EVENTS_PER_YEAR = 1e6;

  /** Momentum weights and sensitivities without a unit. */
  public static final double MAX_WEIGHT_FACTOR = 1e3;

  /** Intensity of interventions that add fighters or strikes (others are fractions). */
  public static final double MAX_INTENSITY = 1e8;

  /**
   * Most people a run may have to follow over its horizon (each departing person is its own
   * sequence of events; the event queue holds 4,194,304 at once). levant-2014's sources could send
   * about 400,000.
   */
  public static final double MAX_TRAVELLERS = 2_000_000;

  /** Longest text value (names, descriptions, notes), characters. */
  public static final int MAX_TEXT_LENGTH = 100_000;

  /**
   * Largest number of elements in one list (regions, sources, corridors, interventions, factions).
   */
  public static final int MAX_ELEMENTS = 10_000;
}
