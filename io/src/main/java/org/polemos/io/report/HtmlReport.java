package org.polemos.io.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.polemos.model.result.Metric;

/** Renders the report of one run as one self-contained HTML page (inline CSS and SVG, no scripts). */
public final class HtmlReport {
  /** Metrics the report charts (the series it reads from a run). */
  public static final Set<String> CHARTED = Set.of(Metric.TERRITORY_KM2, Metric.FIGHTERS,
      Metric.FOREIGN_ARRIVALS_CUMULATIVE, Metric.RETURNEES_CUMULATIVE, Metric.REVENUE_USD, Metric.TREASURY_USD,
      Metric.OPERATIVES_DISPATCHED_CUMULATIVE, Metric.PLOTS_FOILED_CUMULATIVE, Metric.PLOTS_EXECUTED_CUMULATIVE,
      Metric.MOMENTUM);

  private static final Map<String, String> FACTION_COLOURS = Map.of(
      "islamic-state", "#1b1b1b",
      "iraqi-forces", "#1f6fb4",
      "syrian-government", "#c0392b",
      "kurdish-forces", "#2e9c4a",
      "other-rebels", "#8e5cc4");
  private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  private static final String ALL_COLOUR = "#222222";

  private static final Set<String> GROUND = Set.of("ground-offensive", "air-campaign");
  private static final Set<String> FLOWS = Set.of("border-closure", "travel-measures", "counter-messaging",
      "intelligence-sharing");
  private static final Set<String> MONEY = Set.of("revenue-strikes");
  private static final Set<String> ABROAD = Set.of("intelligence-sharing", "travel-measures");

  /** Placeholder in the navigation for the link to the observed-data section, known only after the charts. */
  private static final String OBSERVED_NAV = "\u0000observed-nav\u0000";
  /** Keys of an unmatched observed metric drawn on its chart; the others are listed under it. */
  private static final int OBSERVED_KEYS_PER_CHART = 6;

  private record LineSpec(String metric, String key, String label, String colour, boolean band, double width) {
  }

  private final RunData run;
  private final List<ObservedPoint> observed;
  private final List<PublicFigures.Unmapped> unmapped;
  private final List<String> observedSources;
  private final Map<String, String> colours = new LinkedHashMap<>();
  /** Observed points drawn on a chart of simulated series (by identity). */
  private final Set<ObservedPoint> overlaid = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Simulated series drawn on a chart, metric to keys: what an observed row can be matched to. */
  private final Map<String, Set<String>> drawn = new LinkedHashMap<>();
  private final StringBuilder html = new StringBuilder(1 << 18);

  private HtmlReport(RunData run, List<ObservedPoint> observed, List<PublicFigures.Unmapped> unmapped,
      List<String> observedSources) {
    this.run = run;
    this.observed = observed;
    this.unmapped = unmapped;
    this.observedSources = observedSources;
    int next = 0;
    for (String faction : run.keys(Metric.TERRITORY_KM2)) {
      colours.put(faction, FACTION_COLOURS.getOrDefault(faction, PALETTE[next++ % PALETTE.length]));
    }
    for (String faction : run.scenario().factions().keySet()) {
      colours.putIfAbsent(faction, FACTION_COLOURS.getOrDefault(faction, PALETTE[next++ % PALETTE.length]));
    }
    int source = 0;
    for (String id : run.scenario().sources().keySet()) {
      colours.putIfAbsent(id, PALETTE[source++ % PALETTE.length]);
    }
  }

  /**
   * The page.
   *
   * @param run the run
   * @param observed observed points to overlay
   * @param unmapped public figures that could not be overlaid (listed with the reason)
   * @param observedSources where the observed points came from, for the page's notes
   */
  public static String render(RunData run, List<ObservedPoint> observed, List<PublicFigures.Unmapped> unmapped,
      List<String> observedSources) {
    return new HtmlReport(run, observed, unmapped, observedSources).page();
  }

