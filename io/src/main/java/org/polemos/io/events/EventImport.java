package org.polemos.io.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * One import end to end: read a dataset file, count its events into observed series, write the series to
 * {@code out} and the rejected rows to {@link RejectsWriter#beside(Path) out's rejects file}. Both files are
 * written atomically and only when the whole input has been read; on an unusable header neither is written.
 */
public final class EventImport {
  private EventImport() {
  }

  /**
   * What an import did.
   *
   * @param report what was read
   * @param aggregation what was counted and written
   * @param series the series file written
   * @param rejects the rejects file written (header only when nothing was rejected)
   */
  public record Result(ImportReport report, EventAggregator.Summary aggregation, Path series, Path rejects) {
  }

  /**
   * Runs the import.
   *
   * @param encoding the input's encoding, or null to detect it ({@link TextEncoding#detect})
   * @throws UnusableHeaderException when the header matches no layout of {@code dataset}
   */
  public static Result run(Dataset dataset, Path input, Charset encoding, Aggregation aggregation, Path out)
      throws IOException {
    Path rejectsFile = RejectsWriter.beside(out);
    EventAggregator aggregator = new EventAggregator(aggregation);
    try (EventReader reader = encoding == null ? EventReader.open(dataset, input)
        : EventReader.open(dataset, input, encoding);
        RejectsWriter rejects = new RejectsWriter(rejectsFile)) {
      ImportReport report;
      try {
        report = reader.read(aggregator, rejects);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      EventAggregator.Summary summary = aggregator.write(out);
      rejects.commit();
      return new Result(report, summary, out, rejectsFile);
    }
  }
}
