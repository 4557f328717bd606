package org.polemos.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.polemos.io.csv.CsvRows;

/**
 * What the report reads from a run directory: the across-replication summary of the charted series
 * (from {@code summary.csv} when present, else computed from {@code series.csv}), the monthly
 * inflow of foreign arrivals, the events of the first replication, the manifest and the scenario.
 */
public final class RunData {
  /** A simulated series: metric and key. */
  public record SeriesId(String metric, String key) {}

  /** One event line of {@code events.ndjson}. */
  public record Event(
      int replication, LocalDate date, String type, String subject, Map<String, String> details) {}

  private final Path directory;
  private final ScenarioInfo scenario;
  private final Map<String, String> manifest;
  private final Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries;
  private final Map<String, List<String>> keysByMetric;
  private final NavigableSet<LocalDate> dates;
  private final int replications;
  private final boolean summaryFromFile;
  private final List<Event> events;

  private RunData(
      Path directory,
      ScenarioInfo scenario,
      Map<String, String> manifest,
      Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries,
      Map<String, List<String>> keysByMetric,
      NavigableSet<LocalDate> dates,
      int replications,
      boolean summaryFromFile,
      List<Event> events) {
    this.directory = directory;
    this.scenario = scenario;
    this.manifest = manifest;
    this.summaries = summaries;
    this.keysByMetric = keysByMetric;
    this.dates = dates;
    this.replications = replications;
    this.summaryFromFile = summaryFromFile;
    this.events = events;
  }