  private String page() {
    ScenarioInfo scenario = run.scenario();
    Map<String, String> manifest = run.manifest();
    String title = "Polemos report: " + scenario.name();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>").append(Html.escape(scenario.name())).append("</h1>\n<p class=\"sub\">Polemos run "
        + "report &middot; scenario <code>").append(Html.escape(scenario.id())).append("</code></p>\n<dl class=\"facts\">");
    fact("Seed", manifest.getOrDefault("seed", "unknown"));
    fact("Replications", manifest.getOrDefault("replications", "?") + (run.replications() != parse(manifest
        .get("replications")) ? " (" + run.replications() + " in series.csv)" : ""));
    if (!run.dates().isEmpty()) {
      fact("Period", run.dates().first() + " to " + run.dates().last() + (scenario.outputStep().isEmpty() ? ""
          : ", " + scenario.outputStep() + " output"));
    }
    fact("Run started", manifest.getOrDefault("startedAt", "unknown"));
    fact("Version", manifest.getOrDefault("version", "unknown"));
    html.append("</dl>\n</header>\n<main>\n");
    readingNote();
    html.append("<nav><strong>Charts:</strong> <a href=\"#territory\">territory</a> &middot; <a href=\"#fighters\">"
        + "fighters</a> &middot; <a href=\"#deaths\">deaths per month</a> &middot; <a href=\"#arrivals\">foreign arrivals</a> &middot; <a href=\"#inflow\">inflow "
        + "per month</a> &middot; <a href=\"#returnees\">returnees</a> &middot; <a href=\"#revenue\">revenue</a> "
        + "&middot; <a href=\"#treasury\">treasury</a> &middot; <a href=\"#abroad\">operations abroad</a> &middot; "
        + "<a href=\"#abroad-monthly\">attacks per month</a> &middot; <a href=\"#momentum\">momentum</a> &middot; "
        + OBSERVED_NAV
        + "<a href=\"#events\">events</a> &middot; <a href=\"#manifest\">manifest</a></nav>\n");
    charts();
    int nav = html.indexOf(OBSERVED_NAV);
    html.replace(nav, nav + OBSERVED_NAV.length(), unmatchedObserved().isEmpty() ? ""
        : "<a href=\"#observed-data\">observed data</a> &middot; ");
    eventsTable();
    manifestTable();
    html.append("</main>\n<footer>Written by Polemos from the run directory's files. Aggregate, population-level "
        + "results for policy research; counts and probabilities only.</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private void charts() {
    String step = stepUnit();
    List<LineSpec> factions = new ArrayList<>();
    for (String key : run.keys(Metric.TERRITORY_KM2)) {
      factions.add(new LineSpec(Metric.TERRITORY_KM2, key, run.scenario().label(key), colours.get(key), true, 2));
    }
    chart("territory", "Territory held by faction (km\u00b2)", "Area of the regions each faction holds; lines are "
        + "means over replications, bands the 5th-95th percentiles.", factions, GROUND, false);
    List<LineSpec> fighters = new ArrayList<>();
    for (String key : run.keys(Metric.FIGHTERS)) {
      fighters.add(new LineSpec(Metric.FIGHTERS, key, run.scenario().label(key),
          colours.getOrDefault(key, "#555"), true, 2));
    }
    chart("fighters", "Fighters by faction (fighters)", "Fighters of each faction over all regions "
        + "(the organisation's include foreign fighters).", fighters, GROUND, false);
    List<LineSpec> deaths = new ArrayList<>();
    for (String key : run.keys(ReportMetrics.DEATHS_MONTHLY)) {
      deaths.add(new LineSpec(ReportMetrics.DEATHS_MONTHLY, key, run.scenario().label(key),
          colours.getOrDefault(key, "#555"), true, 2));
    }
    chart("deaths", "Deaths per month by faction (fighters per month)", "Combat and air-strike deaths of each "
        + "faction in each calendar month (dated its first day): per replication, the difference of cumulative "
        + "deaths between the samples on or before the first days of the month and of the next, then summarised.",
        deaths, GROUND, false);

    List<LineSpec> arrivals = sourceLines(Metric.FOREIGN_ARRIVALS_CUMULATIVE, 6, 10);
    chart("arrivals", "Foreign arrivals, cumulative, top sources and total (people)", "Travellers who crossed into "
        + "the organisation's territory since the start; the sources with the most arrivals at the end, any source "
        + "with an observed figure, and all sources together (band on the total only).", arrivals, FLOWS, false);
    chart("inflow", "Foreign arrivals per month, all sources (people per month)", "Difference of cumulative "
        + "arrivals between the last samples of consecutive calendar months, per replication, then summarised.",
        List.of(new LineSpec(ReportMetrics.INFLOW_MONTHLY, Metric.ALL, "All sources", ALL_COLOUR, true, 2)), FLOWS,
        false);
    chart("returnees", "Returnees, cumulative, top sources and total (people)", "Foreign deserters who returned to "
        + "their source country.", sourceLines(Metric.RETURNEES_CUMULATIVE, 5, 5), FLOWS, false);

    List<LineSpec> revenue = new ArrayList<>();
    String[] streamColours = {"#1f77b4", "#8c564b", "#7f7f7f"};
    int i = 0;
    for (String key : run.keys(Metric.REVENUE_USD)) {
      revenue.add(new LineSpec(Metric.REVENUE_USD, key, streamLabel(key), streamColours[i++ % 3], true, 2));
    }
    chart("revenue", "Revenue by stream (USD per " + step + ")", "Revenue of each stream during each output "
        + "period. Public figures given per day, month or year are converted to the output period.", revenue, MONEY,
        false);
    chart("treasury", "Treasury of the organisation (USD)", "Money held at each sample.",
        List.of(new LineSpec(Metric.TREASURY_USD, "", "Treasury", "#6b4c9a", true, 2)), MONEY, false);
    chart("abroad", "Operations abroad: operatives dispatched, plots foiled and plots executed (cumulative counts, "
        + "all destinations)", "Counts only: operatives sent towards their source countries, plots foiled there, "
        + "plots carried out.", List.of(
            new LineSpec(Metric.OPERATIVES_DISPATCHED_CUMULATIVE, Metric.ALL, "Operatives dispatched", "#1f77b4", true,
                2),
            new LineSpec(Metric.PLOTS_FOILED_CUMULATIVE, Metric.ALL, "Plots foiled", "#2ca02c", true, 2),
            new LineSpec(Metric.PLOTS_EXECUTED_CUMULATIVE, Metric.ALL, "Plots executed", "#d62728", true, 2)),
        ABROAD, false);
    List<LineSpec> abroadMonthly = new ArrayList<>();
    abroadMonthly.add(new LineSpec(ReportMetrics.PLOTS_EXECUTED_MONTHLY, Metric.ALL, "Plots executed, all sources",
        "#d62728", true, 2.4));
    abroadMonthly.add(new LineSpec(ReportMetrics.INSPIRED_ATTACKS_MONTHLY, Metric.ALL,
        "Inspired attacks, all sources", "#ff7f0e", true, 2.4));
    for (String metric : List.of(ReportMetrics.PLOTS_EXECUTED_MONTHLY, ReportMetrics.INSPIRED_ATTACKS_MONTHLY)) {
      Set<String> withObserved = new LinkedHashSet<>();
      for (ObservedPoint point : observed) {
        if (point.metric().equals(metric) && !point.key().equals(Metric.ALL)
            && run.keys(metric).contains(point.key()) && withObserved.size() < 6) {
          withObserved.add(point.key());
        }
      }
      for (String key : withObserved) {
        abroadMonthly.add(new LineSpec(metric, key, (metric.equals(ReportMetrics.PLOTS_EXECUTED_MONTHLY)
            ? "Plots executed, " : "Inspired attacks, ") + run.scenario().label(key), colours.getOrDefault(key,
            "#888"), false, 1.6));
      }
    }
    chart("abroad-monthly", "Plots executed and inspired attacks per month (counts per month)", "Counts only, "
        + "all sources, and any source with an observed series: per replication, the difference of the cumulative "
        + "counts over each calendar month (dated its first day), then summarised.", abroadMonthly, ABROAD, false);
    chart("momentum", "Momentum of the organisation (dimensionless, 1 = neutral)", "Perceived momentum: above 1 "
        + "draws recruits, below 1 deters them.",
        List.of(new LineSpec(Metric.MOMENTUM, "", "Momentum", "#b35806", true, 2)), Set.of(), true);
    observedData();
    if (!unmapped.isEmpty()) {
      html.append("<section><h2>Public figures not overlaid</h2><table><thead><tr><th>Period</th><th>Quantity</th>"
          + "<th>Key</th><th>Reported</th><th>Unit</th><th>Source</th><th>Why not shown</th></tr></thead><tbody>\n");
      for (PublicFigures.Unmapped u : unmapped) {
        PublicFigures.Figure f = u.figure();
        html.append("<tr><td>").append(period(f.from(), f.to())).append("</td><td>").append(Html.escape(f.quantity()))
            .append("</td><td>").append(Html.escape(f.key())).append("</td><td class=\"num\">")
            .append(Numbers.range(f.low(), f.high())).append("</td><td>").append(Html.escape(f.unit()))
            .append("</td><td>").append(Html.escape(f.source())).append("</td><td>").append(Html.escape(u.reason()))
            .append("</td></tr>\n");
      }
      html.append("</tbody></table></section>\n");
    }
  }

