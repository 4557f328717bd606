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
 * Reads one event file of a dataset as a stream of {@link ConflictEvent}s. {@link #open} reads the header and
 * detects the {@link Layout} (failing with {@link UnusableHeaderException} when none matches); {@link #read}
 * then streams the data rows: each is either handed to the event consumer or, when it cannot be used, to the
 * rejects consumer with the reason. Only one record is in memory at a time, so memory does not grow with the
 * file.
 *
 * <pre>{@code
 * try (EventReader reader = EventReader.open(Dataset.ACLED, file)) {
 *   ImportReport report = reader.read(event -> ..., rejection -> ...);
 * }
 * }</pre>
 */
public final class EventReader implements Closeable {
  private static final Map<Integer, String> UCDP_VIOLENCE = Map.of(
      1, "State-based conflict", 2, "Non-state conflict", 3, "One-sided violence");

  private final Dataset dataset;
  private final String fileName;
  private final Charset encoding;
  private final CsvRecords records;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final Layout layout;
  private boolean consumed;

  private EventReader(Dataset dataset, Path file, Charset encoding) throws IOException {
    this.dataset = dataset;
    this.fileName = file.toString();
    this.encoding = encoding;
    Reader reader = new InputStreamReader(Files.newInputStream(file), encoding.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    this.records = new CsvRecords(new java.io.BufferedReader(reader, 1 << 16));
    try {
      CsvRecords.Raw first = records.next();
      if (first == null || first.blank()) {
        throw new UnusableHeaderException(fileName + ": the file is empty or its first line is blank; expected a "
            + dataset + " header (" + expectedLayouts(dataset) + ")");
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
      this.layout = Layout.detect(dataset, names);
      if (layout == null) {
        throw new UnusableHeaderException(headerMessage(fileName, dataset, names));
      }
    } catch (IOException | RuntimeException e) {
      records.close();
      throw e;
    }
  }

  /** Opens {@code file}, detecting its encoding with {@link TextEncoding#detect}, and reads its header. */
  public static EventReader open(Dataset dataset, Path file) throws IOException {
    return open(dataset, file, TextEncoding.detect(file));
  }

  /** Opens {@code file} in the given encoding and reads its header. */
  public static EventReader open(Dataset dataset, Path file, Charset encoding) throws IOException {
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
   * Streams every data row to {@code events} or {@code rejects} and returns the report. Can be called once.
   */
  public ImportReport read(Consumer<? super ConflictEvent> events, Consumer<? super Rejection> rejects)
      throws IOException {
    if (consumed) {
      throw new IllegalStateException("already read");
    }
    consumed = true;
    long rows = 0;
    long accepted = 0;
    long dropped = 0;
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
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
          throw new RowProblem(RejectReason.WRONG_COLUMN_COUNT,
              "expected " + header.size() + " fields, found " + raw.fields().size());
        }
        ConflictEvent event = map(new Row(raw.fields(), raw.line()));
        if (event.latitude() == null && event.longitude() == null && hasCoordinates(raw.fields())) {
          dropped++;
        }
        accepted++;
        first = first == null || event.date().isBefore(first) ? event.date() : first;
        last = last == null || event.date().isAfter(last) ? event.date() : last;
        events.accept(event);
      } catch (RowProblem problem) {
        rejected.merge(problem.reason(), 1L, Long::sum);
        rejects.accept(new Rejection(raw.line(), problem.reason(), problem.getMessage(), excerpt(raw.fields())));
      }
    }
    return new ImportReport(fileName, layout, encoding.name(), rows, accepted, rejected, dropped, first, last);
  }

  @Override
  public void close() throws IOException {
    records.close();
  }

  /** The message for a header no layout of {@code dataset} accepts. */
  static String headerMessage(String fileName, Dataset dataset, List<String> header) {
    StringBuilder message = new StringBuilder();
    message.append(fileName).append(": unusable header: it matches no ").append(dataset).append(" layout");
    Layout closest = null;
    List<String> closestMissing = null;
    for (Layout candidate : Layout.of(dataset)) {
      List<String> missing = candidate.missing(header);
      if (closestMissing == null || missing.size() < closestMissing.size()) {
        closest = candidate;
        closestMissing = missing;
      }
    }
    message.append(". Expected one of: ").append(expectedLayouts(dataset)).append('.');
    if (String.join("", header).chars().anyMatch(c -> c == 0 || c == 0xFFFD || (c >= 0x7F && c < 0xA0))) {
      message.append(" The header holds NUL or undecodable characters: the file is probably in another encoding"
          + " (e.g. UTF-16); pass it with --encoding (e.g. --encoding UTF-16).");
    }
    message.append(" Closest is ").append(closest.id()).append(", which lacks the required column")
        .append(closestMissing.size() == 1 ? " " : "s ");
    for (int i = 0; i < closestMissing.size(); i++) {
      String column = closestMissing.get(i);
      message.append(i == 0 ? "" : ", ").append(column).append(Suggestions.didYouMean(column, header));
    }
    message.append('.');
    for (Dataset other : Dataset.values()) {
      Layout elsewhere = other == dataset ? null : Layout.detect(other, header);
      if (elsewhere != null) {
        message.append(" The header looks like ").append(elsewhere.id()).append(": import it as ")
            .append(other.id()).append('.');
      }
    }
    return message.toString();
  }

  private static String expectedLayouts(Dataset dataset) {
    StringBuilder out = new StringBuilder();
    for (Layout layout : Layout.of(dataset)) {
      out.append(out.length() == 0 ? "" : "; ").append(layout.id()).append(" = ").append(layout.description());
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
    return out.length() <= Rejection.MAX_EXCERPT ? out.toString() : out.substring(0, Rejection.MAX_EXCERPT);
  }

  /** A data row with lookup by (lower-case) column name; absent columns read as empty. */
  private final class Row {
    final List<String> fields;
    final long line;

    Row(List<String> fields, long line) {
      this.fields = fields;
      this.line = line;
    }

    String get(String column) {
      Integer index = columns.get(column);
      return index == null ? "" : fields.get(index).strip();
    }

    String required(String column) throws RowProblem {
      String value = get(column);
      if (value.isEmpty()) {
        throw new RowProblem(RejectReason.MISSING_VALUE, column + " is empty");
      }
      return value;
    }
  }

  private ConflictEvent map(Row row) throws RowProblem {
    return switch (dataset) {
      case GTD -> gtd(row);
      case ACLED -> acled(row);
      case UCDP -> ucdp(row);
    };
  }

  private ConflictEvent gtd(Row row) throws RowProblem {
    String id = row.required("eventid");
    int year = Fields.integer("iyear", row.get("iyear"));
    int month = Fields.integer("imonth", row.get("imonth"));
    int day = Fields.integer("iday", row.get("iday"));
    LocalDate date;
    DatePrecision precision;
    if (month == 0) {
      date = Fields.date("iyear " + year, year, 1, 1);
      precision = DatePrecision.YEAR;
    } else if (day == 0) {
      date = Fields.date("iyear/imonth " + year + "/" + month, year, month, 1);
      precision = DatePrecision.MONTH;
    } else {
      date = Fields.date("iyear/imonth/iday " + year + "/" + month + "/" + day, year, month, day);
      precision = DatePrecision.DAY;
    }
    Integer nkill = Fields.optionalInteger("nkill", row.get("nkill"));
    if (nkill != null && (nkill == -9 || nkill == -99)) {
      nkill = null;
    } else if (nkill != null && nkill < 0) {
      throw new RowProblem(RejectReason.BAD_NUMBER, "nkill \"" + row.get("nkill") + "\" is negative");
    }
    Double[] coordinates = coordinates(row);
    return new ConflictEvent(Dataset.GTD, id, date, precision, row.required("country_txt"),
        Fields.text(row.get("provstate")), Fields.text(row.get("city")), coordinates[0], coordinates[1],
        Fields.text(row.get("gname")), null, Fields.text(row.get("attacktype1_txt")), null, nkill, row.line);
  }

  private ConflictEvent acled(Row row) throws RowProblem {
    String id = row.get("event_id_cnty");
    if (id.isEmpty()) {
      id = row.get("data_id");
    }
    if (id.isEmpty()) {
      throw new RowProblem(RejectReason.MISSING_VALUE, "event_id_cnty is empty");
    }
    LocalDate date = Fields.acledDate("event_date", row.get("event_date"));
    DatePrecision precision;
    String code = row.get("time_precision");
    if (code.isEmpty()) {
      precision = DatePrecision.DAY;
    } else {
      precision = switch (Fields.integer("time_precision", code)) {
        case 1 -> DatePrecision.DAY;
        case 2 -> DatePrecision.WEEK;
        case 3 -> DatePrecision.MONTH;
        default -> throw new RowProblem(RejectReason.BAD_NUMBER,
            "time_precision \"" + code + "\" is not 1, 2 or 3");
      };
    }
    Double[] coordinates = coordinates(row);
    return new ConflictEvent(Dataset.ACLED, id, date, precision, row.required("country"),
        Fields.text(row.get("admin1")), Fields.text(row.get("location")), coordinates[0], coordinates[1],
        Fields.text(row.get("actor1")), Fields.text(row.get("actor2")), Fields.text(row.get("event_type")),
        Fields.text(row.get("sub_event_type")), Fields.count("fatalities", row.get("fatalities")), row.line);
  }

  private ConflictEvent ucdp(Row row) throws RowProblem {
    String id = row.required("id");
    LocalDate date = Fields.isoDate("date_start", row.get("date_start"));
    String code = row.get("date_prec");
    DatePrecision precision;
    if (code.isEmpty()) {
      precision = DatePrecision.DAY;
    } else {
      precision = switch (Fields.integer("date_prec", code)) {
        case 1 -> DatePrecision.DAY;
        case 2, 3 -> DatePrecision.WEEK;
        case 4 -> DatePrecision.MONTH;
        case 5 -> DatePrecision.YEAR;
        default -> throw new RowProblem(RejectReason.BAD_NUMBER, "date_prec \"" + code + "\" is not 1 to 5");
      };
    }
    int violence = Fields.integer("type_of_violence", row.get("type_of_violence"));
    String type = UCDP_VIOLENCE.get(violence);
    if (type == null) {
      throw new RowProblem(RejectReason.BAD_NUMBER, "type_of_violence \"" + violence + "\" is not 1, 2 or 3");
    }
    Double[] coordinates = coordinates(row);
    return new ConflictEvent(Dataset.UCDP, id, date, precision, row.required("country"),
        Fields.text(row.get("adm_1")), Fields.text(row.get("where_coordinates")), coordinates[0], coordinates[1],
        Fields.text(row.get("side_a")), Fields.text(row.get("side_b")), type, null,
        Fields.count("best", row.get("best")), row.line);
  }

  /** Latitude and longitude; both null when either is missing or out of range. */
  private static Double[] coordinates(Row row) throws RowProblem {
    Double latitude = Fields.decimal("latitude", row.get("latitude"));
    Double longitude = Fields.decimal("longitude", row.get("longitude"));
    if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return new Double[] {null, null};
    }
    return new Double[] {latitude, longitude};
  }
}
