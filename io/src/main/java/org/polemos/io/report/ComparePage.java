package org.polemos.io.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.polemos.model.result.Metric;

/**
 * {@code compare.html}: two runs made with the same seed, baseline A and variant B, overlaid series
 * by series, with the paired difference B - A and its 95% interval, and the table of effects at the
 * last date sorted by size. The series are those of the report's chart catalogue (each key of a
 * per-faction chart, the total of a per-source chart). Same page family as report.html: one offline
 * file.
 */
public final class ComparePage {
  /** Series drawn at most (the others are in the table and the CSV). */
  static final int MAX_SERIES = 16;

  /**
   * One cell of the comparison.
   *
   * @param date sample date
   * @param metric metric
   * @param key key
   * @param n paired replications
   * @param meanA mean of A
   * @param meanB mean of B
   * @param diff mean paired difference B - A
   * @param ciLow low end of its 95% t interval
   * @param ciHigh high end
   */
  public record Row(
      LocalDate date,
      String metric,
      String key,
      int n,
      double meanA,
      double meanB,
      double diff,
      double ciLow,
      double ciHigh) {
    /** B - A relative to |A|; NaN when A is 0 or not finite. */
    public double relativeChange() {
      return meanA == 0 || !Double.isFinite(meanA) ? Double.NaN : diff / Math.abs(meanA);
    }

    /** Whether the 95% interval excludes 0 (and there are at least two pairs). */
    public boolean significant() {
      return n >= 2 && (ciLow > 0 || ciHigh < 0);
    }
  }

  /**
   * Largest |relative change| first; rows without one (A = 0) after them, by |difference|; then by
   * name.
   */
  public static final Comparator<Row> BY_EFFECT =
      Comparator.comparing((Row r) -> Double.isNaN(r.relativeChange()))
          .thenComparing(
              r ->
                  Double.isNaN(r.relativeChange())
                      ? -Math.abs(r.diff())
                      : -Math.abs(r.relativeChange()))
          .thenComparing(Row::metric)
          .thenComparing(Row::key);

  private ComparePage() {}

  /** The rows at {@code date} whose interval excludes 0, sorted by effect. */
  public static List<Row> effects(List<Row> rows, LocalDate date) {
    List<Row> effects = new ArrayList<>();
    for (Row row : rows) {
      if (row.date().equals(date) && row.significant()) {
        effects.add(row);
      }
    }
    effects.sort(BY_EFFECT);
    return effects;
  }

  /** A relative change as text: "+12.3%", "-0.4%", "n/a". */
  public static String percent(double relative) {
    if (!Double.isFinite(relative)) {
      return "n/a";
    }
    return (relative > 0 ? "+" : relative < 0 ? "-" : "")
        + Numbers.format(Math.abs(relative) * 100)
        + "%";
  }

  /**
   * The page.
   *
   * @param nameA the baseline's name (its directory)
   * @param nameB the variant's name
   * @param scenario the baseline's scenario (labels; may be {@link ScenarioInfo#unknown})
   * @param seed the shared seed
   * @param rows every cell, in any order
   */
  public static String render(
      String nameA, String nameB, ScenarioInfo scenario, long seed, List<Row> rows) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, Map<LocalDate, Row>>> byMetric = new LinkedHashMap<>();
    TreeSet<LocalDate> dates = new TreeSet<>();
    int n = 0;
    for (Row row : rows) {
      byMetric
          .computeIfAbsent(row.metric(), m -> new LinkedHashMap<>())
          .computeIfAbsent(row.key(), k -> new LinkedHashMap<>())
          .put(row.date(), row);
      dates.add(row.date());
      n = Math.max(n, row.n());
    }
    StringBuilder html =
        new StringBuilder(HtmlReport.head("Polemos comparison: " + nameB + " vs " + nameA));
    html.append("<header>\n<h1>")
        .append(Html.escape(nameB))
        .append(" vs ")
        .append(Html.escape(nameA))
        .append("</h1>\n<p class=\"sub\">Polemos comparison &middot; scenario <code>")
        .append(Html.escape(scenario.id()))
        .append("</code></p>\n<dl class=\"facts\"><div><dt>Baseline A</dt><dd>")
        .append(Html.escape(nameA))
        .append("</dd></div><div><dt>Variant B</dt><dd>")
        .append(Html.escape(nameB))
        .append("</dd></div><div><dt>" + "Seed</dt><dd>")
        .append(seed)
        .append("</dd></div><div><dt>Paired replications</dt><dd>")
        .append(n)
        .append("</dd></div></dl>\n</header>\n<main>\n");
    if (n < 2) {
      html.append(
          "<div class=\"banner\" id=\"banner-n1\"><strong>One replication.</strong> With a single pair "
              + "there is no interval: differences are those of one simulated history. Rerun both with -n 100 or "
              + "more.</div>\n");
    }
    html.append(
        "<section class=\"note\"><h2>How to read this page</h2><ul><li>Both runs used the same seed, so "
            + "replication i of A and of B share their random streams (common random numbers): the paired difference "
            + "B - A is much less noisy than the difference of two independent runs.</li><li>Each series is drawn "
            + "twice: A and B overlaid, then the mean paired difference with its 95% t interval (shaded).</li>"
            + "<li>The table lists, at the last date, every series whose interval excludes 0, largest relative change "
            + "first.</li></ul></section>\n");
    LocalDate last = dates.isEmpty() ? null : dates.last();
    List<Row> effects = last == null ? List.of() : effects(rows, last);
    html.append("<section id=\"effects\"><h2>Effects at ")
        .append(last == null ? "the end" : last)
        .append("</h2>\n");
    if (effects.isEmpty()) {
      html.append(
          "<p class=\"empty\">No difference at the last date has a 95% interval that excludes 0.</p>\n");
    } else {
      html.append(
          "<div class=\"scroll\"><table><thead><tr><th>Metric</th><th>Key</th><th>A</th><th>B</th>"
              + "<th>B \u2212 A</th><th>95% interval</th><th>Relative change</th></tr></thead><tbody>\n");
      for (Row row : effects) {
        html.append("<tr><td><code>")
            .append(Html.escape(row.metric()))
            .append("</code></td><td>")
            .append(Html.escape(scenario.label(row.key())))
            .append("</td><td class=\"num\">")
            .append(Numbers.format(row.meanA()))
            .append("</td><td class=\"num\">")
            .append(Numbers.format(row.meanB()))
            .append("</td><td class=\"num\">")
            .append(Numbers.format(row.diff()))
            .append("</td><td class=\"num\">")
            .append(Numbers.format(row.ciLow()))
            .append(" to ")
            .append(Numbers.format(row.ciHigh()))
            .append("</td><td class=\"num\">")
            .append(percent(row.relativeChange()))
            .append("</td></tr>\n");
      }
      html.append("</tbody></table></div>\n");
    }
    html.append("</section>\n");

