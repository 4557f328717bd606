package org.polemos.cli;

import java.util.List;
import org.polemos.io.events.ConflictEvent;
import org.polemos.io.events.DatePrecision;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventRow;
import org.polemos.io.events.Fields;
import org.polemos.io.events.Layout;
import org.polemos.io.events.RowProblem;

/** A dataset from outside the io module, registered in the test class path's service file. */
public final class ToyEventDataset implements EventDataset {
  static final String TITLE = "a toy dataset registered by the tests";

  @Override
  public String id() {
    return "toy";
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public List<Layout> layouts() {
    return List.of(
        new Layout("toy-v1", "toy export (uid, day, nation)", List.of("uid", "day", "nation")));
  }

  @Override
  public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
    return new ConflictEvent(
        id(),
        row.required("uid"),
        Fields.isoDate("day", row.get("day")),
        DatePrecision.DAY,
        row.required("nation"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        row.line());
  }
}
