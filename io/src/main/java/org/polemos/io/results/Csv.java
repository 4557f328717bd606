package org.polemos.io.results;

/** RFC 4180 field encoding and the number format shared by every CSV the project writes. */
public final class Csv {
  private Csv() {
  }

  /** The field, quoted when it contains a comma, quote, CR or LF (quotes doubled). */
  public static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * A number as text: whole numbers without a fraction ("1200"), others in Java's shortest round-trip form,
   * "NaN"/"Inf"/"-Inf" for non-finite values. The same value always gives the same bytes.
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
