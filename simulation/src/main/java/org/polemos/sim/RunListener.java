package org.polemos.sim;

import java.time.LocalDate;
import org.polemos.model.result.EventRecord;

/**
 * Receives the output of a run as tidy rows (see docs/OUTPUTS.md). Called on the thread running the
 * replication; an implementation shared by concurrent replications must be thread-safe.
 */
public interface RunListener {

  /** One value of one series at one sample date ({@code replication,date,metric,key,value}). */
  void series(int replication, LocalDate date, String metric, String key, double value);

  /** A discrete change, in the order it happened. */
  default void event(EventRecord event) {}

  /** A listener that drops everything. */
  RunListener NONE = (replication, date, metric, key, value) -> {};
}
