package org.polemos.model.result;

import java.time.LocalDate;

/**
 * One value of one simulated series at one sample date: a row of {@code series.csv} ({@code
 * replication,date,metric,key,value}).
 *
 * @param replication replication index, from 0
 * @param date sample date
 * @param metric metric name, one of {@link Metric} or one a developer adds
 * @param key faction, source, corridor, region or stream id; empty where the metric has none
 * @param value the value
 */
public record SeriesRow(int replication, LocalDate date, String metric, String key, double value) {

  public SeriesRow {
    key = key == null ? "" : key;
  }
}
