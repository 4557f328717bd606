package org.polemos.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The human summary printed after a run: the organisation's territory, population, fighters, cumulative foreign
 * arrivals and treasury at the first sample, the first sample of each year and the last, then plots abroad at the end; means across
 * replications. Fed every series row of the run; keeps only the handful it prints.
 */
final class RunSummaryTable {
  private record Column(String metric, String key, String title) { }

  private final List<Column> columns = new ArrayList<>();
  private final List<Column> finals = new ArrayList<>();
  private final List<LocalDate> dates = new ArrayList<>();
  private final Map<String, double[]> sums = new HashMap<>();
  private final LocalDate end;

  RunSummaryTable(Scenario scenario) {
    String organisation = scenario.factions().stream().filter(f -> f.kind() == FactionKind.ORGANISATION)
        .map(Faction::id).findFirst().orElse("");
    columns.add(new Column(Metric.TERRITORY_KM2, organisation, "territory km2"));
    columns.add(new Column(Metric.POPULATION_HELD, organisation, "population held"));
    columns.add(new Column(Metric.FIGHTERS, organisation, "fighters"));
    columns.add(new Column(Metric.FOREIGN_ARRIVALS_CUMULATIVE, Metric.ALL, "foreign arrivals"));
    columns.add(new Column(Metric.TREASURY_USD, "", "treasury USD"));
    finals.add(new Column(Metric.OPERATIVES_DISPATCHED_CUMULATIVE, Metric.ALL, "operatives dispatched"));
    finals.add(new Column(Metric.PLOTS_FOILED_CUMULATIVE, Metric.ALL, "plots foiled"));
    finals.add(new Column(Metric.PLOTS_EXECUTED_CUMULATIVE, Metric.ALL, "plots carried out"));
    finals.add(new Column(Metric.RETURNEES_CUMULATIVE, Metric.ALL, "returnees"));
    List<LocalDate> samples = Engine.sampleDates(scenario.calendar());
    end = samples.get(samples.size() - 1);
    // The first sample, the first of each new year, and the last.
    for (LocalDate date : samples) {
      if (dates.isEmpty() || date.getYear() != dates.get(dates.size() - 1).getYear() || date.equals(end)) {
        dates.add(date);
      }
    }
  }

  /** Accumulates one series row if it is one the summary prints. */
  void series(LocalDate date, String metric, String key, double value) {
    if (!dates.contains(date) || Double.isNaN(value)) {
      return;
    }
    double[] sum = sums.computeIfAbsent(metric + '\u0000' + key + '\u0000' + date, k -> new double[2]);
    sum[0] += value;
    sum[1]++;
  }

  private String mean(Column column, LocalDate date) {
    double[] sum = sums.get(column.metric() + '\u0000' + column.key() + '\u0000' + date);
    return sum == null ? "-" : String.format(Locale.ROOT, "%,.0f", sum[0] / sum[1]);
  }

  void print(PrintWriter out, int replications) {
    out.println();
    out.println(replications == 1 ? "Organisation over time:" : "Organisation over time (mean of "
        + replications + " replications):");
    StringBuilder header = new StringBuilder(String.format("  %-10s", "date"));
    for (Column column : columns) {
      header.append(String.format("  %16s", column.title()));
    }
    out.println(header);
    for (LocalDate date : dates) {
      StringBuilder line = new StringBuilder(String.format("  %-10s", date));
      for (Column column : columns) {
        line.append(String.format("  %16s", mean(column, date)));
      }
      out.println(line);
    }
    out.println();
    StringBuilder totals = new StringBuilder("By " + end + ":");
    for (Column column : finals) {
      totals.append(' ').append(mean(column, end)).append(' ').append(column.title()).append(';');
    }
    totals.setLength(totals.length() - 1);
    out.println(totals);
  }
}
