package org.polemos.io.events;

/** A data row that cannot be used: carries the reject reason and a short explanation. No stack trace. */
final class RowProblem extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  RowProblem(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }
}
