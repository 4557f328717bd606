package org.polemos.io.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.polemos.io.results.SeriesCsvWriter;

/**
 * Counts events into observed series: per period (dated by its first day) and key (the group
 * fields' values joined by {@code |}), the number of events and the sum of their known fatalities.
 * Memory holds one cell per (period, key) that has events, never the events themselves.
 *
 * <p>The series are written in the project's tidy layout {@code replication,date,metric,key,value}
 * with replication {@value #REPLICATION} and metrics {@code observed_events} / {@code
 * observed_fatalities}, so that they sit beside simulated series; {@link Aggregation#metricName()}
 * and {@link Aggregation#key()} rename the metric and fix the key so that the rows match a
 * simulated series of the report. Unless {@link Aggregation#sparse()}, every key seen gets a row
 * for every period from the first to the last (or over {@code --from}..{@code --to} when given),
 * zero where nothing happened. Rows are ordered by date, then metric, then key.
 */
public final class EventAggregator implements Consumer<ConflictEvent> {
  /** The replication index observed series carry. */
  public static final int REPLICATION = 0;

  /**
   * What the aggregation did.
   *
   * @param matched events that passed the filters and were counted
   * @param filteredOut events the filters (actor, event type, dates) left out
   * @param coarserThanPeriod counted events whose date is known less precisely than the period
   *     (counted in the period holding their nominal date)
   * @param unknownFatalities counted events whose fatalities are unknown (they add 0 to
   *     observed_fatalities)
   * @param keys distinct keys
   * @param rows rows written (0 before {@link #write})
   */
  public record Summary(
      long matched,
      long filteredOut,
      long coarserThanPeriod,
      long unknownFatalities,
      int keys,
      long rows) {

    /** One line, as printed by the command line. */
    public String format() {
      return "counted "
          + matched
          + " events ("
          + filteredOut
          + " filtered out, "
          + coarserThanPeriod
          + " dated less precisely than the period, "
          + unknownFatalities
          + " with unknown fatalities) into "
          + keys
          + " keys, "
          + rows
          + " rows";
    }
  }

  private final Aggregation spec;
  private final TreeMap<LocalDate, Map<String, double[]>> cells = new TreeMap<>();
  private final TreeSet<String> keys = new TreeSet<>();
  private final StringBuilder key = new StringBuilder();
  private long matched;
  private long filteredOut;
  private long coarser;
  private long unknownFatalities;
  private long rows;

  public EventAggregator(Aggregation spec) {
    this.spec = spec;
    if (spec.groupBy().isEmpty()) {
      keys.add("");
    }
  }

  @Override
  public void accept(ConflictEvent event) {
    if (!keep(event)) {
      filteredOut++;
      return;
    }
    matched++;
    if (event.precision().coarserThan(spec.period().precision())) {
      coarser++;
    }
    if (event.fatalities() == null) {
      unknownFatalities++;
    }
    key.setLength(0);
    for (int i = 0; i < spec.groupBy().size(); i++) {
      key.append(i == 0 ? "" : "|").append(spec.groupBy().get(i).value(event));
    }
    String k = key.toString();
    keys.add(k);
    double[] cell =
        cells
            .computeIfAbsent(spec.period().start(event.date()), d -> new HashMap<>())
            .computeIfAbsent(k, x -> new double[2]);
    cell[0] += 1;
    cell[1] += event.fatalities() == null ? 0 : event.fatalities();
  }

  private boolean keep(ConflictEvent event) {
    if (spec.from() != null && event.date().isBefore(spec.from())) {
      return false;
    }
    if (spec.to() != null && event.date().isAfter(spec.to())) {
      return false;
    }
    if (spec.actor() != null
        && !(found(spec.actor(), event.actor1()) || found(spec.actor(), event.actor2()))) {
      return false;
    }
    return spec.eventType() == null
        || found(spec.eventType(), event.eventType())
        || found(spec.eventType(), event.subEventType());
  }

  private static boolean found(java.util.regex.Pattern pattern, String text) {
    return text != null && pattern.matcher(text).find();
  }

  /** Writes the series to {@code target} atomically (replacing it) and returns the summary. */
  public Summary write(Path target) throws IOException {
    rows = 0;
    try (SeriesCsvWriter writer = new SeriesCsvWriter(target)) {
      if (spec.sparse()) {
        for (Map.Entry<LocalDate, Map<String, double[]>> period : cells.entrySet()) {
          for (ObservedMetric metric : spec.metrics()) {
            for (String k : new TreeSet<>(period.getValue().keySet())) {
              row(writer, period.getKey(), metric, k, period.getValue().get(k));
            }
          }
        }
      } else {
        LocalDate first =
            spec.from() != null
                ? spec.period().start(spec.from())
                : cells.isEmpty() ? null : cells.firstKey();
        LocalDate last =
            spec.to() != null
                ? spec.period().start(spec.to())
                : cells.isEmpty() ? null : cells.lastKey();
        if (first != null && last != null) {
          for (LocalDate date = first; !date.isAfter(last); date = spec.period().next(date)) {
            Map<String, double[]> period = cells.getOrDefault(date, Map.of());
            for (ObservedMetric metric : spec.metrics()) {
              for (String k : keys) {
                row(writer, date, metric, k, period.get(k));
              }
            }
          }
        }
      }
      writer.commit();
    }
    return summary();
  }

  private void row(
      SeriesCsvWriter writer, LocalDate date, ObservedMetric metric, String k, double[] cell)
      throws IOException {
    double value = cell == null ? 0 : cell[metric == ObservedMetric.EVENTS ? 0 : 1];
    writer.row(REPLICATION, date, spec.metricNameOf(metric), spec.keyOf(k), value);
    rows++;
  }

  /** The counts so far. */
  public Summary summary() {
    int keyCount = spec.groupBy().isEmpty() && matched == 0 ? 0 : keys.size();
    return new Summary(matched, filteredOut, coarser, unknownFatalities, keyCount, rows);
  }
}
