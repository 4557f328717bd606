package org.polemos.io.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polemos.io.csv.CsvRows;
import org.polemos.model.result.Metric;

/**
 * The page of an experiment's output directory, in the family of report.html (one offline file):
 * sweep response curves ({@code sweep.csv}), the Morris mu*-sigma plot ({@code morris.csv}), Sobol
 * bars ({@code sobol.csv}), or the calibration's loss curve and fit against each target ({@code
 * loss-history.csv}, {@code fit.csv}); an ABC-SMC posterior gets its {@link PosteriorPage}. The
 * kind is recognised from the files present (docs/EXPERIMENTS.md describes them).
 */
public final class ExperimentPage {
  /** Outputs (metric, key, date) drawn at most; the rest are in the CSV files. */
  static final int MAX_OUTPUTS = 12;

  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  private final ObjectMapper json = new ObjectMapper();
  private final ArrayNode charts = json.createArrayNode();
  private final StringBuilder html = new StringBuilder();

  private ExperimentPage() {}

  /**
   * Whether {@code directory} holds the outputs of a sweep, a sensitivity study or a calibration.
   */
  public static boolean isExperiment(Path directory) {
    return kind(directory) != null;
  }

  private static String kind(Path directory) {
    if (PosteriorPage.isPosterior(directory)) {
      return "posterior.csv";
    }
    for (String file : new String[] {"sweep.csv", "morris.csv", "sobol.csv", "loss-history.csv"}) {
      if (Files.isRegularFile(directory.resolve(file))) {
        return file;
      }
    }
    return null;
  }

  /**
   * The page of {@code directory}; a {@link ReportException} when it holds no experiment output.
   */
  public static String render(Path directory) throws IOException {
    String kind = kind(directory);
    if (kind == null) {
      throw new ReportException(
          directory
              + " holds no experiment output (sweep.csv, morris.csv, sobol.csv, "
              + "loss-history.csv, or posterior.csv with abc-diagnostics.csv)");
    }
    if (kind.equals("posterior.csv")) {
      return PosteriorPage.render(directory);
    }
    return new ExperimentPage().page(directory, kind);
  }

