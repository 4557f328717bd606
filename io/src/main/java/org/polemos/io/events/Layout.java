package org.polemos.io.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV layout an importer understands, recognised from the header: the first layout of the dataset (in
 * declaration order, most specific first) whose required columns are all present, spelt exactly (case matters:
 * it tells the old uppercase ACLED export from the lowercase ones). Other columns are ignored; columns may come in
 * any order.
 */
public enum Layout {
  /** GTD globalterrorismdb export (135 columns). */
  GTD(Dataset.GTD, "gtd", "GTD globalterrorismdb export (eventid, iyear, imonth, iday, ..., 135 columns)",
      List.of("eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city", "latitude", "longitude",
          "attacktype1_txt", "gname", "nkill")),
  /** The current ACLED export (event_id_cnty, event_date YYYY-MM-DD, ..., disorder_type, ..., tags, timestamp). */
  ACLED_CURRENT(Dataset.ACLED, "acled-current",
      "current ACLED export (event_id_cnty, event_date, year, time_precision, disorder_type, ..., tags, timestamp)",
      List.of("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
          "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
          "fatalities")),
  /** The 31-column ACLED export (data_id, iso, event_id_cnty, ..., timestamp, iso3), dates like 9-May-20. */
  ACLED_31COL(Dataset.ACLED, "acled-31col",
      "31-column ACLED export (data_id, iso, event_id_cnty, ..., fatalities, timestamp, iso3)",
      List.of("data_id", "iso", "event_id_cnty", "event_date", "year", "time_precision", "event_type",
          "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
          "fatalities", "iso3")),
  /** ACLED version 6 with lowercase column names, usually with a leading unnamed (pandas) index column. */
  ACLED_V6_LOWERCASE(Dataset.ACLED, "acled-v6-lowercase",
      "ACLED version 6, lowercase columns (gwno, event_id_cnty, ..., ally_actor_1, ...), optional leading index column",
      List.of("gwno", "event_id_cnty", "event_date", "year", "time_precision", "event_type", "actor1", "actor2",
          "ally_actor_1", "country", "admin1", "location", "latitude", "longitude", "fatalities")),
  /** ACLED version 6 with the original uppercase column names. */
  ACLED_V6_UPPERCASE(Dataset.ACLED, "acled-v6-uppercase",
      "ACLED version 6, uppercase columns (GWNO, EVENT_ID_CNTY, EVENT_DATE, ..., FATALITIES)",
      List.of("GWNO", "EVENT_ID_CNTY", "EVENT_DATE", "YEAR", "TIME_PRECISION", "EVENT_TYPE", "ACTOR1", "ACTOR2",
          "ALLY_ACTOR_1", "COUNTRY", "ADMIN1", "LOCATION", "LATITUDE", "LONGITUDE", "FATALITIES")),
  /** UCDP Georeferenced Event Dataset CSV. */
  UCDP_GED(Dataset.UCDP, "ucdp-ged",
      "UCDP GED (id, year, type_of_violence, side_a, side_b, country, adm_1, ..., date_start, date_end, best, ...)",
      List.of("id", "year", "type_of_violence", "side_a", "side_b", "country", "adm_1", "latitude", "longitude",
          "date_start", "date_end", "best", "date_prec"));

  private final Dataset dataset;
  private final String id;
  private final String description;
  private final List<String> required;

  Layout(Dataset dataset, String id, String description, List<String> required) {
    this.dataset = dataset;
    this.id = id;
    this.description = description;
    this.required = required;
  }

  public Dataset dataset() {
    return dataset;
  }

  /** Short name, as printed in the report ({@code acled-31col}). */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The columns that must all be present for this layout to be detected. */
  public List<String> required() {
    return required;
  }

  /** The required columns {@code header} lacks, in the layout's order. */
  public List<String> missing(Collection<String> header) {
    Set<String> present = Set.copyOf(header);
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!present.contains(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  /** The layouts of {@code dataset}, in detection order. */
  public static List<Layout> of(Dataset dataset) {
    List<Layout> layouts = new ArrayList<>();
    for (Layout layout : values()) {
      if (layout.dataset == dataset) {
        layouts.add(layout);
      }
    }
    return layouts;
  }

  /** The first layout of {@code dataset} whose required columns {@code header} all has, or null. */
  public static Layout detect(Dataset dataset, Collection<String> header) {
    for (Layout layout : of(dataset)) {
      if (layout.missing(header).isEmpty()) {
        return layout;
      }
    }
    return null;
  }

  /** The lower-case form used to look columns up once the layout is known. */
  static String norm(String column) {
    return column.toLowerCase(Locale.ROOT);
  }
}
