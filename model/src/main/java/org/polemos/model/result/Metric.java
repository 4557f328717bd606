package org.polemos.model.result;

/**
 * The metric names every run writes (see docs/OUTPUTS.md). Keys are faction, source, corridor,
 * region or stream ids; "all" where a total is given beside the parts.
 */
public final class Metric {
  private Metric() {}

  /** Key for totals across sources. */
  public static final String ALL = "all";

  public static final String TERRITORY_KM2 = "territory_km2";
  public static final String POPULATION_HELD = "population_held";
  public static final String FIGHTERS = "fighters";
  public static final String FOREIGN_FIGHTERS_SERVING = "foreign_fighters_serving";

  /**
   * Everyone who crossed into the organisation's territory (the recruits, and the women and minors
   * who came with them), cumulative; keys source ids and all.
   */
  public static final String FOREIGN_ARRIVALS_CUMULATIVE = "foreign_arrivals_cumulative";

  /**
   * The recruits (men: fighters, support staff, operatives) who crossed into the organisation's
   * territory, cumulative; keys source ids and all. The foreign-fighter figures are compared to it.
   */
  public static final String FOREIGN_ARRIVALS_MEN_CUMULATIVE = "foreign_arrivals_men_cumulative";

  public static final String DEPARTURES_CUMULATIVE = "departures_cumulative";
  public static final String INTERDICTED_CUMULATIVE = "interdicted_cumulative";
  public static final String INTAKE_QUEUE_LENGTH = "intake_queue_length";
  public static final String DEATHS_CUMULATIVE = "deaths_cumulative";
  public static final String DESERTED_CUMULATIVE = "deserted_cumulative";

  /** Everyone who went home from the organisation (men, women, minors), cumulative. */
  public static final String RETURNEES_CUMULATIVE = "returnees_cumulative";

  public static final String REVENUE_USD = "revenue_usd";
  public static final String TREASURY_USD = "treasury_usd";
  public static final String OPERATIVES_DISPATCHED_CUMULATIVE = "operatives_dispatched_cumulative";
  public static final String PLOTS_FOILED_CUMULATIVE = "plots_foiled_cumulative";
  public static final String PLOTS_EXECUTED_CUMULATIVE = "plots_executed_cumulative";
  public static final String MOMENTUM = "momentum";
  public static final String MOMENTUM_PERCEIVED = "momentum_perceived";
}
