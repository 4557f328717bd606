package org.polemos.io.report;

/** Names of the derived series the report computes from the run's rows. */
public final class ReportMetrics {
  private ReportMetrics() {
  }

  /**
   * Foreign arrivals per calendar month, key {@code all}: per replication, the cumulative arrivals at the last
   * sample of a month minus those at the last sample of the month before.
   */
  public static final String INFLOW_MONTHLY = "foreign_arrivals_per_month";
}