  private String page(Path directory, String kind) throws IOException {
    String title =
        switch (kind) {
          case "sweep.csv" -> "Sweep: response curves";
          case "morris.csv" -> "Sensitivity (Morris elementary effects)";
          case "sobol.csv" -> "Sensitivity (Sobol indices)";
          default -> "Calibration: loss and fit";
        };
    html.append(HtmlReport.head("Polemos " + title))
        .append("<header>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n<p class=\"sub\">Polemos experiment page &middot; <code>")
        .append(Html.escape(directory.toString()))
        .append("</code></p>\n</header>\n<main>\n");
    switch (kind) {
      case "sweep.csv" -> sweep(read(directory.resolve(kind)));
      case "morris.csv" -> morris(read(directory.resolve(kind)));
      case "sobol.csv" -> sobol(read(directory.resolve(kind)));
      default ->
          calibration(
              read(directory.resolve(kind)),
              Files.isRegularFile(directory.resolve("fit.csv"))
                  ? read(directory.resolve("fit.csv"))
                  : List.of());
    }
    ObjectNode data = json.createObjectNode();
    data.set("charts", charts);
    data.putArray("interventions");
    try {
      html.append(
          HtmlReport.tail(
              "Written by 'polemos report' from " + kind + ".", json.writeValueAsString(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return html.toString();
  }

  /** Rows of a CSV file with a header, as column name to text. */
  static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvRows csv =
        new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
      String[] header = csv.next();
      if (header == null) {
        throw new ReportException(file + ":1: empty file");
      }
      String[] row;
      while ((row = csv.next()) != null) {
        if (row.length != header.length) {
          throw new ReportException(
              csv.where() + "expected " + header.length + " fields, found " + row.length);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          map.put(header[i].strip(), row[i]);
        }
        rows.add(map);
      }
    }
    return rows;
  }

  private static double number(Map<String, String> row, String column) {
    String text = row.get(column);
    if (text == null) {
      throw new ReportException("no column '" + column + "'");
    }
    try {
      return CsvRows.number(text);
    } catch (NumberFormatException e) {
      throw new ReportException("column '" + column + "': '" + text + "' is not a number");
    }
  }

  private ObjectNode chart(
      String title, String caption, String xType, String xLabel, String yLabel) {
    String id = "c" + charts.size();
    html.append("<section class=\"chart\" id=\"")
        .append(id)
        .append("\"><h2>")
        .append(Html.escape(title))
        .append("</h2>\n<p class=\"caption\">")
        .append(Html.escape(caption))
        .append("</p>\n<div class=\"plot\" " + "data-chart=\"")
        .append(charts.size())
        .append("\"></div>\n</section>\n");
    ObjectNode chart = charts.addObject();
    chart
        .put("id", id)
        .put("title", title)
        .put("unit", "")
        .put("zero", true)
        .put("xType", xType)
        .put("xLabel", xLabel)
        .put("yLabel", yLabel);
    chart.putArray("kinds");
    chart.putArray("observed");
    chart.putArray("series");
    return chart;
  }

  private static ObjectNode series(ObjectNode chart, String label, String colour) {
    return ((ArrayNode) chart.get("series"))
        .addObject()
        .put("label", label)
        .put("colour", colour)
        .put("width", 2);
  }

  private static void values(ObjectNode series, String field, List<Double> values) {
    ArrayNode array = series.putArray(field);
    for (Double value : values) {
      if (value == null || !Double.isFinite(value)) {
        array.addNull();
      } else {
        array.add(value);
      }
    }
  }

  private static String output(Map<String, String> row) {
    String key = row.get("key");
    return row.get("metric")
        + (key == null || key.isEmpty() ? "" : " \u00b7 " + key)
        + " at "
        + row.get("date");
  }

  /**
   * Response curves: each output at its last date against the first swept parameter, one line per
   * value of the others.
   */
  private void sweep(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      html.append("<p class=\"empty\">sweep.csv has no rows.</p>\n");
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    List<String> paths = columns.subList(1, columns.indexOf("metric"));
    String x = paths.get(0);
    // the last date of each (metric, key), outputs in file order: totals and keyless series first
    Map<String, String> lastDate = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      lastDate.merge(
          row.get("metric") + "\u0000" + row.get("key"),
          row.get("date"),
          (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<String> outputs = new ArrayList<>(lastDate.keySet());
    outputs.sort(
        Comparator.comparing(
            (String o) -> {
              String key = o.substring(o.indexOf('\u0000') + 1);
              return key.isEmpty() || key.equals(Metric.ALL) ? 0 : 1;
            }));
    html.append(
            "<section class=\"note\"><h2>How to read this page</h2><p>Each chart is one output at its last "
                + "date against <code>")
        .append(Html.escape(x))
        .append(
            "</code>: the mean over replications at each point "
                + "with its 95% confidence interval (shaded)")
        .append(
            paths.size() > 1
                ? ", one line per combination of "
                    + Html.escape(String.join(", ", paths.subList(1, paths.size())))
                : "")
        .append(". ")
        .append(outputs.size())
        .append(" outputs in sweep.csv; ")
        .append(Math.min(outputs.size(), MAX_OUTPUTS))
        .append(" drawn (totals " + "first).</p></section>\n");
    for (String output : outputs.subList(0, Math.min(outputs.size(), MAX_OUTPUTS))) {
      String metric = output.substring(0, output.indexOf('\u0000'));
      String key = output.substring(output.indexOf('\u0000') + 1);
      String date = lastDate.get(output);
      TreeMap<Double, Map<String, Map<String, String>>> byX = new TreeMap<>();
      List<String> groups = new ArrayList<>();
      for (Map<String, String> row : rows) {
        if (row.get("metric").equals(metric)
            && row.get("key").equals(key)
            && row.get("date").equals(date)) {
          StringBuilder group = new StringBuilder();
          for (String path : paths.subList(1, paths.size())) {
            group
                .append(group.length() == 0 ? "" : ", ")
                .append(path)
                .append(" = ")
                .append(row.get(path));
          }
          if (!groups.contains(group.toString())) {
            groups.add(group.toString());
          }
          byX.computeIfAbsent(number(row, x), v -> new LinkedHashMap<>())
              .put(group.toString(), row);
        }
      }
      ObjectNode chart =
          chart(
              metric + (key.isEmpty() ? "" : " \u00b7 " + key) + " at " + date,
              "Mean and 95% confidence interval over replications at each point of the sweep.",
              "number",
              x,
              metric);
      ArrayNode xs = chart.putArray("x");
      byX.keySet().forEach(xs::add);
      int colour = 0;
      for (String group : groups) {
        List<Double> mean = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        for (Map<String, Map<String, String>> cells : byX.values()) {
          Map<String, String> row = cells.get(group);
          mean.add(row == null ? null : number(row, "mean"));
          lo.add(row == null ? null : number(row, "ci_low"));
          hi.add(row == null ? null : number(row, "ci_high"));
        }
        ObjectNode s =
            series(chart, group.isEmpty() ? "mean" : group, PALETTE[colour++ % PALETTE.length]);
        values(s, "mean", mean);
        values(s, "lo", lo);
        values(s, "hi", hi);
      }
    }
  }

  /** The first outputs of a sensitivity file, in file order. */
  private static Map<String, List<Map<String, String>>> byOutput(List<Map<String, String>> rows) {
    Map<String, List<Map<String, String>>> byOutput = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String output = output(row);
      if (byOutput.containsKey(output) || byOutput.size() < MAX_OUTPUTS) {
        byOutput.computeIfAbsent(output, o -> new ArrayList<>()).add(row);
      }
    }
    return byOutput;
  }

  /** One mu*-sigma scatter per output, points labelled by parameter. */
  private void morris(List<Map<String, String>> rows) {
    html.append(
        "<section class=\"note\"><h2>How to read this page</h2><p>Each point is a parameter: mu* (x) is the "
            + "mean absolute elementary effect, its importance; sigma (y) the spread of its effects, from "
            + "non-linearity or interactions. Parameters far right matter most; high above the diagonal, their effect "
            + "depends on the others. Effects are in output units per parameter range.</p></section>\n");
    for (Map.Entry<String, List<Map<String, String>>> output : byOutput(rows).entrySet()) {
      List<Map<String, String>> points = new ArrayList<>(output.getValue());
      points.sort(Comparator.comparingDouble(row -> number(row, "mu_star")));
      ObjectNode chart =
          chart(
              output.getKey(),
              "Morris mu* against sigma; hover a point for its parameter.",
              "number",
              "mu* (importance)",
              "sigma");
      chart.put("mode", "points");
      ArrayNode xs = chart.putArray("x");
      ArrayNode labels = chart.putArray("pointLabels");
      List<Double> sigma = new ArrayList<>();
      for (Map<String, String> row : points) {
        xs.add(number(row, "mu_star"));
        sigma.add(number(row, "sigma"));
        labels.add(row.get("parameter"));
      }
      values(series(chart, "sigma", "#1f77b4"), "mean", sigma);
    }
  }

  /** One bar chart of S1 and ST per output, parameters by rank. */
  private void sobol(List<Map<String, String>> rows) {
    html.append(
        "<section class=\"note\"><h2>How to read this page</h2><p>For each output, the first-order index "
            + "S1 (the share of the output's variance due to the parameter alone) and the total index ST (alone and in "
            + "interactions), parameters by rank of ST. ST well above S1 means interactions. Estimates from a finite "
            + "sample: small differences are noise (docs/EXPERIMENTS.md).</p></section>\n");
    for (Map.Entry<String, List<Map<String, String>>> output : byOutput(rows).entrySet()) {
      List<Map<String, String>> bars = new ArrayList<>(output.getValue());
      bars.sort(Comparator.comparingDouble(row -> number(row, "rank")));
      ObjectNode chart =
          chart(
              output.getKey(),
              "Sobol indices S1 and ST by parameter.",
              "category",
              "parameter",
              "index");
      chart.put("mode", "bars");
      ArrayNode xs = chart.putArray("x");
      ArrayNode categories = chart.putArray("categories");
      List<Double> s1 = new ArrayList<>();
      List<Double> st = new ArrayList<>();
      for (int i = 0; i < bars.size(); i++) {
        xs.add(i);
        categories.add(bars.get(i).get("parameter"));
        s1.add(number(bars.get(i), "s1"));
        st.add(number(bars.get(i), "st"));
      }
      values(series(chart, "S1 (first order)", "#1f77b4"), "mean", s1);
      values(series(chart, "ST (total)", "#ff7f0e"), "mean", st);
    }
  }

  /** The loss per evaluation and the fit against each target. */
  private void calibration(List<Map<String, String>> history, List<Map<String, String>> fit) {
    ObjectNode loss =
        chart(
            "Loss per evaluation",
            "Loss of each evaluation and the best loss so far (lower is " + "better).",
            "number",
            "evaluation",
            "loss");
    ArrayNode xs = loss.putArray("x");
    List<Double> each = new ArrayList<>();
    List<Double> best = new ArrayList<>();
    for (Map<String, String> row : history) {
      xs.add(number(row, "evaluation"));
      each.add(number(row, "loss"));
      best.add(number(row, "best_loss"));
    }
    values(series(loss, "loss", "#9aa3ad"), "mean", each);
    values(series(loss, "best loss", "#1d232b"), "mean", best);
    if (fit.isEmpty()) {
      return;
    }
    ObjectNode chart =
        chart(
            "Fit against each target",
            "Each target's reported interval (vertical bar, circle at "
                + "its middle) and the simulated mean (red) with its 5-95% interval over replications (shaded bar), in "
                + "the target's units.",
            "category",
            "target",
            "value");
    chart.put("zero", false);
    ArrayNode targets = chart.putArray("x");
    ArrayNode categories = chart.putArray("categories");
    ArrayNode observed = (ArrayNode) chart.get("observed");
    List<Double> mean = new ArrayList<>();
    List<Double> lo = new ArrayList<>();
    List<Double> hi = new ArrayList<>();
    html.append(
        "<section><h2>Targets</h2><table><thead><tr><th>#</th><th>Quantity</th><th>Key</th><th>Period</th>"
            + "<th>Reported</th><th>Simulated mean (5-95%)</th><th>Loss</th></tr></thead><tbody>\n");
    for (int i = 0; i < fit.size(); i++) {
      Map<String, String> row = fit.get(i);
      targets.add(i);
      categories.add("#" + (i + 1) + " " + row.get("quantity"));
      // fit.csv has the simulated values already times the target's scale: in the figure's units
      mean.add(number(row, "simulated_mean"));
      lo.add(number(row, "simulated_p05"));
      hi.add(number(row, "simulated_p95"));
      observed
          .addObject()
          .put("series", 0)
          .put("x0", i)
          .put("x1", i)
          .put("x", i)
          .put("lo", number(row, "low"))
          .put("hi", number(row, "high"))
          .put("label", "");
      html.append("<tr><td>")
          .append(i + 1)
          .append("</td><td>")
          .append(Html.escape(row.get("quantity")))
          .append("</td><td>")
          .append(Html.escape(row.get("key")))
          .append("</td><td>")
          .append(Html.escape(row.get("date_from") + " to " + row.get("date_to")))
          .append("</td><td class=\"num\">")
          .append(Numbers.range(number(row, "low"), number(row, "high")))
          .append("</td><td class=\"num\">")
          .append(Numbers.format(mean.get(i)))
          .append(" (")
          .append(Numbers.range(lo.get(i), hi.get(i)))
          .append(")</td><td class=\"num\">")
          .append(Numbers.format(number(row, "loss")))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");
    chart.put("mode", "points");
    ObjectNode simulated = series(chart, "simulated mean (5-95%)", "#d62728");
    values(simulated, "mean", mean);
    values(simulated, "lo", lo);
    values(simulated, "hi", hi);
  }
}
