package org.polemos.io.csv;

/** A CSV file is not well formed; the message is one line, {@code FILE:LINE: reason}. */
public final class CsvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String reason;

  public CsvException(String file, long line, String reason, Throwable cause) {
    super(file + ":" + line + ": " + reason, cause);
    this.line = line;
    this.reason = reason;
  }

  /** The line the malformed row starts on. */
  public long line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
