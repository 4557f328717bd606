package org.polemos.examples.reintegration;

import java.util.List;
import org.polemos.io.events.ConflictEvent;
import org.polemos.io.events.DatePrecision;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventRow;
import org.polemos.io.events.Fields;
import org.polemos.io.events.Layout;
import org.polemos.io.events.RejectReason;
import org.polemos.io.events.RowProblem;

/**
 * The extension's event dataset, registered in {@code
 * META-INF/services/org.polemos.io.events.EventDataset}: published reports of reintegration
 * programmes (one row per report: an id, the publication date, the country), so that {@code polemos
 * import reintegration-reports FILE --by month,country} counts reports per month and country as an
 * observed series beside the {@code reintegration} metric. The bundled example file
 * (data/reintegration-reports-example.csv) is synthetic: it exercises the importer and holds no
 * real figures.
 */
public final class ProgrammeReports implements EventDataset {
  /** The id on the command line and in each event's dataset field. */
  public static final String ID = "reintegration-reports";

  private static final Layout V1 =
      new Layout(
          "reports-v1",
          "programme reports (report_id, published, country)",
          List.of("report_id", "published", "country"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Reintegration programme reports (the example extension's dataset)";
  }

  @Override
  public List<Layout> layouts() {
    return List.of(V1);
  }

  @Override
  public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
    return new ConflictEvent(
        ID,
        row.required("report_id"),
        Fields.isoDate("published", row.get("published")),
        DatePrecision.DAY,
        row.required("country"),
        null,
        null,
        null,
        null,
        null,
        null,
        "programme report",
        null,
        null,
        row.line());
  }

  @Override
  public String expected(RejectReason reason, Layout layout) {
    return reason == RejectReason.BAD_DATE ? "published as yyyy-mm-dd" : "";
  }

  @Override
  public List<String> examples() {
    return List.of(
        "polemos import reintegration-reports data/reintegration-reports-example.csv"
            + " --by month,country --out reports-observed.csv");
  }
}
