package org.polemos.io.events;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.polemos.io.results.Csv;
import org.polemos.model.validation.Suggestions;

/**
 * Reads one event file of a dataset as a stream of {@link ConflictEvent}s. {@link #open} reads the
 * header and detects the {@link Layout} (failing with {@link UnusableHeaderException} when none
 * matches); {@link #read} then streams the data rows: each is either handed to the event consumer
 * or, when it cannot be used, to the rejects consumer with the reason. Only one record is in memory
 * at a time, so memory does not grow with the file.
 *
 * <pre>{@code
 * try (EventReader reader = EventReader.open(new AcledDataset(), file)) {
 *   ImportReport report = reader.read(event -> ..., rejection -> ...);
 * }
 * }</pre>
 */
public final class EventReader implements Closeable {
  private final EventDataset dataset;
  private final String fileName;
  private final Charset encoding;
  private final CsvRecords records;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final Layout layout;
  private boolean consumed;

  private EventReader(EventDataset dataset, Path file, Charset encoding) throws IOException {
    this.dataset = dataset;
    this.fileName = file.toString();
    this.encoding = encoding;
    Reader reader =
        new InputStreamReader(
            Files.newInputStream(file),
            encoding
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    this.records = new CsvRecords(new java.io.BufferedReader(reader, 1 << 16));
    try {
      CsvRecords.Raw first = records.next();
      if (first == null || first.blank()) {
        throw new UnusableHeaderException(
            fileName
                + ": the file is empty or its first line is blank; expected a "
                + dataset.id()
                + " header ("
                + expectedLayouts(dataset)
                + ")");
      }
      List<String> names = new ArrayList<>(first.fields().size());
      for (String name : first.fields()) {
        names.add(name.strip());
      }
      if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
        names.set(0, names.get(0).substring(1).strip());
      }
      this.header = Collections.unmodifiableList(names);
      for (int i = 0; i < names.size(); i++) {
        columns.putIfAbsent(Layout.norm(names.get(i)), i);
      }
      this.layout = Layout.detect(dataset.layouts(), names);
      if (layout == null) {
        throw new UnusableHeaderException(headerMessage(fileName, dataset, names));
      }
    } catch (IOException | RuntimeException e) {
      records.close();
      throw e;
    }
  }

  /**
   * Opens {@code file}, detecting its encoding with {@link TextEncoding#detect}, and reads its
   * header.
   */
  public static EventReader open(EventDataset dataset, Path file) throws IOException {
    return open(dataset, file, TextEncoding.detect(file));
  }

  /** Opens {@code file} in the given encoding and reads its header. */
  public static EventReader open(EventDataset dataset, Path file, Charset encoding)
      throws IOException {
    return new EventReader(dataset, file, encoding);
  }

  public Layout layout() {
    return layout;
  }

  public Charset encoding() {
    return encoding;
  }

  /** The header's column names (trimmed, byte order mark removed). */
  public List<String> header() {
    return header;
  }

  /**
   * Streams every data row to {@code events} or {@code rejects} and returns the report. Can be
   * called once.
   */
  public ImportReport read(
      Consumer<? super ConflictEvent> events, Consumer<? super Rejection> rejects)
      throws IOException {
    if (consumed) {
      throw new IllegalStateException("already read");
    }
    consumed = true;
    long rows = 0;
    long accepted = 0;
    long dropped = 0;
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    Map<RejectReason, Rejection> examples = new EnumMap<>(RejectReason.class);
    LocalDate first = null;
    LocalDate last = null;
    CsvRecords.Raw raw;
    while ((raw = records.next()) != null) {
      if (raw.blank()) {
        continue;
      }
      rows++;
      try {
        if (raw.error() != null) {
          throw new RowProblem(raw.error(), raw.errorDetail());
        }
        if (raw.fields().size() != header.size()) {
          throw new RowProblem(
              RejectReason.WRONG_COLUMN_COUNT,
              "expected " + header.size() + " fields, found " + raw.fields().size());
        }
        ConflictEvent event = dataset.map(new EventRow(columns, raw.fields(), raw.line()), layout);
        if (event.latitude() == null && event.longitude() == null && hasCoordinates(raw.fields())) {
          dropped++;
        }
        accepted++;
        first = first == null || event.date().isBefore(first) ? event.date() : first;
        last = last == null || event.date().isAfter(last) ? event.date() : last;
        events.accept(event);
      } catch (RowProblem problem) {
        rejected.merge(problem.reason(), 1L, Long::sum);
        Rejection rejection =
            new Rejection(
                raw.line(), problem.reason(), problem.getMessage(), excerpt(raw.fields()));
        examples.putIfAbsent(problem.reason(), rejection);
        rejects.accept(rejection);
      }
    }
    return new ImportReport(
        fileName,
        layout,
        encoding.name(),
        rows,
        accepted,
        rejected,
        examples,
        dropped,
        first,
        last);
  }

  @Override
  public void close() throws IOException {
    records.close();
  }

  /** The message for a header no layout of {@code dataset} accepts. */
  static String headerMessage(String fileName, EventDataset dataset, List<String> header) {
    StringBuilder message = new StringBuilder();
    message
        .append(fileName)
        .append(": unusable header: it matches no ")
        .append(dataset.id().toUpperCase(java.util.Locale.ROOT))
        .append(" layout");
    Layout closest = null;
    List<String> closestMissing = null;
    for (Layout candidate : dataset.layouts()) {
      List<String> missing = candidate.missing(header);
      if (closestMissing == null || missing.size() < closestMissing.size()) {
        closest = candidate;
        closestMissing = missing;
      }
    }
    message.append(". Expected one of: ").append(expectedLayouts(dataset)).append('.');
    if (String.join("", header)
        .chars()
        .anyMatch(c -> c == 0 || c == 0xFFFD || (c >= 0x7F && c < 0xA0))) {
      message.append(
          " The header holds NUL or undecodable characters: the file is probably in another encoding"
              + " (e.g. UTF-16); pass it with --encoding (e.g. --encoding UTF-16).");
    }
    message
        .append(" Closest is ")
        .append(closest.id())
        .append(", which lacks the required column")
        .append(closestMissing.size() == 1 ? " " : "s ");
    for (int i = 0; i < closestMissing.size(); i++) {
      String column = closestMissing.get(i);
      message
          .append(i == 0 ? "" : ", ")
          .append(column)
          .append(Suggestions.didYouMean(column, header));
    }
    message.append('.');
    for (EventDataset other : EventDatasets.all()) {
      Layout elsewhere =
          other.id().equals(dataset.id()) ? null : Layout.detect(other.layouts(), header);
      if (elsewhere != null) {
        message
            .append(" The header looks like ")
            .append(elsewhere.id())
            .append(": import it as ")
            .append(other.id())
            .append('.');
      }
    }
    return message.toString();
  }

  private static String expectedLayouts(EventDataset dataset) {
    StringBuilder out = new StringBuilder();
    for (Layout layout : dataset.layouts()) {
      out.append(out.length() == 0 ? "" : "; ")
          .append(layout.id())
          .append(" = ")
          .append(layout.description());
    }
    return out.toString();
  }

  private boolean hasCoordinates(List<String> fields) {
    Integer lat = columns.get("latitude");
    return lat != null && !fields.get(lat).isBlank();
  }

  private static String excerpt(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size() && out.length() <= Rejection.MAX_EXCERPT; i++) {
      out.append(i == 0 ? "" : ",").append(Csv.field(fields.get(i)));
    }
    return out.length() <= Rejection.MAX_EXCERPT
        ? out.toString()
        : out.substring(0, Rejection.MAX_EXCERPT);
  }
}