  private List<LineSpec> sourceLines(String metric, int top, int max) {
    LocalDate last = run.dates().isEmpty() ? null : run.dates().last();
    List<String> keys = new ArrayList<>(run.keys(metric));
    keys.remove(Metric.ALL);
    keys.sort(Comparator.comparingDouble((String k) -> -finalMean(metric, k, last)));
    Set<String> shown = new LinkedHashSet<>();
    for (String key : keys) {
      if (shown.size() < top && finalMean(metric, key, last) > 0) {
        shown.add(key);
      }
    }
    for (ObservedPoint point : observed) {
      if (point.metric().equals(metric) && keys.contains(point.key()) && shown.size() < max) {
        shown.add(point.key());
      }
    }
    List<LineSpec> lines = new ArrayList<>();
    for (String key : keys) {
      if (shown.contains(key)) {
        lines.add(new LineSpec(metric, key, run.scenario().label(key), colours.getOrDefault(key, "#888"), false,
            1.6));
      }
    }
    lines.add(new LineSpec(metric, Metric.ALL, "All sources", ALL_COLOUR, true, 2.6));
    return lines;
  }

  private double finalMean(String metric, String key, LocalDate last) {
    NavigableMap<LocalDate, Stats> summary = run.summary(metric, key);
    if (summary.isEmpty()) {
      return 0;
    }
    double value = summary.lastEntry().getValue().mean();
    return Double.isFinite(value) ? value : 0;
  }

