package org.polemos.io.events;

import java.util.Locale;

/**
 * Why a data row was rejected (written to the rejects file, counted in the {@link ImportReport}).
 */
public enum RejectReason {
  /** The row has more or fewer fields than the header. */
  WRONG_COLUMN_COUNT,
  /** A date field is missing or cannot be parsed, or names a day that does not exist. */
  BAD_DATE,
  /** A numeric field (count, code, coordinate) cannot be parsed. */
  BAD_NUMBER,
  /** A field every event needs (id, country) is empty. */
  MISSING_VALUE,
  /** The file ends inside a quoted field: the last record is truncated. */
  TRUNCATED_RECORD,
  /** The record breaks CSV quoting rules (for example text after a closing quote). */
  MALFORMED_CSV;

  /** The code written to the rejects file ({@code wrong_column_count}, ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
