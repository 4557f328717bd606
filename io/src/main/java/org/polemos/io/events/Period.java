package org.polemos.io.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The period events are counted over; a period is dated by its first day (weeks start on Monday,
 * ISO 8601).
 */
public enum Period {
  DAY(DatePrecision.DAY),
  WEEK(DatePrecision.WEEK),
  MONTH(DatePrecision.MONTH),
  YEAR(DatePrecision.YEAR);

  private final DatePrecision precision;

  Period(DatePrecision precision) {
    this.precision = precision;
  }

  /** The first day of the period containing {@code date}. */
  public LocalDate start(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  /** The first day of the period after the one starting on {@code start}. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case YEAR -> start.plusYears(1);
    };
  }

  /**
   * The date precision a period of this length needs: events known less precisely are "coarser".
   */
  public DatePrecision precision() {
    return precision;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