  /**
   * Reads the run directory {@code directory}, keeping the series of {@code metrics} (and the
   * monthly inflow).
   */
  public static RunData read(Path directory, Set<String> metrics) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new ReportException("run directory not found: " + directory);
    }
    Path series = directory.resolve("series.csv");
    if (!Files.isRegularFile(series)) {
      throw new ReportException(
          directory + " has no series.csv (is it a run directory written by 'polemos run'?)");
    }
    Map<String, String> manifest = readManifest(directory.resolve("manifest.json"));
    Path scenarioFile = directory.resolve("scenario.yaml");
    ScenarioInfo scenario =
        Files.isRegularFile(scenarioFile)
            ? ScenarioInfo.read(scenarioFile)
            : ScenarioInfo.unknown(
                manifest.getOrDefault("scenarioId", directory.getFileName().toString()));

    SeriesReader reader = new SeriesReader(metrics);
    reader.read(series);
    Path summaryFile = directory.resolve("summary.csv");
    Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries;
    boolean fromFile = Files.isRegularFile(summaryFile);
    if (fromFile) {
      summaries = readSummary(summaryFile, metrics);
    } else {
      summaries = reader.summaries();
    }
    summaries.putAll(reader.perMonth());
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (SeriesId id : summaries.keySet()) {
      keys.computeIfAbsent(id.metric(), m -> new ArrayList<>()).add(id.key());
    }
    List<Event> events = readEvents(directory.resolve("events.ndjson"));
    return new RunData(
        directory,
        scenario,
        manifest,
        summaries,
        keys,
        reader.dates,
        reader.replications.size(),
        fromFile,
        events);
  }

  private static Map<String, String> readManifest(Path file) throws IOException {
    Map<String, String> manifest = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return manifest;
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isArray()) {
        List<String> parts = new ArrayList<>();
        value.forEach(v -> parts.add(v.asText()));
        manifest.put(field.getKey(), String.join(" ", parts));
      } else if (value.isObject()) {
        List<String> parts = new ArrayList<>();
        value.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
        manifest.put(field.getKey(), String.join(", ", parts));
      } else {
        manifest.put(field.getKey(), value.asText());
      }
    }
    return manifest;
  }

  private static Map<SeriesId, NavigableMap<LocalDate, Stats>> readSummary(
      Path file, Set<String> metrics) throws IOException {
    Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries = new LinkedHashMap<>();
    try (CsvRows rows =
        new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
      String[] header = rows.next();
      if (header == null) {
        throw new ReportException(file + ":1: empty file");
      }
      List<String> columns = new ArrayList<>();
      for (String name : header) {
        columns.add(name.strip());
      }
      int date = column(columns, "date", file);
      int metric = column(columns, "metric", file);
      int key = column(columns, "key", file);
      int n = column(columns, "n", file);
      int mean = column(columns, "mean", file);
      int p05 = column(columns, "p05", file);
      int p50 = column(columns, "p50", file);
      int p95 = column(columns, "p95", file);
      String[] f;
      while ((f = rows.next()) != null) {
        try {
          if (!metrics.contains(f[metric])) {
            continue;
          }
          int count = (int) CsvRows.number(f[n]);
          if (count == 0) {
            continue;
          }
          summaries
              .computeIfAbsent(new SeriesId(f[metric], f[key]), k -> new TreeMap<>())
              .put(
                  LocalDate.parse(f[date]),
                  new Stats(
                      count,
                      CsvRows.number(f[mean]),
                      CsvRows.number(f[p05]),
                      CsvRows.number(f[p50]),
                      CsvRows.number(f[p95])));
        } catch (RuntimeException e) {
          throw new ReportException(
              rows.where() + "malformed summary row (" + e.getMessage() + ")", e);
        }
      }
    }
    return summaries;
  }

  private static int column(List<String> columns, String name, Path file) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new ReportException(file + ":1: no column '" + name + "'");
    }
    return index;
  }

  private static List<Event> readEvents(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return events;
    }
    ObjectMapper json = new ObjectMapper();
    int first = Integer.MAX_VALUE;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
          int replication = node.path("replication").asInt();
          if (replication > first) {
            continue;
          }
          if (replication < first) {
            first = replication;
            events.clear();
          }
          Map<String, String> details = new LinkedHashMap<>();
          node.fields()
              .forEachRemaining(
                  e -> {
                    if (!Set.of("replication", "day", "date", "type", "subject")
                        .contains(e.getKey())) {
                      details.put(e.getKey(), e.getValue().asText());
                    }
                  });
          events.add(
              new Event(
                  replication,
                  LocalDate.parse(node.path("date").asText()),
                  node.path("type").asText(),
                  node.path("subject").asText(),
                  details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | DateTimeParseException e) {
          throw new ReportException(file + ":" + number + ": malformed event line", e);
        }
      }
    }
    return events;
  }

  /**
   * Streams {@code series.csv}, keeping the values of the wanted metrics and the cumulatives
   * per-month series need.
   */
  private static final class SeriesReader {
    private final Set<String> metrics;
    private final Map<SeriesId, Map<LocalDate, double[]>> values = new LinkedHashMap<>();
    private final Map<SeriesId, Map<LocalDate, Integer>> counts = new HashMap<>();

    /**
     * Cumulative values of the metrics {@link ReportMetrics#PER_MONTH} derives from, by series and
     * replication.
     */
    private final Map<SeriesId, Map<Integer, TreeMap<LocalDate, Double>>> cumulatives =
        new LinkedHashMap<>();

    private final Set<String> perMonthSources = Set.copyOf(ReportMetrics.PER_MONTH.values());
    private final NavigableSet<LocalDate> dates = new TreeSet<>();
    private final Set<Integer> replications = new LinkedHashSet<>();

    SeriesReader(Set<String> metrics) {
      this.metrics = metrics;
    }

    void read(Path file) throws IOException {
      try (CsvRows rows =
          new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
        String[] header = rows.next();
        if (header == null
            || !String.join(",", header).strip().equals("replication,date,metric,key,value")) {
          throw new ReportException(
              file + ":1: expected the header replication,date,metric,key,value");
        }
        LocalDate lastDate = null;
        String lastDateText = "";
        String[] f;
        while ((f = rows.next()) != null) {
          try {
            if (f.length != 5) {
              throw new IllegalArgumentException("expected 5 fields, found " + f.length);
            }
            int replication = Integer.parseInt(f[0]);
            String dateText = f[1];
            if (!dateText.equals(lastDateText)) {
              lastDate = LocalDate.parse(dateText);
              lastDateText = dateText;
              dates.add(lastDate);
            }
            replications.add(replication);
            String metric = f[2];
            String key = f[3];
            if (perMonthSources.contains(metric)) {
              cumulatives
                  .computeIfAbsent(new SeriesId(metric, key), k -> new TreeMap<>())
                  .computeIfAbsent(replication, r -> new TreeMap<>())
                  .put(lastDate, CsvRows.number(f[4]));
            }
            if (metrics.contains(metric)) {
              add(new SeriesId(metric, key), lastDate, CsvRows.number(f[4]));
            }
          } catch (RuntimeException e) {
            throw new ReportException(rows.where() + "malformed row (" + e.getMessage() + ")", e);
          }
        }
      }
      if (replications.isEmpty()) {
        throw new ReportException(file + " has no rows");
      }
    }

    private void add(SeriesId id, LocalDate date, double value) {
      Map<LocalDate, double[]> byDate = values.computeIfAbsent(id, k -> new HashMap<>());
      Map<LocalDate, Integer> countByDate = counts.computeIfAbsent(id, k -> new HashMap<>());
      double[] array = byDate.computeIfAbsent(date, d -> new double[4]);
      int count = countByDate.getOrDefault(date, 0);
      if (count == array.length) {
        array = Arrays.copyOf(array, array.length * 2);
        byDate.put(date, array);
      }
      array[count] = value;
      countByDate.put(date, count + 1);
    }

    Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries() {
      Map<SeriesId, NavigableMap<LocalDate, Stats>> summaries = new LinkedHashMap<>();
      for (Map.Entry<SeriesId, Map<LocalDate, double[]>> series : values.entrySet()) {
        NavigableMap<LocalDate, Stats> byDate = new TreeMap<>();
        Map<LocalDate, Integer> countByDate = counts.get(series.getKey());
        series
            .getValue()
            .forEach((date, array) -> byDate.put(date, Stats.of(array, countByDate.get(date))));
        summaries.put(series.getKey(), byDate);
      }
      return summaries;
    }

    /** The series of {@link ReportMetrics#PER_MONTH}, for every key of their cumulative metrics. */
    Map<SeriesId, NavigableMap<LocalDate, Stats>> perMonth() {
      Map<SeriesId, NavigableMap<LocalDate, Stats>> derived = new LinkedHashMap<>();
      if (dates.isEmpty()) {
        return derived;
      }
      YearMonth firstMonth = YearMonth.from(dates.first());
      YearMonth lastMonth = YearMonth.from(dates.last());
      for (Map.Entry<String, String> rule : new TreeMap<>(ReportMetrics.PER_MONTH).entrySet()) {
        for (Map.Entry<SeriesId, Map<Integer, TreeMap<LocalDate, Double>>> series :
            cumulatives.entrySet()) {
          if (!series.getKey().metric().equals(rule.getValue())) {
            continue;
          }
          Map<LocalDate, List<Double>> byMonth = new TreeMap<>();
          for (TreeMap<LocalDate, Double> cumulative : series.getValue().values()) {
            for (YearMonth month = firstMonth;
                !month.isAfter(lastMonth);
                month = month.plusMonths(1)) {
              Map.Entry<LocalDate, Double> start = cumulative.floorEntry(month.atDay(1));
              Map.Entry<LocalDate, Double> end =
                  cumulative.floorEntry(month.plusMonths(1).atDay(1));
              if (end == null || (start != null && !end.getKey().isAfter(start.getKey()))) {
                continue;
              }
              byMonth
                  .computeIfAbsent(month.atDay(1), d -> new ArrayList<>())
                  .add(end.getValue() - (start == null ? 0 : start.getValue()));
            }
          }
          NavigableMap<LocalDate, Stats> summary = new TreeMap<>();
          byMonth.forEach(
              (date, list) ->
                  summary.put(
                      date,
                      Stats.of(
                          list.stream().mapToDouble(Double::doubleValue).toArray(), list.size())));
          derived.put(new SeriesId(rule.getKey(), series.getKey().key()), summary);
        }
      }
      return derived;
    }
  }

  public Path directory() {
    return directory;
  }

  public ScenarioInfo scenario() {
    return scenario;
  }

  /** The manifest's fields as text, in file order (empty when the run has no manifest). */
  public Map<String, String> manifest() {
    return Collections.unmodifiableMap(manifest);
  }

  /** The summary of a series by date; empty when the run has no such series. */
  public NavigableMap<LocalDate, Stats> summary(String metric, String key) {
    NavigableMap<LocalDate, Stats> summary = summaries.get(new SeriesId(metric, key));
    return summary == null ? Collections.emptyNavigableMap() : summary;
  }

  /** Keys of a metric in the order of the run's rows. */
  public List<String> keys(String metric) {
    return keysByMetric.getOrDefault(metric, List.of());
  }

  /** Sample dates of the run. */
  public NavigableSet<LocalDate> dates() {
    return Collections.unmodifiableNavigableSet(dates);
  }

  /** Number of replications in {@code series.csv}. */
  public int replications() {
    return replications;
  }

  /**
   * Whether the summary came from {@code summary.csv} (otherwise computed from {@code series.csv}).
   */
  public boolean summaryFromFile() {
    return summaryFromFile;
  }

  /** Events of the first replication in {@code events.ndjson}. */
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  /**
   * Days of the output period that ends at the first sample on or after {@code date} (30 when
   * unknown).
   */
  public int periodDays(LocalDate date) {
    LocalDate end = dates.ceiling(date);
    if (end == null) {
      end = dates.isEmpty() ? null : dates.last();
    }
    LocalDate start = end == null ? null : dates.lower(end);
    if (end == null || start == null) {
      return 30;
    }
    return (int) ChronoUnit.DAYS.between(start, end);
  }
}
