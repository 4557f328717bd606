package org.polemos.sim.experiment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.polemos.sim.RunListener;

/**
 * Summarises the series rows of many replications cell by cell ({@code date, metric, key}) with one
 * {@link CellSummary} each, so memory grows with the number of cells, never with the number of
 * replications. Cells keep the order in which they were first seen, which for ordered replications
 * is the row order of docs/OUTPUTS.md (date, then metric, then key). Feed it from the ordered side
 * of {@link Replications}; it is not thread-safe.
 */
public final class SummaryStatistics implements RunListener {

  /** One cell of the summary. */
  public record Cell(LocalDate date, String metric, String key) {}

  private final Map<Cell, CellSummary> cells = new LinkedHashMap<>();
  private final Predicate<String> metrics;

  /** Summarises every metric. */
  public SummaryStatistics() {
    this(metric -> true);
  }

  /** Summarises only the metrics {@code metrics} accepts. */
  public SummaryStatistics(Predicate<String> metrics) {
    this.metrics = metrics;
  }

  /** Summarises only the metrics named (every metric when the set is empty). */
  public static SummaryStatistics of(Set<String> metrics) {
    return metrics.isEmpty() ? new SummaryStatistics() : new SummaryStatistics(metrics::contains);
  }

  @Override
  public void series(int replication, LocalDate date, String metric, String key, double value) {
    if (metrics.test(metric)) {
      cells.computeIfAbsent(new Cell(date, metric, key), c -> new CellSummary()).add(value);
    }
  }

  /** The cells in first-seen order. */
  public Map<Cell, CellSummary> cells() {
    return cells;
  }
}
