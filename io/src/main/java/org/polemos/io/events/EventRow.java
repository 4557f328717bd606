package org.polemos.io.events;

import java.util.List;
import java.util.Map;

/**
 * One data row as {@link EventDataset#map} sees it: values looked up by column name
 * (case-insensitive), trimmed; a column the header lacks reads as empty.
 */
public final class EventRow {
  private final Map<String, Integer> columns;
  private final List<String> fields;
  private final long line;

  EventRow(Map<String, Integer> columns, List<String> fields, long line) {
    this.columns = columns;
    this.fields = fields;
    this.line = line;
  }

  /** The trimmed value of {@code column}, empty when the column is absent or blank. */
  public String get(String column) {
    Integer index = columns.get(Layout.norm(column));
    return index == null ? "" : fields.get(index).strip();
  }

  /** The value of {@code column}; a {@link RejectReason#MISSING_VALUE} problem when it is empty. */
  public String required(String column) throws RowProblem {
    String value = get(column);
    if (value.isEmpty()) {
      throw new RowProblem(RejectReason.MISSING_VALUE, column + " is empty");
    }
    return value;
  }

  /** The 1-based line of the file on which the record starts. */
  public long line() {
    return line;
  }

  /**
   * Latitude and longitude ({@code latitude}, {@code longitude} columns); both null when either is
   * missing or out of range (counted in the report as dropped coordinates, not a rejection).
   */
  public Double[] coordinates() throws RowProblem {
    Double latitude = Fields.decimal("latitude", get("latitude"));
    Double longitude = Fields.decimal("longitude", get("longitude"));
    if (latitude == null
        || longitude == null
        || Math.abs(latitude) > 90
        || Math.abs(longitude) > 180) {
      return new Double[] {null, null};
    }
    return new Double[] {latitude, longitude};
  }
}
