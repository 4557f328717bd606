package org.polemos.io.report;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 line (no embedded line breaks) into fields; quotes are removed and doubled quotes undone. */
final class CsvLine {
  private CsvLine() {
  }

  /** The fields of {@code line}; throws {@link IllegalArgumentException} on an unterminated quote. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    fields.add(field.toString());
    return fields;
  }

  /** A number written by the project's CSV writers ("NaN", "Inf" and "-Inf" included). */
  static double number(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
