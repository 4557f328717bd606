package org.polemos.io.events;

/**
 * A data row that cannot be used: carries the reject reason and a short explanation naming the
 * column, the value and what was expected. No stack trace. Thrown by {@link EventDataset#map} and
 * the {@link Fields} parsers.
 */
public final class RowProblem extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  public RowProblem(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
