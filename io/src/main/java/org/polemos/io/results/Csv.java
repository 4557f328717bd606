package org.polemos.io.results;

/** RFC 4180 field encoding and the number format shared by every CSV the project writes. */
public final class Csv {
  private Csv() {}

  /** A plain decimal number, which a spreadsheet reads as a number and never as a formula. */
  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /**
   * The field, quoted when it contains a comma, quote, CR or LF (quotes doubled). Spreadsheet-safe:
   * a text that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code
   * -}, {@code @}, a tab or a CR, and is not a plain number) is written with a leading apostrophe,
   * {@code '=1+1}, which spreadsheets show as text (docs/OUTPUTS.md). Numbers stay numbers: {@code
   * -5} and {@code +1e3} are written as they are.
   */
  public static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (formulaLike(value)) {
      value = "'" + value;
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
   * Whether a spreadsheet would take {@code value} for a formula ({@link #field} neutralises it).
   */
  public static boolean formulaLike(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    char c = value.charAt(0);
    return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
        && !PLAIN_NUMBER.matcher(value).matches();
  }

  /**
   * A number as text: whole numbers without a fraction ("1200"), others in Java's shortest
   * round-trip form, "NaN"/"Inf"/"-Inf" for non-finite values. The same value always gives the same
   * bytes.
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

  /**
   * Splits one CSV record (RFC 4180 quoting; a quoted field may hold line breaks) into fields, with
   * Jackson CSV.
   */
  public static java.util.List<String> parseLine(String line) {
    return CsvTable.parse(line);
  }

  /** Parses a number written by {@link #number(double)} ("NaN", "Inf", "-Inf" included). */
  public static double parseNumber(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(text);
    }
  }
}
