package org.polemos.sim.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polemos.sim.RunListener;

/**
 * Computes a list of {@link Observation}s for each replication it is fed (ordered replications, as
 * from {@link Replications}), keeping only the series the observations need, and summarises each
 * observation across replications in a {@link CellSummary}.
 */
public final class ObservationCollector implements RunListener {
  private final List<Observation> observations;
  private final List<LocalDate> dates;
  private final Map<String, double[]> series = new HashMap<>();
  private final Map<LocalDate, Integer> dateIndex = new HashMap<>();
  private final CellSummary[] summaries;
  private final java.util.Set<String> seen = new java.util.HashSet<>();
  private int current = -1;

  /** Collects {@code observations} over series sampled at {@code dates} (Engine.sampleDates). */
  public ObservationCollector(List<Observation> observations, List<LocalDate> dates) {
    this.observations = List.copyOf(observations);
    this.dates = List.copyOf(dates);
    for (int i = 0; i < dates.size(); i++) {
      dateIndex.put(dates.get(i), i);
    }
    for (Observation o : observations) {
      double[] values = new double[dates.size()];
      java.util.Arrays.fill(values, Double.NaN);
      series.put(o.metric() + '\u0000' + o.key(), values);
    }
    summaries = new CellSummary[observations.size()];
    for (int i = 0; i < summaries.length; i++) {
      summaries[i] = new CellSummary();
    }
  }

  @Override
  public void series(int replication, LocalDate date, String metric, String key, double value) {
    if (replication != current) {
      finish();
      current = replication;
    }
    String id = metric + '\u0000' + key;
    double[] values = series.get(id);
    if (values != null) {
      seen.add(id);
      Integer i = dateIndex.get(date);
      if (i != null) {
        values[i] = value;
      }
    }
  }

  private void finish() {
    if (current < 0) {
      return;
    }
    for (int i = 0; i < observations.size(); i++) {
      Observation o = observations.get(i);
      summaries[i].add(o.compute(dates, series.get(o.metric() + '\u0000' + o.key())));
    }
    for (double[] values : series.values()) {
      java.util.Arrays.fill(values, Double.NaN);
    }
  }

  /**
   * The summaries across replications, one per observation in order; call once, after the last
   * replication.
   */
  public List<CellSummary> summaries() {
    finish();
    current = -1;
    return List.of(summaries);
  }

  /**
   * The observations whose (metric, key) series never appeared in the rows fed, as "metric/key".
   */
  public List<String> unseen() {
    List<String> missing = new ArrayList<>();
    for (Observation o : observations) {
      if (!seen.contains(o.metric() + '\u0000' + o.key())) {
        missing.add(o.metric() + "/" + o.key());
      }
    }
    return missing;
  }
}
