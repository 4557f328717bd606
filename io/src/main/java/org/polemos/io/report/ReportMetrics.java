package org.polemos.io.report;

import java.util.Map;
import org.polemos.model.result.Metric;

/**
 * Names of the derived series the report computes from the run's rows. Observed rows named like one
 * of them (see {@code polemos import ... --as}) are overlaid on its chart.
 */
public final class ReportMetrics {
  private ReportMetrics() {}

  /**
   * Foreign recruits (men) arriving per month by source and {@code all}, from {@code
   * foreign_arrivals_men_cumulative} (the foreign-fighter inflow figures are compared with it).
   */
  public static final String INFLOW_MONTHLY = "foreign_arrivals_per_month";

  /**
   * Combat deaths per month by faction, from {@code deaths_cumulative} (see {@link #PER_MONTH}).
   */
  public static final String DEATHS_MONTHLY = "deaths_per_month";

  /** Plots executed per month by source and {@code all}, from {@code plots_executed_cumulative}. */
  public static final String PLOTS_EXECUTED_MONTHLY = "plots_executed_per_month";

  /**
   * Inspired attacks per month by source and {@code all}, from {@code inspired_attacks_cumulative}.
   */
  public static final String INSPIRED_ATTACKS_MONTHLY = "inspired_attacks_per_month";

  /** The simulated cumulative metric of inspired attacks (docs/OUTPUTS.md). */
  public static final String INSPIRED_ATTACKS_CUMULATIVE = "inspired_attacks_cumulative";

  /**
   * Per-month series derived from a cumulative metric, for every key of that metric: the value of
   * calendar month M, dated the first day of M (as {@code polemos import --by month} dates its
   * rows), is, per replication, the cumulative value at the last sample dated on or before the
   * first day of M+1 minus that at the last sample dated on or before the first day of M (0 when
   * the run starts later), then summarised over replications. A sample dated D is the state at the
   * end of D, so with a monthly step starting on the 1st the count runs from the 2nd of M to the
   * 1st of M+1 (one day late); the first and last months may be partial.
   */
  public static final Map<String, String> PER_MONTH =
      Map.of(
          INFLOW_MONTHLY, Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE,
          DEATHS_MONTHLY, Metric.DEATHS_CUMULATIVE,
          PLOTS_EXECUTED_MONTHLY, Metric.PLOTS_EXECUTED_CUMULATIVE,
          INSPIRED_ATTACKS_MONTHLY, INSPIRED_ATTACKS_CUMULATIVE);
}
