package org.polemos.io.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parsing of the field values the sources use, for {@link EventDataset} implementations; every
 * failure is a {@link RowProblem} naming the column.
 */
public final class Fields {
  private Fields() {}

  /**
   * An ISO date, optionally followed by a time ({@code 2017-01-01 00:00:00.000}), as UCDP writes
   * them.
   */
  public static LocalDate isoDate(String column, String value) throws RowProblem {
    if (value.isEmpty()) {
      throw new RowProblem(RejectReason.BAD_DATE, column + " is empty");
    }
    String date =
        value.length() > 10 && (value.charAt(10) == ' ' || value.charAt(10) == 'T')
            ? value.substring(0, 10)
            : value;
    try {
      return LocalDate.parse(date, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new RowProblem(
          RejectReason.BAD_DATE, column + " \"" + value + "\" is not a date (YYYY-MM-DD)");
    }
  }

  public static LocalDate date(String what, int year, int month, int day) throws RowProblem {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new RowProblem(RejectReason.BAD_DATE, what + " is not a valid date");
    }
  }

  /** A whole number; "12.0" is accepted (spreadsheets write counts so). */
  public static int integer(String column, String value) throws RowProblem {
    if (value.isEmpty()) {
      throw new RowProblem(RejectReason.BAD_NUMBER, column + " is empty");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(value);
        if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
          return (int) d;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new RowProblem(
          RejectReason.BAD_NUMBER, column + " \"" + value + "\" is not a whole number");
    }
  }

  /** A whole number, or null when empty. */
  public static Integer optionalInteger(String column, String value) throws RowProblem {
    return value.isEmpty() ? null : integer(column, value);
  }

  /** A non-negative count, or null when empty. */
  public static Integer count(String column, String value) throws RowProblem {
    Integer n = optionalInteger(column, value);
    if (n != null && n < 0) {
      throw new RowProblem(RejectReason.BAD_NUMBER, column + " \"" + value + "\" is negative");
    }
    return n;
  }

  /** A decimal number, or null when empty. */
  public static Double decimal(String column, String value) throws RowProblem {
    if (value.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RowProblem(RejectReason.BAD_NUMBER, column + " \"" + value + "\" is not a number");
    }
  }

  /** {@code value}, or null when empty. */
  public static String text(String value) {
    return value.isEmpty() ? null : value;
  }
}
