package org.polemos.io.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An observed value to overlay on the simulated series {@code metric}/{@code key}: a range {@code
 * low..high} (equal for a single value) reported for the dates {@code from..to}, drawn at the
 * middle of that period.
 *
 * @param metric simulated metric it matches (docs/OUTPUTS.md), or {@link
 *     ReportMetrics#INFLOW_MONTHLY}
 * @param key key it matches
 * @param from first date of the reporting period
 * @param to last date of the reporting period
 * @param low lower end of the reported range, in the simulated metric's unit
 * @param high upper end
 * @param source who reported it
 * @param note how it was converted, or empty
 */
public record ObservedPoint(
    String metric,
    String key,
    LocalDate from,
    LocalDate to,
    double low,
    double high,
    String source,
    String note) {

  public ObservedPoint {
    key = key == null ? "" : key;
    note = note == null ? "" : note;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
    }
    if (high < low) {
      double swap = low;
      low = high;
      high = swap;
    }
  }

  /** The middle of the reporting period, where the point is drawn. */
  public LocalDate midpoint() {
    return from.plusDays(ChronoUnit.DAYS.between(from, to) / 2);
  }
}
