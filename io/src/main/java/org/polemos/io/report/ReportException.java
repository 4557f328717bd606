package org.polemos.io.report;

/**
 * A run directory or input file the report cannot use; the message is one line meant for the user.
 */
public final class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
