package org.polemos.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.polemos.io.results.EventLogWriter;
import org.polemos.io.results.SeriesWriter;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.SummaryStatistics;

/**
 * The tables of {@code polemos run} as one listener: the series writers (null when not written; the
 * first {@code keep} replications), the event log, and the summary statistics and printed summary
 * of every replication. Write errors surface as {@link UncheckedIOException}; {@link #commit} makes
 * the files final (the caller opens and closes the writers).
 */
final class RunTablesSink implements RunListener {
  private final SeriesWriter seriesCsv;
  private final SeriesWriter seriesParquet;
  private final EventLogWriter events;
  private final RunSummaryTable summary;
  private final SummaryStatistics statistics;
  private final int keep;

  RunTablesSink(
      SeriesWriter seriesCsv,
      SeriesWriter seriesParquet,
      EventLogWriter events,
      int keep,
      RunSummaryTable summary,
      SummaryStatistics statistics) {
    this.seriesCsv = seriesCsv;
    this.seriesParquet = seriesParquet;
    this.events = events;
    this.summary = summary;
    this.statistics = statistics;
    this.keep = keep;
  }

  @Override
  public void series(int replication, LocalDate date, String metric, String key, double value) {
    summary.series(date, metric, key, value);
    statistics.series(replication, date, metric, key, value);
    if (replication >= keep) {
      return;
    }
    try {
      if (seriesCsv != null) {
        seriesCsv.row(replication, date, metric, key, value);
      }
      if (seriesParquet != null) {
        seriesParquet.row(replication, date, metric, key, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void event(EventRecord event) {
    try {
      events.event(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void commit() throws IOException {
    if (seriesCsv != null) {
      seriesCsv.commit();
    }
    if (seriesParquet != null) {
      seriesParquet.commit();
    }
    events.commit();
  }
}
