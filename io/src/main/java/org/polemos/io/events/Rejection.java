package org.polemos.io.events;

/**
 * One rejected row.
 *
 * @param line the 1-based line of the file on which the record starts
 * @param reason why it was rejected
 * @param detail a short human explanation naming the column and value
 * @param excerpt the record's fields re-encoded as CSV, cut to {@link #MAX_EXCERPT} characters
 */
public record Rejection(long line, RejectReason reason, String detail, String excerpt) {
  /** The longest excerpt kept. */
  public static final int MAX_EXCERPT = 200;
}
