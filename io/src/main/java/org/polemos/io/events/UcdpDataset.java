package org.polemos.io.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The Uppsala Conflict Data Program Georeferenced Event Dataset (UCDP GED) CSV. */
public final class UcdpDataset implements EventDataset {
  /** UCDP Georeferenced Event Dataset CSV. */
  public static final Layout GED =
      new Layout(
          "ucdp-ged",
          "UCDP GED (id, year, type_of_violence, side_a, side_b, country, adm_1, ..., date_start, date_end, best, ...)",
          List.of(
              "id",
              "year",
              "type_of_violence",
              "side_a",
              "side_b",
              "country",
              "adm_1",
              "latitude",
              "longitude",
              "date_start",
              "date_end",
              "best",
              "date_prec"));

  private static final Map<Integer, String> VIOLENCE =
      Map.of(1, "State-based conflict", 2, "Non-state conflict", 3, "One-sided violence");

  @Override
  public String id() {
    return "ucdp";
  }

  @Override
  public String title() {
    return "Uppsala Conflict Data Program Georeferenced Event Dataset (UCDP GED) CSV";
  }

  @Override
  public List<Layout> layouts() {
    return List.of(GED);
  }

  @Override
  public List<String> examples() {
    return List.of(
        "polemos import ucdp ged.csv --by month,country --metric fatalities --out ged.csv");
  }

  @Override
  public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
    String id = row.required("id");
    LocalDate date = Fields.isoDate("date_start", row.get("date_start"));
    String code = row.get("date_prec");
    DatePrecision precision;
    if (code.isEmpty()) {
      precision = DatePrecision.DAY;
    } else {
      precision =
          switch (Fields.integer("date_prec", code)) {
            case 1 -> DatePrecision.DAY;
            case 2, 3 -> DatePrecision.WEEK;
            case 4 -> DatePrecision.MONTH;
            case 5 -> DatePrecision.YEAR;
            default ->
                throw new RowProblem(
                    RejectReason.BAD_NUMBER, "date_prec \"" + code + "\" is not 1 to 5");
          };
    }
    int violence = Fields.integer("type_of_violence", row.get("type_of_violence"));
    String type = VIOLENCE.get(violence);
    if (type == null) {
      throw new RowProblem(
          RejectReason.BAD_NUMBER, "type_of_violence \"" + violence + "\" is not 1, 2 or 3");
    }
    Double[] coordinates = row.coordinates();
    return new ConflictEvent(
        id(),
        id,
        date,
        precision,
        row.required("country"),
        Fields.text(row.get("adm_1")),
        Fields.text(row.get("where_coordinates")),
        coordinates[0],
        coordinates[1],
        Fields.text(row.get("side_a")),
        Fields.text(row.get("side_b")),
        type,
        null,
        Fields.count("best", row.get("best")),
        row.line());
  }
}
