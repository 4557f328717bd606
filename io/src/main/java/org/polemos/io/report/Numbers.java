package org.polemos.io.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for people: thousands separators, millions and billions spelled short. */
public final class Numbers {
  private Numbers() {}

  /**
   * A value for tables and tooltips: "12,345", "1.25", "3.4 M", "1.20 bn"; "n/a" when not finite.
   */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 1e9) {
      return pattern("#,##0.00").format(value / 1e9) + " bn";
    }
    if (abs >= 1e7) {
      return pattern("#,##0.0").format(value / 1e6) + " M";
    }
    if (abs >= 100) {
      return pattern("#,##0").format(value);
    }
    if (abs >= 1) {
      return pattern("#,##0.#").format(value);
    }
    return pattern("0.###").format(value);
  }

  /** "low" or "low-high". */
  static String range(double low, double high) {
    return low == high ? format(low) : format(low) + "\u2013" + format(high);
  }

  /** An axis tick label with as many decimals as the tick step needs. */
  static String tick(double value, double step) {
    if (Math.abs(value) < step * 1e-6) {
      value = 0;
    }
    double top = Math.max(Math.abs(value), step);
    if (top >= 1e9) {
      return pattern(decimals(step / 1e9)).format(value / 1e9) + " bn";
    }
    if (top >= 1e7) {
      return pattern(decimals(step / 1e6)).format(value / 1e6) + " M";
    }
    return pattern(decimals(step)).format(value);
  }

  private static String decimals(double step) {
    int decimals = 0;
    while (decimals < 6
        && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
            > 1e-6) {
      decimals++;
    }
    return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
  }

  private static DecimalFormat pattern(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
  }
}
