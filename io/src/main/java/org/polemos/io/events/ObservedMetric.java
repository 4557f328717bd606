package org.polemos.io.events;

import java.util.Locale;

/** What is counted per period and key. */
public enum ObservedMetric {
  /** Number of events. */
  EVENTS("observed_events"),
  /**
   * Sum of the known fatalities (events with unknown fatalities add nothing; the summary counts
   * them).
   */
  FATALITIES("observed_fatalities");

  private final String metric;

  ObservedMetric(String metric) {
    this.metric = metric;
  }

  /** The metric name written to the series file. */
  public String metric() {
    return metric;
  }

  /** The name used in {@code --metric} ({@code events}, {@code fatalities}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
