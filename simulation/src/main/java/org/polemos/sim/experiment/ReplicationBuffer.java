package org.polemos.sim.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.RunListener;

/**
 * Holds the complete output of one replication in compact parallel arrays, so replications run on
 * worker threads can be handed on in index order whatever order they finish in.
 */
public final class ReplicationBuffer implements RunListener {
  private LocalDate[] dates = new LocalDate[1024];
  private String[] metrics = new String[1024];
  private String[] keys = new String[1024];
  private double[] values = new double[1024];
  private int size;
  private final List<EventRecord> events = new ArrayList<>();
  private final int replication;

  public ReplicationBuffer(int replication) {
    this.replication = replication;
  }

  public int replication() {
    return replication;
  }

  /** Number of series rows held. */
  public int rows() {
    return size;
  }

  @Override
  public void series(int replication, LocalDate date, String metric, String key, double value) {
    if (replication != this.replication) {
      throw new IllegalArgumentException(
          "buffer of replication " + this.replication + " got a row of replication " + replication);
    }
    if (size == values.length) {
      int capacity = size * 2;
      dates = Arrays.copyOf(dates, capacity);
      metrics = Arrays.copyOf(metrics, capacity);
      keys = Arrays.copyOf(keys, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    dates[size] = date;
    metrics[size] = metric;
    keys[size] = key;
    values[size] = value;
    size++;
  }

  @Override
  public void event(EventRecord event) {
    events.add(event);
  }

  /** Sends every row, then every event, to {@code target} in the order they were recorded. */
  public void replay(RunListener target) {
    for (int i = 0; i < size; i++) {
      target.series(replication, dates[i], metrics[i], keys[i], values[i]);
    }
    for (EventRecord event : events) {
      target.event(event);
    }
  }
}