    ArrayNode charts = json.createArrayNode();
    List<LocalDate> xs = new ArrayList<>(dates);
    int drawn = 0;
    for (String[] series : series(byMetric)) {
      if (drawn >= MAX_SERIES) {
        break;
      }
      Map<LocalDate, Row> cells = byMetric.get(series[0]).get(series[1]);
      String label = scenario.label(series[1]);
      String title = series[0] + (series[1].isEmpty() ? "" : " \u00b7 " + label);
      String id = "s" + drawn;
      html.append("<section class=\"chart\" id=\"")
          .append(id)
          .append("\"><h2>")
          .append(Html.escape(title))
          .append("</h2>\n<div class=\"plot\" data-chart=\"")
          .append(charts.size())
          .append("\"></div>\n")
          .append("<div class=\"plot\" data-chart=\"")
          .append(charts.size() + 1)
          .append("\"></div>\n</section>\n");
      ObjectNode overlay = chart(json, charts, id + "-ab", title + ": A and B", xs, true);
      line(overlay, "A: " + nameA, "#1f77b4", xs, cells, Row::meanA, null, null);
      line(overlay, "B: " + nameB, "#d62728", xs, cells, Row::meanB, null, null);
      ObjectNode difference = chart(json, charts, id + "-diff", title + ": B \u2212 A", xs, false);
      line(
          difference,
          "B \u2212 A (95% interval)",
          "#222222",
          xs,
          cells,
          Row::diff,
          Row::ciLow,
          Row::ciHigh);
      drawn++;
    }
    ObjectNode data = json.createObjectNode();
    data.put("replications", n);
    data.set("charts", charts);
    data.putArray("interventions");
    try {
      html.append(
          HtmlReport.tail(
              "Written by 'polemos compare' from the two run directories.",
              json.writeValueAsString(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return html.toString();
  }

  /**
   * Metric and key pairs to draw: the chart catalogue's series first (in its order), then none
   * other.
   */
  private static List<String[]> series(Map<String, Map<String, Map<LocalDate, Row>>> byMetric) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> list = new ArrayList<>();
    for (ChartSpec chart : ChartCatalogue.all()) {
      for (ChartSpec.Layer layer : chart.layers()) {
        Map<String, Map<LocalDate, Row>> keys = byMetric.get(layer.metric());
        if (keys == null) {
          continue;
        }
        List<String> wanted =
            switch (layer.grouping()) {
              case ONE -> List.of(layer.key());
              case EACH -> new ArrayList<>(keys.keySet());
              case TOP -> List.of(Metric.ALL);
            };
        for (String key : wanted) {
          if (keys.containsKey(key) && seen.add(layer.metric() + "\u0000" + key)) {
            list.add(new String[] {layer.metric(), key});
          }
        }
      }
    }
    return list;
  }

  private static ObjectNode chart(
      ObjectMapper json,
      ArrayNode charts,
      String id,
      String title,
      List<LocalDate> xs,
      boolean zero) {
    ObjectNode chart = charts.addObject();
    chart.put("id", id).put("title", title).put("unit", "").put("zero", zero);
    chart.putArray("kinds");
    chart.putArray("observed");
    ArrayNode x = chart.putArray("x");
    xs.forEach(d -> x.add(d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
    chart.putArray("series");
    return chart;
  }

  private static void line(
      ObjectNode chart,
      String label,
      String colour,
      List<LocalDate> xs,
      Map<LocalDate, Row> cells,
      java.util.function.ToDoubleFunction<Row> mean,
      java.util.function.ToDoubleFunction<Row> lo,
      java.util.function.ToDoubleFunction<Row> hi) {
    ObjectNode series = ((ArrayNode) chart.get("series")).addObject();
    series.put("label", label).put("colour", colour).put("width", 2);
    ArrayNode means = series.putArray("mean");
    ArrayNode lows = lo == null ? null : series.putArray("lo");
    ArrayNode highs = hi == null ? null : series.putArray("hi");
    for (LocalDate date : xs) {
      Row row = cells.get(date);
      boolean ok = row != null && Double.isFinite(mean.applyAsDouble(row));
      if (ok) {
        means.add(mean.applyAsDouble(row));
      } else {
        means.addNull();
      }
      if (lows != null) {
        boolean band =
            ok && Double.isFinite(lo.applyAsDouble(row)) && Double.isFinite(hi.applyAsDouble(row));
        if (band) {
          lows.add(lo.applyAsDouble(row));
          highs.add(hi.applyAsDouble(row));
        } else {
          lows.addNull();
          highs.addNull();
        }
      }
    }
  }
}