  private void chart(String id, String title, String caption, List<LineSpec> specs, Set<String> spanKinds,
      boolean floating) {
    html.append("<section class=\"chart\" id=\"").append(id).append("\">\n<h2>").append(Html.escape(title))
        .append("</h2>\n<p class=\"caption\">").append(Html.escape(caption)).append("</p>\n");
    if (run.dates().isEmpty()) {
      html.append("<p class=\"empty\">No samples in this run.</p></section>\n");
      return;
    }
    SvgChart chart = new SvgChart(run.dates().first(), run.dates().last());
    if (floating) {
      chart.floating();
    }
    Map<String, String> colourBySeries = new LinkedHashMap<>();
    Map<String, String> labelBySeries = new LinkedHashMap<>();
    for (LineSpec spec : specs) {
      chart.line(spec.label(), spec.colour(), run.summary(spec.metric(), spec.key()), spec.band(), spec.width());
      if (!run.summary(spec.metric(), spec.key()).isEmpty()) {
        drawn.computeIfAbsent(spec.metric(), m -> new LinkedHashSet<>()).add(spec.key());
        colourBySeries.put(spec.metric() + "\u0000" + spec.key(), spec.colour());
        labelBySeries.put(spec.metric() + "\u0000" + spec.key(), spec.label());
      }
    }
    if (chart.isEmpty()) {
      html.append("<p class=\"empty\">This run has no data for this chart.</p></section>\n");
      return;
    }
    for (ScenarioInfo.InterventionSpan span : run.scenario().interventions()) {
      if (spanKinds.contains(span.kind())) {
        chart.span(span);
      }
    }
    List<ObservedPoint> matched = new ArrayList<>();
    for (ObservedPoint point : observed) {
      String colour = colourBySeries.get(point.metric() + "\u0000" + point.key());
      if (colour != null) {
        matched.add(point);
        overlaid.add(point);
        chart.point(point, colour, matched.size() <= 40 ? matched.size() : 0);
      }
    }
    html.append("<figure>").append(chart.render(title)).append("</figure>\n");
    if (!matched.isEmpty()) {
      html.append("<details class=\"observed\"").append(matched.size() <= 12 ? " open" : "").append("><summary>")
          .append(matched.size()).append(" observed point").append(matched.size() == 1 ? "" : "s")
          .append(" on this chart</summary>\n<table><thead><tr><th>#</th><th>Series</th><th>Period</th>"
              + "<th>Observed</th><th>Simulated mean (5-95%) at the nearest sample</th><th>Source</th></tr></thead>"
              + "<tbody>\n");
      int index = 0;
      for (ObservedPoint point : matched) {
        index++;
        NavigableMap<LocalDate, Stats> summary = run.summary(point.metric(), point.key());
        Map.Entry<LocalDate, Stats> nearest = nearest(summary, point.midpoint());
        String simulated = nearest == null ? "n/a" : Numbers.format(nearest.getValue().mean()) + " ("
            + Numbers.range(nearest.getValue().p05(), nearest.getValue().p95()) + ") on " + nearest.getKey();
        html.append("<tr><td>").append(index).append("</td><td>")
            .append(Html.escape(labelBySeries.get(point.metric() + "\u0000" + point.key()))).append("</td><td>")
            .append(period(point.from(), point.to())).append("</td><td class=\"num\">")
            .append(Numbers.range(point.low(), point.high())).append("</td><td class=\"num\">")
            .append(Html.escape(simulated)).append("</td><td>").append(Html.escape(point.source()))
            .append(point.note().isEmpty() ? "" : "<br><small>" + Html.escape(point.note()) + "</small>")
            .append("</td></tr>\n");
      }
      html.append("</tbody></table></details>\n");
    }
    html.append("</section>\n");
  }

