package org.polemos.io.events;

import java.time.LocalDate;
import java.util.List;

/** The Global Terrorism Database (START), globalterrorismdb CSV export. */
public final class GtdDataset implements EventDataset {
  /** GTD globalterrorismdb export (135 columns). */
  public static final Layout LAYOUT =
      new Layout(
          "gtd",
          "GTD globalterrorismdb export (eventid, iyear, imonth, iday, ..., 135 columns)",
          List.of(
              "eventid",
              "iyear",
              "imonth",
              "iday",
              "country_txt",
              "provstate",
              "city",
              "latitude",
              "longitude",
              "attacktype1_txt",
              "gname",
              "nkill"));

  @Override
  public String id() {
    return "gtd";
  }

  @Override
  public String title() {
    return "Global Terrorism Database (START), globalterrorismdb export (135 columns)";
  }

  @Override
  public List<Layout> layouts() {
    return List.of(LAYOUT);
  }

  @Override
  public List<String> examples() {
    return List.of(
        "polemos import gtd globalterrorismdb.csv --by year,country --metric events,fatalities"
            + " --out gtd-observed.csv");
  }

  @Override
  public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
    String id = row.required("eventid");
    int year = Fields.integer("iyear", row.get("iyear"));
    int month = Fields.integer("imonth", row.get("imonth"));
    int day = Fields.integer("iday", row.get("iday"));
    LocalDate date;
    DatePrecision precision;
    if (month == 0) {
      date = Fields.date("iyear " + year, year, 1, 1);
      precision = DatePrecision.YEAR;
    } else if (day == 0) {
      date = Fields.date("iyear/imonth " + year + "/" + month, year, month, 1);
      precision = DatePrecision.MONTH;
    } else {
      date = Fields.date("iyear/imonth/iday " + year + "/" + month + "/" + day, year, month, day);
      precision = DatePrecision.DAY;
    }
    Integer nkill = Fields.optionalInteger("nkill", row.get("nkill"));
    if (nkill != null && (nkill == -9 || nkill == -99)) {
      nkill = null;
    } else if (nkill != null && nkill < 0) {
      throw new RowProblem(
          RejectReason.BAD_NUMBER, "nkill \"" + row.get("nkill") + "\" is negative");
    }
    Double[] coordinates = row.coordinates();
    return new ConflictEvent(
        id(),
        id,
        date,
        precision,
        row.required("country_txt"),
        Fields.text(row.get("provstate")),
        Fields.text(row.get("city")),
        coordinates[0],
        coordinates[1],
        Fields.text(row.get("gname")),
        null,
        Fields.text(row.get("attacktype1_txt")),
        null,
        nkill,
        row.line());
  }
}
