package org.polemos.io.events;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * More rows than the allowed share were rejected for the same reason: the file is most likely in a
 * layout the importer reads wrongly, so the import does not look like a success. The series file is
 * not written; the rejects file is, so every rejected row can be inspected. The message names the
 * reason, the count, the first example line and the layout that was expected, over several lines.
 */
public final class TooManyRejectsException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient ImportReport report;
  private final RejectReason reason;

  TooManyRejectsException(
      ImportReport report,
      RejectReason reason,
      String expected,
      double maxShare,
      Path series,
      Path rejects) {
    super(message(report, reason, expected, maxShare, series, rejects));
    this.report = report;
    this.reason = reason;
  }

  public ImportReport report() {
    return report;
  }

  public RejectReason reason() {
    return reason;
  }

  private static String message(
      ImportReport report,
      RejectReason reason,
      String expected,
      double maxShare,
      Path series,
      Path rejects) {
    long count = report.rejectedByReason().get(reason);
    Rejection example = report.firstRejected().get(reason);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %d of %d rows (%.0f%%) rejected as %s, more than the allowed %s%%"
                + " (--max-reject-share %s)%n",
            report.file(),
            count,
            report.rowsRead(),
            100.0 * count / report.rowsRead(),
            reason.code(),
            trim(100 * maxShare),
            trim(maxShare)));
    out.append("  expected layout: ")
        .append(report.layout().id())
        .append(" (")
        .append(report.layout().description())
        .append(")")
        .append(expected.isEmpty() ? "" : "; " + expected)
        .append('\n');
    out.append("  first example, line ")
        .append(example.line())
        .append(": ")
        .append(example.detail())
        .append('\n');
    out.append("    ").append(example.excerpt()).append('\n');
    out.append("  ")
        .append(series)
        .append(" not written; every rejected row is in ")
        .append(rejects)
        .append(". To accept the rows read anyway, add --max-reject-share 1.");
    return out.toString();
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
