package org.polemos.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.result.Metric;
import org.polemos.sim.Engine;

/**
 * The human summary printed after a run: the organisation's territory, population, fighters,
 * cumulative foreign arrivals and treasury at the first sample, at the sample nearest each 1
 * January inside the run (so a scenario starting mid-year still shows the calendar years) and at
 * the last, then plots abroad at the end. Each cell is the mean across replications with, where
 * replications differ, the 5-95% range across them ({@code p05..p95}); money is rounded to three
 * significant digits (k, M, bn). NaN values (a quantity undefined in a replication) are left out; a
 * cell with no value shows "-". Fed every series row of the run; keeps only the handful of values
 * it prints.
 */
final class RunSummaryTable {
  private record Column(String metric, String key, String title, boolean money) {}

  private final List<Column> columns = new ArrayList<>();
  private final List<Column> finals = new ArrayList<>();
  private final List<LocalDate> dates;
  private final Map<String, double[]> values = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final LocalDate end;

  RunSummaryTable(Scenario scenario) {
    String organisation =
        scenario.factions().stream()
            .filter(f -> f.kind() == FactionKind.ORGANISATION)
            .map(Faction::id)
            .findFirst()
            .orElse("");
    columns.add(new Column(Metric.TERRITORY_KM2, organisation, "territory km2", false));
    columns.add(new Column(Metric.POPULATION_HELD, organisation, "population held", false));
    columns.add(new Column(Metric.FIGHTERS, organisation, "fighters", false));
    columns.add(
        new Column(Metric.FOREIGN_ARRIVALS_CUMULATIVE, Metric.ALL, "foreign arrivals", false));
    columns.add(new Column(Metric.TREASURY_USD, "", "treasury USD", true));
    finals.add(
        new Column(
            Metric.OPERATIVES_DISPATCHED_CUMULATIVE, Metric.ALL, "operatives dispatched", false));
    finals.add(new Column(Metric.PLOTS_FOILED_CUMULATIVE, Metric.ALL, "plots foiled", false));
    finals.add(
        new Column(Metric.PLOTS_EXECUTED_CUMULATIVE, Metric.ALL, "plots carried out", false));
    finals.add(new Column(Metric.RETURNEES_CUMULATIVE, Metric.ALL, "returnees", false));
    List<LocalDate> samples = Engine.sampleDates(scenario.calendar());
    end = samples.get(samples.size() - 1);
    dates = rows(samples);
  }

  /**
   * The first sample, the sample nearest each 1 January after it (the earlier on a tie), and the
   * last.
   */
  static List<LocalDate> rows(List<LocalDate> samples) {
    LocalDate first = samples.get(0);
    LocalDate last = samples.get(samples.size() - 1);
    List<LocalDate> rows = new ArrayList<>();
    rows.add(first);
    for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
      LocalDate newYear = LocalDate.of(year, 1, 1);
      LocalDate nearest = null;
      for (LocalDate d : samples) {
        if (nearest == null
            || Math.abs(ChronoUnit.DAYS.between(newYear, d))
                < Math.abs(ChronoUnit.DAYS.between(newYear, nearest))) {
          nearest = d;
        }
      }
      if (!rows.contains(nearest)) {
        rows.add(nearest);
      }
    }
    if (!rows.contains(last)) {
      rows.add(last);
    }
    rows.sort(null);
    return rows;
  }

  private static String cell(String metric, String key, LocalDate date) {
    return metric + '\u0000' + key + '\u0000' + date;
  }

  /** Accumulates one series row if it is one the summary prints. */
  void series(LocalDate date, String metric, String key, double value) {
    if (Double.isNaN(value) || !dates.contains(date)) {
      return;
    }
    String cell = cell(metric, key, date);
    double[] kept = values.computeIfAbsent(cell, k -> new double[8]);
    int n = counts.getOrDefault(cell, 0);
    if (n == kept.length) {
      kept = Arrays.copyOf(kept, n * 2);
      values.put(cell, kept);
    }
    kept[n] = value;
    counts.put(cell, n + 1);
  }

  /** "mean" or, over replications that differ, "mean (p05..p95)"; "-" when there is no value. */
  String format(Column column, LocalDate date) {
    String cell = cell(column.metric(), column.key(), date);
    int n = counts.getOrDefault(cell, 0);
    if (n == 0) {
      return "-";
    }
    double[] sorted = Arrays.copyOf(values.get(cell), n);
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).sum() / n;
    String text = number(mean, column.money());
    String low = number(quantile(sorted, 0.05), column.money());
    String high = number(quantile(sorted, 0.95), column.money());
    if (n > 1 && !low.equals(high)) {
      text += " (" + low + ".." + high + ")";
    }
    return text;
  }

  /**
   * The type-7 (linear interpolation) quantile of sorted values, as summary.csv computes it for n
   * <= 200.
   */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Counts with thousands separators; money to three significant digits with k, M or bn. */
  static String number(double value, boolean money) {
    if (Math.abs(value) < 0.5) {
      value = 0; // a sum that is zero up to rounding (e.g. -1e-10 km2) prints 0, not -0
    }
    if (!money) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) < 999.5) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    String[] suffixes = {"k", "M", "bn"};
    double scaled = value / 1000;
    int unit = 0;
    while (unit < suffixes.length - 1 && Math.abs(scaled) >= 999.5) {
      scaled /= 1000;
      unit++;
    }
    double magnitude = Math.abs(scaled);
    String pattern = magnitude >= 99.95 ? "%.0f" : magnitude >= 9.995 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, scaled) + " " + suffixes[unit];
  }

  void print(PrintWriter out, int replications) {
    out.println();
    out.println(
        replications == 1
            ? "Organisation over time:"
            : "Organisation over time (mean of "
                + replications
                + " replications, (p05..p95) across them where they differ):");
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("date"));
    columns.forEach(c -> header.add(c.title()));
    table.add(header);
    for (LocalDate date : dates) {
      List<String> line = new ArrayList<>(List.of(date.toString()));
      for (Column column : columns) {
        line.add(format(column, date));
      }
      table.add(line);
    }
    int[] widths = new int[header.size()];
    for (List<String> line : table) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : table) {
      StringBuilder text = new StringBuilder(String.format("  %-" + widths[0] + "s", line.get(0)));
      for (int i = 1; i < line.size(); i++) {
        text.append(String.format("  %" + widths[i] + "s", line.get(i)));
      }
      out.println(text);
    }
    out.println();
    StringBuilder totals = new StringBuilder("By " + end + ":");
    for (Column column : finals) {
      totals.append(' ').append(format(column, end)).append(' ').append(column.title()).append(';');
    }
    totals.setLength(totals.length() - 1);
    out.println(totals);
  }
}
