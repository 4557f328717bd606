package org.polemos.io.events;

/**
 * How precisely the source knows an event's date. {@link ConflictEvent#date()} is the source's
 * nominal date: for the GTD the first day of the known month or year (imonth/iday 0); for ACLED the
 * coded {@code event_date} (for precision 2 and 3 a day within the week or month); for UCDP {@code
 * date_start}.
 */
public enum DatePrecision {
  /** The day is known. */
  DAY,
  /**
   * Only the week (or a span of a few days) is known: ACLED time_precision 2, UCDP date_prec 2 and
   * 3.
   */
  WEEK,
  /** Only the month is known: GTD iday 0, ACLED time_precision 3, UCDP date_prec 4. */
  MONTH,
  /** Only the year is known: GTD imonth 0, UCDP date_prec 5. */
  YEAR;

  /**
   * Whether this precision is coarser than {@code other} (YEAR is coarser than MONTH, and so on).
   */
  public boolean coarserThan(DatePrecision other) {
    return ordinal() > other.ordinal();
  }
}
