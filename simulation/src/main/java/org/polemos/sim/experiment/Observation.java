package org.polemos.sim.experiment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A number computed from one replication's series of one (metric, key) over a date range, to
 * compare with an observed figure.
 *
 * @param metric metric name
 * @param key metric key
 * @param aggregate how the series becomes one number
 * @param from first date of the range
 * @param to last date of the range
 */
public record Observation(
    String metric, String key, Aggregate aggregate, LocalDate from, LocalDate to) {

  /** How a series over a date range becomes one number. */
  public enum Aggregate {
    /** The value at the last sample on or before {@code to} (the first sample if none is). */
    AT_END("at-end"),
    /** The mean of the samples dated in [from, to] (the value at the end when none is). */
    MEAN("mean"),
    /**
     * The change per month (30.4375 days) over the smallest sampled window covering the range: from
     * the last sample on or before {@code from} to the first sample on or after {@code to} (the
     * last sample if none is).
     */
    CHANGE_PER_MONTH("change-per-month");

    private final String code;

    Aggregate(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The aggregate with this code, or null. */
    public static Aggregate of(String code) {
      for (Aggregate a : values()) {
        if (a.code.equals(code.toLowerCase(Locale.ROOT))) {
          return a;
        }
      }
      return null;
    }
  }

  /**
   * The number this observation gives for a series sampled at {@code dates} with {@code values}.
   */
  public double compute(List<LocalDate> dates, double[] values) {
    switch (aggregate) {
      case AT_END:
        return valueAt(dates, values, to);
      case MEAN:
        {
          double sum = 0;
          int n = 0;
          for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (!d.isBefore(from) && !d.isAfter(to) && !Double.isNaN(values[i])) {
              sum += values[i];
              n++;
            }
          }
          return n == 0 ? valueAt(dates, values, to) : sum / n;
        }
      case CHANGE_PER_MONTH:
        {
          int start = indexAtOrBefore(dates, from);
          int end = dates.size() - 1;
          for (int i = dates.size() - 1; i >= 0; i--) {
            if (!dates.get(i).isBefore(to)) {
              end = i;
            }
          }
          long days = Math.max(1, ChronoUnit.DAYS.between(dates.get(start), dates.get(end)));
          return (values[end] - values[start]) / (days / 30.4375);
        }
      default:
        throw new IllegalStateException();
    }
  }

  private static double valueAt(List<LocalDate> dates, double[] values, LocalDate date) {
    return values[indexAtOrBefore(dates, date)];
  }

  private static int indexAtOrBefore(List<LocalDate> dates, LocalDate date) {
    int best = 0;
    for (int i = 0; i < dates.size(); i++) {
      if (!dates.get(i).isAfter(date)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Distance of a simulated value to an observed interval: 0 inside [low, high], else the squared
   * relative distance to the nearer end ((s - end) / |end|, or the absolute distance when the end
   * is 0).
   */
  public static double intervalLoss(double simulated, double low, double high) {
    if (Double.isNaN(simulated)) {
      return Double.POSITIVE_INFINITY;
    }
    if (simulated >= low && simulated <= high) {
      return 0;
    }
    double end = simulated < low ? low : high;
    double scale = end == 0 ? 1 : Math.abs(end);
    double r = (simulated - end) / scale;
    return r * r;
  }
}
