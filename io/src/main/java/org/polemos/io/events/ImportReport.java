package org.polemos.io.events;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one import read: the layout detected, how many data rows were read, accepted and rejected
 * (by reason), and the range of the accepted events' dates. Always {@code rowsRead == accepted +
 * rejected()}. Blank lines are not rows.
 *
 * @param file the file's name as given
 * @param layout the layout detected from the header
 * @param encoding the text encoding used
 * @param rowsRead data records read (header excluded)
 * @param accepted records turned into events
 * @param rejectedByReason rejected records by reason (only reasons that occurred, in the enum's
 *     order)
 * @param firstRejected the first rejected record of each reason in {@code rejectedByReason}
 * @param coordinatesDropped accepted events whose coordinates were incomplete or out of range and
 *     so set to null
 * @param firstDate earliest accepted event date, null when none was accepted
 * @param lastDate latest accepted event date, null when none was accepted
 */
public record ImportReport(
    String file,
    Layout layout,
    String encoding,
    long rowsRead,
    long accepted,
    Map<RejectReason, Long> rejectedByReason,
    Map<RejectReason, Rejection> firstRejected,
    long coordinatesDropped,
    LocalDate firstDate,
    LocalDate lastDate) {

  public ImportReport {
    EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
    copy.putAll(rejectedByReason);
    rejectedByReason = Collections.unmodifiableMap(copy);
    EnumMap<RejectReason, Rejection> examples = new EnumMap<>(RejectReason.class);
    examples.putAll(firstRejected);
    firstRejected = Collections.unmodifiableMap(examples);
  }

  /**
   * The reason that rejected the most rows when it rejected more than {@code maxShare} of the rows
   * read, else null. Ties go to the reason first in the enum's order.
   */
  public RejectReason dominantRejection(double maxShare) {
    RejectReason worst = null;
    long most = 0;
    for (Map.Entry<RejectReason, Long> e : rejectedByReason.entrySet()) {
      if (e.getValue() > most) {
        worst = e.getKey();
        most = e.getValue();
      }
    }
    return worst != null && most > maxShare * rowsRead ? worst : null;
  }

  /** All rejected records. */
  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The report as printed by the command line, several lines ending with a newline. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("file       ").append(file).append('\n');
    out.append("layout     ")
        .append(layout.id())
        .append(" (")
        .append(layout.description())
        .append(")\n");
    out.append("encoding   ").append(encoding).append('\n');
    out.append("rows read  ").append(rowsRead).append('\n');
    out.append("accepted   ").append(accepted).append('\n');
    out.append("rejected   ").append(rejected()).append('\n');
    rejectedByReason.forEach(
        (reason, n) -> out.append("  ").append(reason.code()).append(' ').append(n).append('\n'));
    if (coordinatesDropped > 0) {
      out.append("coordinates dropped (incomplete or out of range) ")
          .append(coordinatesDropped)
          .append('\n');
    }
    out.append("dates      ")
        .append(firstDate == null ? "none" : firstDate + " .. " + lastDate)
        .append('\n');
    return out.toString();
  }
}
