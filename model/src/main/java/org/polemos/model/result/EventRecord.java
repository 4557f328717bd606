package org.polemos.model.result;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A discrete change during a run: a line of {@code events.ndjson}.
 *
 * @param replication replication index, from 0
 * @param day simulation time in days since the calendar start
 * @param date calendar date of {@code day}
 * @param type what happened, e.g. {@code control-changed}, {@code corridor-closed}, {@code
 *     intervention-started}
 * @param subject id of the region, corridor or intervention concerned
 * @param details further ids, in insertion order (e.g. {@code from}, {@code to})
 */
public record EventRecord(
    int replication,
    double day,
    LocalDate date,
    String type,
    String subject,
    Map<String, String> details) {

  public EventRecord {
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
