package org.polemos.io.text;

/**
 * Text made safe to print on a terminal in one line: control characters (line breaks, tab, NUL,
 * ESC, DEL and the C1 range) and Unicode line or paragraph separators are written as visible
 * escapes ({@code \n}, {@code \t}, {@code \x1B}, {@code \u2028}), so that an id or a file name
 * cannot split a one-line error or send escape sequences to the user's terminal.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every control character escaped; null becomes "null". */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !control(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!control(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x100) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean control(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
  }
}
