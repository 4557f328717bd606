package org.polemos.io.events;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Armed Conflict Location and Event Data (ACLED) CSV exports, in the four layouts ACLED has
 * published, and every date layout those exports use ({@link #DATE_EXAMPLES}).
 */
public final class AcledDataset implements EventDataset {
  /**
   * The current ACLED export (event_id_cnty, event_date YYYY-MM-DD, ..., disorder_type, ..., tags,
   * timestamp).
   */
  public static final Layout CURRENT =
      new Layout(
          "acled-current",
          "current ACLED export (event_id_cnty, event_date, year, time_precision, disorder_type, ..., tags, timestamp)",
          List.of(
              "event_id_cnty",
              "event_date",
              "year",
              "time_precision",
              "disorder_type",
              "event_type",
              "sub_event_type",
              "actor1",
              "actor2",
              "country",
              "admin1",
              "location",
              "latitude",
              "longitude",
              "fatalities"));

  /**
   * The 31-column ACLED export (data_id, iso, event_id_cnty, ..., timestamp, iso3), dates like
   * 9-May-20.
   */
  public static final Layout COLUMNS_31 =
      new Layout(
          "acled-31col",
          "31-column ACLED export (data_id, iso, event_id_cnty, ..., fatalities, timestamp, iso3)",
          List.of(
              "data_id",
              "iso",
              "event_id_cnty",
              "event_date",
              "year",
              "time_precision",
              "event_type",
              "sub_event_type",
              "actor1",
              "actor2",
              "country",
              "admin1",
              "location",
              "latitude",
              "longitude",
              "fatalities",
              "iso3"));

  /**
   * ACLED version 6 with lowercase column names, usually with a leading unnamed (pandas) index
   * column.
   */
  public static final Layout V6_LOWERCASE =
      new Layout(
          "acled-v6-lowercase",
          "ACLED version 6, lowercase columns (gwno, event_id_cnty, ..., ally_actor_1, ...), optional leading index column",
          List.of(
              "gwno",
              "event_id_cnty",
              "event_date",
              "year",
              "time_precision",
              "event_type",
              "actor1",
              "actor2",
              "ally_actor_1",
              "country",
              "admin1",
              "location",
              "latitude",
              "longitude",
              "fatalities"));

  /** ACLED version 6 with the original uppercase column names. */
  public static final Layout V6_UPPERCASE =
      new Layout(
          "acled-v6-uppercase",
          "ACLED version 6, uppercase columns (GWNO, EVENT_ID_CNTY, EVENT_DATE, ..., FATALITIES)",
          List.of(
              "GWNO",
              "EVENT_ID_CNTY",
              "EVENT_DATE",
              "YEAR",
              "TIME_PRECISION",
              "EVENT_TYPE",
              "ACTOR1",
              "ACTOR2",
              "ALLY_ACTOR_1",
              "COUNTRY",
              "ADMIN1",
              "LOCATION",
              "LATITUDE",
              "LONGITUDE",
              "FATALITIES"));

  /**
   * The date layouts ACLED exports have used, accepted in every layout (a file is not assumed to
   * keep one): ISO, day-month-year with abbreviated or full English month names separated by
   * hyphens or spaces, and day-first numeric, each with four- or two-digit years (two-digit years
   * read as 1950-2049). Month names are case-insensitive.
   */
  public static final List<String> DATE_EXAMPLES =
      List.of(
          "2015-01-31",
          "31-Jan-2015",
          "31-Jan-15",
          "31-January-2015",
          "31-January-15",
          "31 Jan 2015",
          "31 Jan 15",
          "31 January 2015",
          "31 January 15",
          "31/01/2015",
          "31/01/15");

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          dayMonthYear("d-MMM-", false),
          dayMonthYear("d-MMM-", true),
          dayMonthYear("d-MMMM-", false),
          dayMonthYear("d-MMMM-", true),
          dayMonthYear("d MMM ", false),
          dayMonthYear("d MMM ", true),
          dayMonthYear("d MMMM ", false),
          dayMonthYear("d MMMM ", true),
          dayMonthYear("d/M/", false),
          dayMonthYear("d/M/", true));

  private static DateTimeFormatter dayMonthYear(String dayMonth, boolean twoDigitYear) {
    DateTimeFormatterBuilder builder =
        new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(dayMonth);
    if (twoDigitYear) {
      builder.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
    } else {
      builder.appendValue(ChronoField.YEAR, 4);
    }
    return builder
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT)
        .withChronology(IsoChronology.INSTANCE);
  }

  @Override
  public String id() {
    return "acled";
  }

  @Override
  public String title() {
    return "Armed Conflict Location and Event Data (ACLED): current, 31-column and version 6 (upper- or lowercase)"
        + " exports";
  }

  @Override
  public List<Layout> layouts() {
    return List.of(CURRENT, COLUMNS_31, V6_LOWERCASE, V6_UPPERCASE);
  }

  @Override
  public List<String> examples() {
    return List.of(
        "polemos import acled acled.csv --by month,country --actor \"Islamic State\" --out observed.csv",
        "polemos import acled acled.csv --by month --actor \"Islamic State\" --metric fatalities"
            + " --as deaths_per_month --key islamic-state --out observed.csv");
  }

  /** An ACLED {@code event_date} in any of the layouts of {@link #DATE_EXAMPLES}. */
  static LocalDate date(String column, String value) throws RowProblem {
    if (value.isEmpty()) {
      throw new RowProblem(RejectReason.BAD_DATE, column + " is empty");
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(value, format);
      } catch (DateTimeParseException e) {
        // try the next layout
      }
    }
    throw new RowProblem(
        RejectReason.BAD_DATE, column + " \"" + value + "\" is not a date in an ACLED layout");
  }

  @Override
  public String expected(RejectReason reason, Layout layout) {
    return reason == RejectReason.BAD_DATE
        ? "event_date in one of the layouts " + String.join(", ", DATE_EXAMPLES)
        : "";
  }

  @Override
  public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
    String id = row.get("event_id_cnty");
    if (id.isEmpty()) {
      id = row.get("data_id");
    }
    if (id.isEmpty()) {
      throw new RowProblem(RejectReason.MISSING_VALUE, "event_id_cnty is empty");
    }
    LocalDate date = date("event_date", row.get("event_date"));
    DatePrecision precision;
    String code = row.get("time_precision");
    if (code.isEmpty()) {
      precision = DatePrecision.DAY;
    } else {
      precision =
          switch (Fields.integer("time_precision", code)) {
            case 1 -> DatePrecision.DAY;
            case 2 -> DatePrecision.WEEK;
            case 3 -> DatePrecision.MONTH;
            default ->
                throw new RowProblem(
                    RejectReason.BAD_NUMBER, "time_precision \"" + code + "\" is not 1, 2 or 3");
          };
    }
    Double[] coordinates = row.coordinates();
    return new ConflictEvent(
        id(),
        id,
        date,
        precision,
        row.required("country"),
        Fields.text(row.get("admin1")),
        Fields.text(row.get("location")),
        coordinates[0],
        coordinates[1],
        Fields.text(row.get("actor1")),
        Fields.text(row.get("actor2")),
        Fields.text(row.get("event_type")),
        Fields.text(row.get("sub_event_type")),
        Fields.count("fatalities", row.get("fatalities")),
        row.line());
  }
}