  /** Observed points that no chart of simulated series shows, in file order. */
  private List<ObservedPoint> unmatchedObserved() {
    List<ObservedPoint> unmatched = new ArrayList<>();
    for (ObservedPoint point : observed) {
      if (!overlaid.contains(point)) {
        unmatched.add(point);
      }
    }
    return unmatched;
  }

  /**
   * The "Observed data" section: each observed metric that matched no simulated chart drawn on its own chart (the
   * keys with the largest totals, the others listed), with a note on why and which series could be matched.
   */
  private void observedData() {
    List<ObservedPoint> unmatched = unmatchedObserved();
    if (unmatched.isEmpty()) {
      return;
    }
    Map<String, Map<String, List<ObservedPoint>>> byMetric = new LinkedHashMap<>();
    for (ObservedPoint point : unmatched) {
      byMetric.computeIfAbsent(point.metric(), m -> new LinkedHashMap<>())
          .computeIfAbsent(point.key(), k -> new ArrayList<>()).add(point);
    }
    html.append("<section id=\"observed-data\"><h2>Observed data</h2>\n<p class=\"caption\">")
        .append(unmatched.size()).append(" observed point").append(unmatched.size() == 1 ? "" : "s")
        .append(" in ").append(byMetric.size()).append(" metric").append(byMetric.size() == 1 ? "" : "s")
        .append(" match no simulated series on the charts above (an observed row is overlaid only where a chart "
            + "shows the simulated series with the same metric and key), so they are drawn here on their own.</p>\n")
        .append("<p class=\"caption\">Series the report can overlay observed rows on (metric: keys): ")
        .append(overlayable()).append(". Re-import with <code>--as METRIC</code> and, for a single key, "
            + "<code>--by month --key KEY</code> to name the rows like one of them (docs/IMPORTING.md).</p>\n");
    int chartIndex = 0;
    for (Map.Entry<String, Map<String, List<ObservedPoint>>> metric : byMetric.entrySet()) {
      chartIndex++;
      observedChart("observed-" + chartIndex, metric.getKey(), metric.getValue());
    }
    html.append("</section>\n");
  }

