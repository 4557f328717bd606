package org.polemos.io.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * One import end to end: read a dataset file, count its events into observed series, write the
 * series to {@code out} and the rejected rows to {@link RejectsWriter#beside(Path) out's rejects
 * file}. Both files are written atomically and only when the whole input has been read; on an
 * unusable header neither is written; when more than the allowed share of rows is rejected for one
 * reason only the rejects file is ({@link TooManyRejectsException}).
 */
public final class EventImport {
  private EventImport() {}

  /**
   * What an import did.
   *
   * @param report what was read
   * @param aggregation what was counted and written
   * @param series the series file written
   * @param rejects the rejects file written (header only when nothing was rejected)
   */
  public record Result(
      ImportReport report, EventAggregator.Summary aggregation, Path series, Path rejects) {}

  /**
   * The default for {@link #run}'s {@code maxRejectShare}: a quarter of the rows rejected for one
   * reason.
   */
  public static final double DEFAULT_MAX_REJECT_SHARE = 0.25;

  /**
   * Runs the import.
   *
   * @param encoding the input's encoding, or null to detect it ({@link TextEncoding#detect})
   * @param maxRejectShare the largest share of the rows read (0 to 1) that may be rejected for one
   *     reason
   * @throws UnusableHeaderException when the header matches no layout of {@code dataset}
   * @throws TooManyRejectsException when more than {@code maxRejectShare} of the rows were rejected
   *     for one reason
   */
  public static Result run(
      EventDataset dataset,
      Path input,
      Charset encoding,
      Aggregation aggregation,
      Path out,
      double maxRejectShare)
      throws IOException {
    if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
      throw new IllegalArgumentException(
          "the maximum reject share must be in [0, 1], was " + maxRejectShare);
    }
    Path rejectsFile = RejectsWriter.beside(out);
    EventAggregator aggregator = new EventAggregator(aggregation);
    try (EventReader reader =
            encoding == null
                ? EventReader.open(dataset, input)
                : EventReader.open(dataset, input, encoding);
        RejectsWriter rejects = new RejectsWriter(rejectsFile)) {
      ImportReport report;
      try {
        report = reader.read(aggregator, rejects);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      RejectReason dominant = report.dominantRejection(maxRejectShare);
      if (dominant != null) {
        rejects.commit();
        throw new TooManyRejectsException(
            report,
            dominant,
            dataset.expected(dominant, report.layout()),
            maxRejectShare,
            out,
            rejectsFile);
      }
      EventAggregator.Summary summary = aggregator.write(out);
      rejects.commit();
      return new Result(report, summary, out, rejectsFile);
    }
  }
}