  private String overlayable() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Set<String>> metric : drawn.entrySet()) {
      List<String> keys = new ArrayList<>();
      for (String key : metric.getValue()) {
        keys.add(key.isEmpty() ? "(empty key)" : key);
      }
      String shown = keys.size() > 8 ? String.join(", ", keys.subList(0, 8)) + ", \u2026 (" + keys.size()
          + " keys)" : String.join(", ", keys);
      parts.add("<code>" + Html.escape(metric.getKey()) + "</code>: " + Html.escape(shown));
    }
    return parts.isEmpty() ? "none (the run has no charted series)" : String.join("; ", parts);
  }

  private void observedChart(String id, String metric, Map<String, List<ObservedPoint>> byKey) {
    List<String> keys = new ArrayList<>(byKey.keySet());
    keys.sort(Comparator.comparingDouble((String k) -> -byKey.get(k).stream().mapToDouble(ObservedPoint::high)
        .sum()));
    List<String> shown = keys.subList(0, Math.min(OBSERVED_KEYS_PER_CHART, keys.size()));
    List<String> rest = keys.subList(shown.size(), keys.size());
    LocalDate first = null;
    LocalDate last = null;
    int points = 0;
    for (String key : shown) {
      for (ObservedPoint point : byKey.get(key)) {
        first = first == null || point.from().isBefore(first) ? point.from() : first;
        last = last == null || point.to().isAfter(last) ? point.to() : last;
        points++;
      }
    }
    String title = "Observed: " + metric;
    html.append("<div class=\"chart\" id=\"").append(id).append("\">\n<h3>").append(Html.escape(title))
        .append("</h3>\n<p class=\"caption\">").append(whyUnmatched(metric, shown)).append(' ').append(points)
        .append(" point").append(points == 1 ? "" : "s").append(", ").append(shown.size() == keys.size()
            ? keys.size() + " key" + (keys.size() == 1 ? "" : "s")
            : "the " + shown.size() + " keys with the largest totals of " + keys.size())
        .append("; lines join the observed values, no simulated series is drawn.</p>\n");
    SvgChart chart = new SvgChart(first, last);
    int colour = 0;
    for (String key : shown) {
      String c = colours.containsKey(key) ? colours.get(key) : PALETTE[colour++ % PALETTE.length];
      NavigableMap<LocalDate, Stats> line = new TreeMap<>();
      for (ObservedPoint point : byKey.get(key)) {
        double mid = (point.low() + point.high()) / 2;
        line.put(point.midpoint(), new Stats(1, mid, mid, mid, mid));
        chart.point(point, c, 0);
      }
      chart.line(key.isEmpty() ? "(empty key)" : key, c, line, false, 1.4);
    }
    html.append("<figure>").append(chart.render(title)).append("</figure>\n");
    if (!rest.isEmpty()) {
      List<String> listed = new ArrayList<>();
      for (String key : rest) {
        listed.add((key.isEmpty() ? "(empty key)" : key) + " (" + byKey.get(key).size() + " points, total "
            + Numbers.format(byKey.get(key).stream().mapToDouble(ObservedPoint::high).sum()) + ")");
      }
      html.append("<p class=\"caption\">Not drawn: ").append(Html.escape(String.join("; ", listed)))
          .append(".</p>\n");
    }
    html.append("</div>\n");
  }

  private String whyUnmatched(String metric, List<String> keys) {
    String code = "<code>" + Html.escape(metric) + "</code>";
    Set<String> drawnKeys = drawn.get(metric);
    if (drawnKeys == null) {
      return "No simulated series has the metric " + code + ", so no chart shows these observed rows.";
    }
    List<String> absent = new ArrayList<>();
    List<String> undrawn = new ArrayList<>();
    for (String key : keys) {
      String quoted = "<code>" + Html.escape(key.isEmpty() ? "(empty key)" : key) + "</code>";
      (run.keys(metric).contains(key) ? undrawn : absent).add(quoted);
    }
    StringBuilder why = new StringBuilder("The charts show " + code + " with the keys "
        + Html.escape(String.join(", ", drawnKeys)) + ", but");
    if (!absent.isEmpty()) {
      why.append(" no simulated series has the metric ").append(code).append(" with the key")
          .append(absent.size() == 1 ? " " : "s ").append(String.join(", ", absent));
    }
    if (!undrawn.isEmpty()) {
      why.append(absent.isEmpty() ? "" : ", and").append(" the simulated series of ")
          .append(String.join(", ", undrawn)).append(" are not among the keys drawn");
    }
    return why.append('.').toString();
  }

  private static Map.Entry<LocalDate, Stats> nearest(NavigableMap<LocalDate, Stats> summary, LocalDate date) {
    Map.Entry<LocalDate, Stats> before = summary.floorEntry(date);
    Map.Entry<LocalDate, Stats> after = summary.ceilingEntry(date);
    if (before == null) {
      return after;
    }
    if (after == null) {
      return before;
    }
    return ChronoUnit.DAYS.between(before.getKey(), date) <= ChronoUnit.DAYS.between(date, after.getKey())
        ? before : after;
  }

  private void eventsTable() {
    html.append("<section id=\"events\"><h2>Control changes (first replication)</h2>\n");
    Map<LocalDate, List<String>> control = new TreeMap<>();
    Map<LocalDate, List<String>> corridors = new TreeMap<>();
    ScenarioInfo scenario = run.scenario();
    int replication = -1;
    for (RunData.Event event : run.events()) {
      replication = event.replication();
      switch (event.type()) {
        case "control-changed" -> control.computeIfAbsent(event.date(), d -> new ArrayList<>()).add(
            scenario.label(event.subject()) + ": " + scenario.label(event.details().getOrDefault("from", "?"))
                + " \u2192 " + scenario.label(event.details().getOrDefault("to", "?")));
        case "corridor-closed", "corridor-opened" -> corridors.computeIfAbsent(event.date(),
            d -> new ArrayList<>()).add(event.subject() + (event.type().equals("corridor-closed") ? " closed"
            : " opened"));
        default -> {
        }
      }
    }
    if (control.isEmpty() && corridors.isEmpty()) {
      html.append("<p class=\"empty\">No control changes recorded").append(run.events().isEmpty()
          ? " (the run has no events.ndjson or it is empty)" : "").append(".</p></section>\n");
      return;
    }
    Set<LocalDate> dates = new java.util.TreeSet<>(control.keySet());
    dates.addAll(corridors.keySet());
    html.append("<p class=\"caption\">Replication ").append(replication).append(": ").append(dates.size())
        .append(" dates with changes of control or of the organisation's corridors.</p>\n")
        .append("<div class=\"scroll\"><table><thead><tr><th>Date</th><th>Regions changing hands</th>"
            + "<th>Corridors</th></tr></thead><tbody>\n");
    for (LocalDate date : dates) {
      html.append("<tr><td class=\"nowrap\">").append(date).append("</td><td>")
          .append(Html.escape(String.join("; ", control.getOrDefault(date, List.of())))).append("</td><td>")
          .append(Html.escape(String.join("; ", corridors.getOrDefault(date, List.of())))).append("</td></tr>\n");
    }
    html.append("</tbody></table></div></section>\n");
  }

  private void manifestTable() {
    html.append("<section id=\"manifest\"><h2>Run manifest</h2>\n");
    if (run.manifest().isEmpty()) {
      html.append("<p class=\"empty\">The run directory has no manifest.json.</p></section>\n");
      return;
    }
    html.append("<table class=\"kv\"><tbody>\n");
    for (Map.Entry<String, String> field : run.manifest().entrySet()) {
      html.append("<tr><th>").append(Html.escape(field.getKey())).append("</th><td><code>")
          .append(Html.escape(field.getValue())).append("</code></td></tr>\n");
    }
    html.append("<tr><th>summary</th><td>").append(run.summaryFromFile() ? "read from summary.csv"
        : "computed from series.csv by this report").append("</td></tr>\n</tbody></table></section>\n");
  }

  private void readingNote() {
    html.append("<section class=\"note\"><h2>How to read this report</h2><ul>\n")
        .append("<li>Each chart shows the <strong>mean over replications</strong> as a line and, where shaded, the "
            + "band between the <strong>5th and 95th percentiles</strong> of the replications: 90% of the simulated "
            + "futures fall inside it. The band is about the model's randomness, not about uncertainty in its "
            + "parameters.</li>\n")
        .append("<li><strong>Interventions</strong> of the scenario relevant to a chart are shaded in the plot (the "
            + "shading marks when at least one is in force; a dotted line marks each start) and drawn as named bars "
            + "in the strip below the date axis (hover for dates).</li>\n")
        .append("<li><strong>Observed figures</strong> are circles at the middle of their reporting period, with a "
            + "vertical bar for a reported range and a horizontal line for the period; the table under the chart "
            + "compares each with the simulated value at the nearest sample.");
    if (!observedSources.isEmpty()) {
      html.append(" Observed data: ").append(Html.escape(String.join("; ", observedSources))).append('.');
    }
    html.append("</li>\n<li>Cumulative series count from the start of the run; revenue is per output period; "
            + "stocks (fighters, territory, treasury) are values at the sample date.</li>\n")
        .append("<li>Counts of plots abroad are aggregate counts and probabilities only.</li>\n</ul></section>\n");
  }

  private String stepUnit() {
    return switch (run.scenario().outputStep()) {
      case "daily" -> "day";
      case "weekly" -> "week";
      case "monthly" -> "month";
      default -> "output period";
    };
  }

  private static String streamLabel(String key) {
    return switch (key) {
      case "tax" -> "Taxation and extortion";
      case "oil" -> "Oil";
      case "other" -> "Other (incl. ransoms)";
      default -> key;
    };
  }

  private void fact(String name, String value) {
    html.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value))
        .append("</dd></div>");
  }

  private static String period(LocalDate from, LocalDate to) {
    return from.equals(to) ? from.toString() : from + " to " + to;
  }

  private static int parse(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static final String CSS = """
      :root { --ink: #1d232b; --muted: #5b6470; --line: #d9dee5; --bg: #ffffff; --panel: #f6f7f9; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        sans-serif; color: var(--ink); background: var(--bg); }
      header { padding: 24px 32px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
      h1 { margin: 0; font-size: 26px; }
      .sub { margin: 2px 0 12px; color: var(--muted); }
      .facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 0; }
      .facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
      .facts dd { margin: 0; font-weight: 600; }
      main { max-width: 1120px; margin: 0 auto; padding: 8px 32px 32px; }
      nav { margin: 12px 0 4px; font-size: 14px; color: var(--muted); }
      nav a { color: #1f5fa8; text-decoration: none; }
      h2 { font-size: 19px; margin: 28px 0 2px; }
      h3 { font-size: 16px; margin: 20px 0 2px; }
      .caption { margin: 0 0 6px; color: var(--muted); font-size: 14px; }
      figure { margin: 0; }
      svg { width: 100%; height: auto; display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
        Arial, sans-serif; }
      svg .plot { fill: #fff; stroke: #c4cad3; }
      svg .grid { stroke: #e8ebef; stroke-width: 1; }
      svg .axis { stroke: #8a939f; stroke-width: 1; }
      svg .ytick { font-size: 12px; fill: #4a525d; text-anchor: end; }
      svg .xtick { font-size: 12px; fill: #4a525d; text-anchor: middle; }
      svg .legend { font-size: 12.5px; fill: #2b323b; }
      svg .band { opacity: .16; stroke: none; }
      svg .band-key { fill: #555; opacity: .16; }
      svg .mean { fill: none; stroke-linejoin: round; stroke-linecap: round; }
      svg .span { fill: #6c7a89; opacity: .08; }
      svg .span-start { stroke: #6c7a89; stroke-opacity: .45; stroke-width: 1; stroke-dasharray: 2 3; }
      svg .span-key { fill: #6c7a89; opacity: .35; }
      svg .ispan rect { fill: #6c7a89; opacity: .28; }
      svg .ispan text { font-size: 11px; fill: #2b323b; }
      svg .obs-mark { fill: #fff; stroke-width: 2.2; }
      svg .obs-range { stroke-width: 1.8; }
      svg .obs-period { stroke-width: 1.4; stroke-dasharray: 3 2; }
      svg .obs-label { font-size: 11px; font-weight: 600; fill: #2b323b; }
      table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0; }
      th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
      thead th { background: var(--panel); font-weight: 600; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .nowrap { white-space: nowrap; }
      .kv th { width: 160px; color: var(--muted); font-weight: 600; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
        word-break: break-all; }
      details.observed summary { cursor: pointer; color: var(--muted); font-size: 14px; margin-top: 4px; }
      .scroll { max-height: 520px; overflow: auto; border: 1px solid var(--line); }
      .note { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 2px 18px;
        margin-top: 18px; }
      .note ul { padding-left: 18px; }
      .empty { color: var(--muted); font-style: italic; }
      footer { color: var(--muted); font-size: 13px; text-align: center; padding: 16px; border-top: 1px solid
        var(--line); }
      """;
}
