package org.polemos.io.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.polemos.io.figures.PublicFigure;
import org.polemos.model.result.Metric;

/**
 * Renders the report of one run as one self-contained HTML page that works offline: the data as
 * inline JSON, the chart library uPlot (inlined from its WebJar) and the page's own script ({@code
 * report.js}) and style ({@code report.css}), both resources beside this class. Charts come from
 * {@link ChartCatalogue#all()}; colours, figures, limitations and map geometry from the scenario's
 * {@link Presentation}.
 */
public final class HtmlReport {
  /**
   * The uPlot files inside its WebJar (version pinned in the parent pom; a test checks they are
   * present).
   */
  static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";

  static final String UPLOT_CSS = "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css";

  /**
   * Colours for keys the presentation does not colour (Okabe-Ito and Tableau, distinguishable in
   * print).
   */
  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#0072b2", "#d55e00"
  };

  private static final String ALL_COLOUR = "#222222";

  /** Keys of an unmatched observed metric drawn on its chart; the others are listed under it. */
  private static final int OBSERVED_KEYS_PER_CHART = 6;

  private record LineSpec(
      String metric, String key, String label, String colour, boolean band, double width) {}

  private final RunData run;
  private final List<ChartSpec> catalogue;
  private final Presentation presentation;
  private final Geography geography;
  private final List<ObservedPoint> observed;
  private final List<Unmapped> unmapped;
  private final List<String> observedSources;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> factionColours = new LinkedHashMap<>();
  private final Set<ObservedPoint> overlaid =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final Map<String, Set<String>> drawn = new LinkedHashMap<>();
  private final List<String> zeroBands = new ArrayList<>();
  private final StringBuilder html = new StringBuilder(1 << 18);
  private final ArrayNode chartData = json.createArrayNode();

  /** A public figure that was not overlaid, and why. */
  public record Unmapped(PublicFigure figure, String reason) {}

  private HtmlReport(
      RunData run,
      List<ChartSpec> catalogue,
      Presentation presentation,
      Geography geography,
      List<ObservedPoint> observed,
      List<Unmapped> unmapped,
      List<String> observedSources) {
    this.run = run;
    this.catalogue = catalogue;
    this.presentation = presentation;
    this.geography = geography;
    this.observed = observed;
    this.unmapped = unmapped;
    this.observedSources = observedSources;
    Set<String> used = new HashSet<>(presentation.colours().values());
    int next = 0;
    for (String faction : run.scenario().factions().keySet()) {
      String colour = presentation.colours().get(faction);
      if (colour == null) {
        while (used.contains(PALETTE[next % PALETTE.length]) && next < PALETTE.length) {
          next++;
        }
        colour = PALETTE[next++ % PALETTE.length];
        used.add(colour);
      }
      factionColours.put(faction, colour);
    }
  }

  /**
   * The page.
   *
   * @param run the run
   * @param catalogue the charts to draw (those whose series the run has)
   * @param presentation colours, limitations and map geometry of the scenario
   * @param geography regions, corridors and places of the run's scenario, for the map
   * @param observed observed points to overlay
   * @param unmapped public figures that could not be overlaid (listed with the reason)
   * @param observedSources where the observed points came from, for the page's notes
   */
  public static String render(
      RunData run,
      List<ChartSpec> catalogue,
      Presentation presentation,
      Geography geography,
      List<ObservedPoint> observed,
      List<Unmapped> unmapped,
      List<String> observedSources) {
    return new HtmlReport(
            run, catalogue, presentation, geography, observed, unmapped, observedSources)
        .page();
  }

  private String page() {
    ScenarioInfo scenario = run.scenario();
    Map<String, String> manifest = run.manifest();
    String title = "Polemos report: " + scenario.name();
    html.append(head(title));
    html.append("<header>\n<h1>")
        .append(Html.escape(scenario.name()))
        .append("</h1>\n<p class=\"sub\">Polemos run " + "report &middot; scenario <code>")
        .append(Html.escape(scenario.id()))
        .append("</code></p>\n<dl class=\"facts\">");
    fact("Seed", manifest.getOrDefault("seed", "unknown"));
    fact(
        "Replications",
        manifest.getOrDefault("replications", "?")
            + (run.replications() != parse(manifest.get("replications"))
                ? " (" + run.replications() + " in series.csv)"
                : ""));
    if (!run.dates().isEmpty()) {
      fact(
          "Period",
          run.dates().first()
              + " to "
              + run.dates().last()
              + (scenario.outputStep().isEmpty() ? "" : ", " + scenario.outputStep() + " output"));
    }
    fact("Run started", manifest.getOrDefault("startedAt", "unknown"));
    fact("Version", manifest.getOrDefault("version", "unknown"));
    html.append("</dl>\n</header>\n<main>\n");
    int bannerAt = html.length();
    readingNote();
    limitations();
    int navAt = html.length();
    timeline();
    map();
    List<String[]> nav = new ArrayList<>();
    for (ChartSpec spec : catalogue) {
      if (chart(spec)) {
        nav.add(new String[] {spec.id(), spec.title()});
      }
    }
    observedData();
    unmappedTable();
    eventsTable();
    manifestTable();
    StringBuilder links =
        new StringBuilder(
            "<nav><strong>Contents:</strong> <a href=\"#interventions\">"
                + "interventions</a> &middot; <a href=\"#map\">map</a>");
    for (String[] link : nav) {
      links
          .append(" &middot; <a href=\"#")
          .append(link[0])
          .append("\">")
          .append(Html.escape(link[1].toLowerCase(java.util.Locale.ROOT)))
          .append("</a>");
    }
    links
        .append(
            unmatchedObserved().isEmpty()
                ? ""
                : " &middot; <a href=\"#observed-data\">observed data</a>")
        .append(
            " &middot; <a href=\"#events\">events</a> &middot; <a href=\"#manifest\">manifest</a></nav>\n");
    html.insert(navAt, links);
    html.insert(bannerAt, banners());
    ObjectNode data = json.createObjectNode();
    data.put("replications", run.replications());
    data.set("charts", chartData);
    data.set("interventions", interventionData());
    data.set("map", mapData());
    html.append(tail("Written by Polemos from the run directory's files.", write(data)));
    return html.toString();
  }

  /**
   * The start of a page of the report family, up to and including {@code <body>}: inline style
   * only.
   */
  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + Html.escape(title)
        + "</title>\n<style>\n"
        + resource(UPLOT_CSS)
        + "\n"
        + resource("report.css")
        + "</style>\n</head>\n<body>\n";
  }

  /**
   * The end of a page from {@code </main>}: footer, the page's data (JSON), uPlot, report.js and
   * the page's further {@code scripts} (resources beside this class), all inline.
   */
  static String tail(String origin, String json, String... scripts) {
    StringBuilder extra = new StringBuilder();
    for (String script : scripts) {
      extra.append("<script>\n").append(resource(script)).append("</script>\n");
    }
    return "</main>\n<footer>"
        + Html.escape(origin)
        + " Aggregate, population-level results for policy research; "
        + "counts and probabilities only. Charts drawn with uPlot (MIT licence, &copy; Leon Sorokin), inlined."
        + "</footer>\n<script id=\"report-data\" type=\"application/json\">"
        + scriptSafe(json)
        + "</script>\n<script>\n"
        + resource(UPLOT)
        + "\n</script>\n<script>\n"
        + resource("report.js")
        + "</script>\n"
        + extra
        + "</body>\n</html>\n";
  }

  private String banners() {
    StringBuilder b = new StringBuilder();
    if (run.replications() == 1) {
      b.append(
          "<div class=\"banner\" id=\"banner-n1\"><strong>One replication.</strong> Lines show that single "
              + "simulated history, not a mean, and there are no 5-95% bands: a single run says nothing about the "
              + "spread of outcomes. Rerun with <code>-n 100</code> or more before drawing conclusions.</div>\n");
    }
    if (!zeroBands.isEmpty()) {
      b.append(
              "<div class=\"banner\" id=\"banner-zero-band\"><strong>Bands of zero width.</strong> On ")
          .append(Html.escape(String.join(", ", zeroBands)))
          .append(
              " every replication gives the same value "
                  + "at every date, so no band is drawn or listed for those series.</div>\n");
    }
    if ("true".equals(run.manifest().get("scenarioEdited"))) {
      b.append(
          "<div class=\"banner\" id=\"banner-edited\"><strong>Edited scenario.</strong> This run used a "
              + "scenario changed from its file (see <code>scenario.yaml</code> in the run directory and the manifest): "
              + "its results are not those of the scenario as published.</div>\n");
    }
    return b.toString();
  }

  private void limitations() {
    if (presentation.limitations().isEmpty()) {
      return;
    }
    html.append(
        "<section class=\"note\" id=\"limitations\"><h2>Known limitations of this scenario</h2><ul>\n");
    for (String item : presentation.limitations()) {
      html.append("<li>").append(Html.escape(item)).append("</li>\n");
    }
    html.append("</ul><p class=\"caption\">From ")
        .append(Html.escape(presentation.limitationsFrom()))
        .append(".</p></section>\n");
  }

  private void timeline() {
    html.append(
        "<section id=\"interventions\"><h2>Interventions</h2>\n<p class=\"caption\">One timeline for the "
            + "whole page. Tick the kinds to shade on the charts below (each chart starts with the kinds relevant to "
            + "it); hover a bar for its dates.</p>\n<div id=\"timeline\" class=\"timeline\"></div></section>\n");
  }

  private void map() {
    html.append(
        "<section id=\"map\"><h2>Map of control</h2>\n<p class=\"caption\">Who holds what in the first "
            + "replication at the date of the slider: each place with coordinates is a small point in its holder's "
            + "colour; each region is a disc (area proportional to the region's) in the colour of the faction holding "
            + "most of its held area, with a ring whose dark arc is the organisation's share of that area (from the "
            + "areas of its places); the organisation's corridors are drawn solid when open, dashed when shut.");
    if (!geography.note().isEmpty()) {
      html.append(" <strong>").append(Html.escape(geography.note())).append("</strong>");
    }
    if (!presentation.mapSource().isEmpty()) {
      html.append(" Geometry: ").append(Html.escape(presentation.mapSource()));
    } else {
      html.append(" The scenario has no map geometry: regions are placed on a grid.");
    }
    html.append(
        "</p>\n<div class=\"map-controls\"><input type=\"range\" id=\"map-slider\" min=\"0\" max=\"0\" "
            + "value=\"0\" aria-label=\"Date\"> <output id=\"map-date\"></output></div>\n<div id=\"map-view\"></div>"
            + "</section>\n");
  }

  private ArrayNode interventionData() {
    ArrayNode list = json.createArrayNode();
    for (ScenarioInfo.InterventionSpan span : run.scenario().interventions()) {
      ObjectNode node = list.addObject();
      node.put("id", span.id())
          .put("name", span.name())
          .put("kind", span.kind())
          .put("start", epoch(span.start()))
          .put("end", epoch(span.end()))
          .put("startText", span.start().toString())
          .put("endText", span.end().toString());
    }
    return list;
  }

  private ObjectNode mapData() {
    ObjectNode map = json.createObjectNode();
    ArrayNode regions = map.putArray("regions");
    int i = 0;
    int columns = (int) Math.ceil(Math.sqrt(Math.max(1, geography.regions().size())));
    for (Geography.Region region : geography.regions()) {
      double[] at = presentation.regions().get(region.id());
      ObjectNode node = regions.addObject();
      node.put("id", region.id()).put("name", region.name()).put("area", region.areaKm2());
      if (at != null) {
        node.put("lon", at[0]).put("lat", at[1]);
      } else {
        node.put("gx", i % columns).put("gy", i / columns);
      }
      ArrayNode neighbours = node.putArray("neighbours");
      region.neighbours().forEach(neighbours::add);
      ArrayNode places = node.putArray("places");
      place(places.addObject(), region.rest());
      region.places().forEach(place -> place(places.addObject(), place));
      i++;
    }
    ArrayNode corridors = map.putArray("corridors");
    for (Geography.Corridor corridor : geography.corridors()) {
      double[] hub = presentation.hubs().get(corridor.hub());
      ObjectNode node =
          corridors
              .addObject()
              .put("id", corridor.id())
              .put("name", corridor.name())
              .put("hub", corridor.hub())
              .put("entry", corridor.entryRegion());
      if (hub != null) {
        node.put("lon", hub[0]).put("lat", hub[1]);
      }
    }
    ObjectNode factions = map.putObject("factions");
    factionColours.forEach(
        (id, colour) ->
            factions.putObject(id).put("name", run.scenario().label(id)).put("colour", colour));
    map.put("organisation", organisation());
    ArrayNode events = map.putArray("events");
    for (RunData.Event event : run.events()) {
      switch (event.type()) {
        case "control-changed" ->
            events
                .addObject()
                .put("t", epoch(event.date()))
                .put("type", "control")
                .put("place", event.subject())
                .put("to", event.details().getOrDefault("to", ""));
        case "corridor-closed", "corridor-opened" ->
            events
                .addObject()
                .put("t", epoch(event.date()))
                .put("type", "corridor")
                .put("corridor", event.subject())
                .put("open", event.type().equals("corridor-opened"));
        default -> {}
      }
    }
    ArrayNode dates = map.putArray("dates");
    run.dates().forEach(d -> dates.add(epoch(d)));
    return map;
  }

  /**
   * A place of the map: id, name, held area, holder at the start and, when it has them,
   * coordinates.
   */
  private static void place(ObjectNode node, Geography.Place place) {
    node.put("id", place.id())
        .put("name", place.name())
        .put("area", place.heldAreaKm2())
        .put("controller", place.controller());
    if (place.located()) {
      node.put("lat", place.latitude()).put("lon", place.longitude());
    }
  }

  private String organisation() {
    return presentation.organisation().isEmpty()
        ? run.scenario().organisation()
        : presentation.organisation();
  }

  /** Adds a chart; false when the run has none of its series. */
  private boolean chart(ChartSpec spec) {
    List<LineSpec> lines = lines(spec);
    lines.removeIf(line -> run.summary(line.metric(), line.key()).isEmpty());
    if (lines.isEmpty() || run.dates().isEmpty()) {
      return false;
    }
    Map<String, LineSpec> bySeries = new LinkedHashMap<>();
    for (LineSpec line : lines) {
      drawn.computeIfAbsent(line.metric(), m -> new LinkedHashSet<>()).add(line.key());
      bySeries.put(line.metric() + "\u0000" + line.key(), line);
    }
    List<ObservedPoint> matched = new ArrayList<>();
    for (ObservedPoint point : observed) {
      if (bySeries.containsKey(point.metric() + "\u0000" + point.key())) {
        matched.add(point);
        overlaid.add(point);
      }
    }
    String title = spec.title() + " (" + spec.unit() + ")";
    html.append("<section class=\"chart\" id=\"")
        .append(spec.id())
        .append("\">\n<h2>")
        .append(Html.escape(title))
        .append("</h2>\n<p class=\"caption\">")
        .append(Html.escape(spec.caption()))
        .append(' ')
        .append(bandNote())
        .append("</p>\n<div class=\"plot\" data-chart=\"")
        .append(chartData.size())
        .append("\"></div>\n");
    ObjectNode data = chartData.addObject();
    data.put("id", spec.id())
        .put("title", title)
        .put("unit", spec.unit())
        .put("zero", spec.zeroBased());
    ArrayNode kinds = data.putArray("kinds");
    spec.interventionKinds().stream().sorted().forEach(kinds::add);
    List<LocalDate> xs = new ArrayList<>(run.dates());
    Set<LocalDate> extra = new java.util.TreeSet<>();
    for (LineSpec line : lines) {
      extra.addAll(run.summary(line.metric(), line.key()).keySet());
    }
    extra.addAll(xs);
    xs = new ArrayList<>(extra);
    ArrayNode x = data.putArray("x");
    xs.forEach(d -> x.add(epoch(d)));
    ArrayNode series = data.putArray("series");
    List<String> zeroHere = new ArrayList<>();
    for (LineSpec line : lines) {
      NavigableMap<LocalDate, Stats> summary = run.summary(line.metric(), line.key());
      ObjectNode s =
          series
              .addObject()
              .put("label", line.label())
              .put("colour", line.colour())
              .put("width", line.width());
      ArrayNode mean = s.putArray("mean");
      ArrayNode lo = json.createArrayNode();
      ArrayNode hi = json.createArrayNode();
      boolean wide = false;
      for (LocalDate date : xs) {
        Stats stats = summary.get(date);
        if (stats == null || !Double.isFinite(stats.mean())) {
          mean.addNull();
          lo.addNull();
          hi.addNull();
        } else {
          mean.add(stats.mean());
          lo.add(finite(stats.p05()));
          hi.add(finite(stats.p95()));
          wide |= stats.p95() > stats.p05();
        }
      }
      if (line.band() && run.replications() > 1) {
        if (wide) {
          s.set("lo", lo);
          s.set("hi", hi);
        } else {
          zeroHere.add(line.label());
        }
      }
    }
    if (!zeroHere.isEmpty()) {
      zeroBands.add(
          spec.title().toLowerCase(java.util.Locale.ROOT)
              + " ("
              + String.join(", ", zeroHere)
              + ")");
    }
    ArrayNode points = data.putArray("observed");
    int index = 0;
    for (ObservedPoint point : matched) {
      index++;
      int target =
          new ArrayList<>(bySeries.keySet()).indexOf(point.metric() + "\u0000" + point.key());
      points
          .addObject()
          .put("series", target)
          .put("x0", epoch(point.from()))
          .put("x1", epoch(point.to()))
          .put("x", epoch(point.midpoint()))
          .put("lo", point.low())
          .put("hi", point.high())
          .put("label", matched.size() <= 40 ? "#" + index : "");
    }
    observedTable(matched, bySeries);
    html.append("</section>\n");
    return true;
  }

  private String bandNote() {
    return run.replications() == 1
        ? "One replication: lines are its values, no bands."
        : "Lines are means over "
            + run.replications()
            + " replications; shaded bands the 5th-95th percentiles.";
  }

  private List<LineSpec> lines(ChartSpec spec) {
    List<LineSpec> lines = new ArrayList<>();
    int palette = 0;
    for (ChartSpec.Layer layer : spec.layers()) {
      switch (layer.grouping()) {
        case ONE ->
            lines.add(
                new LineSpec(
                    layer.metric(),
                    layer.key(),
                    layer.label().isEmpty() ? label(spec, layer.key()) : layer.label(),
                    spec.layers().size() == 1 ? ALL_COLOUR : PALETTE[palette++ % PALETTE.length],
                    true,
                    2));
        case EACH -> {
          for (String key : run.keys(layer.metric())) {
            String colour = factionColours.get(key);
            lines.add(
                new LineSpec(
                    layer.metric(),
                    key,
                    label(spec, key),
                    colour != null ? colour : PALETTE[palette++ % PALETTE.length],
                    true,
                    2));
          }
        }
        case TOP -> {
          for (String key : topKeys(layer.metric(), layer.top(), layer.top() + 4)) {
            lines.add(
                new LineSpec(
                    layer.metric(),
                    key,
                    label(spec, key),
                    PALETTE[palette++ % PALETTE.length],
                    false,
                    1.6));
          }
          lines.add(new LineSpec(layer.metric(), Metric.ALL, "All sources", ALL_COLOUR, true, 2.6));
        }
        default -> throw new IllegalStateException();
      }
    }
    return lines;
  }

  private String label(ChartSpec spec, String key) {
    String label = spec.keyLabels().get(key);
    return label != null ? label : key.isEmpty() ? spec.title() : run.scenario().label(key);
  }

  private List<String> topKeys(String metric, int top, int max) {
    List<String> keys = new ArrayList<>(run.keys(metric));
    keys.remove(Metric.ALL);
    keys.sort(Comparator.comparingDouble((String k) -> -finalMean(metric, k)));
    Set<String> shown = new LinkedHashSet<>();
    for (String key : keys) {
      if (shown.size() < top && finalMean(metric, key) > 0) {
        shown.add(key);
      }
    }
    for (ObservedPoint point : observed) {
      if (point.metric().equals(metric) && keys.contains(point.key()) && shown.size() < max) {
        shown.add(point.key());
      }
    }
    List<String> ordered = new ArrayList<>(keys);
    ordered.retainAll(shown);
    return ordered;
  }

  private double finalMean(String metric, String key) {
    NavigableMap<LocalDate, Stats> summary = run.summary(metric, key);
    if (summary.isEmpty()) {
      return 0;
    }
    double value = summary.lastEntry().getValue().mean();
    return Double.isFinite(value) ? value : 0;
  }

  private void observedTable(List<ObservedPoint> matched, Map<String, LineSpec> bySeries) {
    if (matched.isEmpty()) {
      return;
    }
    html.append("<details class=\"observed\"")
        .append(matched.size() <= 12 ? " open" : "")
        .append("><summary>")
        .append(matched.size())
        .append(" observed point")
        .append(matched.size() == 1 ? "" : "s")
        .append(
            " on this chart</summary>\n<table><thead><tr><th>#</th><th>Series</th><th>Period</th>"
                + "<th>Observed</th><th>Simulated ")
        .append(run.replications() == 1 ? "value" : "mean (5-95%)")
        .append(" at the nearest sample</th><th>Source</th></tr></thead><tbody>\n");
    int index = 0;
    for (ObservedPoint point : matched) {
      index++;
      NavigableMap<LocalDate, Stats> summary = run.summary(point.metric(), point.key());
      Map.Entry<LocalDate, Stats> nearest = nearest(summary, point.midpoint());
      String simulated =
          nearest == null
              ? "n/a"
              : Numbers.format(nearest.getValue().mean())
                  + (run.replications() == 1
                      ? ""
                      : " ("
                          + Numbers.range(nearest.getValue().p05(), nearest.getValue().p95())
                          + ")")
                  + " on "
                  + nearest.getKey();
      html.append("<tr><td>")
          .append(matched.size() <= 40 ? String.valueOf(index) : "")
          .append("</td><td>")
          .append(Html.escape(bySeries.get(point.metric() + "\u0000" + point.key()).label()))
          .append("</td><td>")
          .append(period(point.from(), point.to()))
          .append("</td><td class=\"num\">")
          .append(Numbers.range(point.low(), point.high()))
          .append("</td><td class=\"num\">")
          .append(Html.escape(simulated))
          .append("</td><td>")
          .append(Html.escape(point.source()))
          .append(
              point.note().isEmpty() ? "" : "<br><small>" + Html.escape(point.note()) + "</small>")
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></details>\n");
  }

  private List<ObservedPoint> unmatchedObserved() {
    List<ObservedPoint> unmatched = new ArrayList<>();
    for (ObservedPoint point : observed) {
      if (!overlaid.contains(point)) {
        unmatched.add(point);
      }
    }
    return unmatched;
  }

  private void observedData() {
    List<ObservedPoint> unmatched = unmatchedObserved();
    if (unmatched.isEmpty()) {
      return;
    }
    Map<String, Map<String, List<ObservedPoint>>> byMetric = new LinkedHashMap<>();
    for (ObservedPoint point : unmatched) {
      byMetric
          .computeIfAbsent(point.metric(), m -> new LinkedHashMap<>())
          .computeIfAbsent(point.key(), k -> new ArrayList<>())
          .add(point);
    }
    html.append("<section id=\"observed-data\"><h2>Observed data</h2>\n<p class=\"caption\">")
        .append(unmatched.size())
        .append(" observed point")
        .append(unmatched.size() == 1 ? "" : "s")
        .append(" in ")
        .append(byMetric.size())
        .append(" metric")
        .append(byMetric.size() == 1 ? "" : "s")
        .append(
            " match no simulated series on the charts above (an observed row is overlaid only where a chart "
                + "shows the simulated series with the same metric and key), so they are drawn here on their own.</p>\n")
        .append(
            "<p class=\"caption\">Series the report can overlay observed rows on (metric: keys): ")
        .append(overlayable())
        .append(
            ". Re-import with <code>--as METRIC</code> and, for a single key, "
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
      String shown =
          keys.size() > 8
              ? String.join(", ", keys.subList(0, 8)) + ", \u2026 (" + keys.size() + " keys)"
              : String.join(", ", keys);
      parts.add("<code>" + Html.escape(metric.getKey()) + "</code>: " + Html.escape(shown));
    }
    return parts.isEmpty() ? "none (the run has no charted series)" : String.join("; ", parts);
  }

  private void observedChart(String id, String metric, Map<String, List<ObservedPoint>> byKey) {
    List<String> keys = new ArrayList<>(byKey.keySet());
    keys.sort(
        Comparator.comparingDouble(
            (String k) -> -byKey.get(k).stream().mapToDouble(ObservedPoint::high).sum()));
    List<String> shown = keys.subList(0, Math.min(OBSERVED_KEYS_PER_CHART, keys.size()));
    List<String> rest = keys.subList(shown.size(), keys.size());
    Set<LocalDate> dates = new java.util.TreeSet<>();
    int points = 0;
    for (String key : shown) {
      for (ObservedPoint point : byKey.get(key)) {
        dates.add(point.midpoint());
        points++;
      }
    }
    String title = "Observed: " + metric;
    html.append("<div class=\"chart\" id=\"")
        .append(id)
        .append("\">\n<h3>")
        .append(Html.escape(title))
        .append("</h3>\n<p class=\"caption\">")
        .append(whyUnmatched(metric, shown))
        .append(' ')
        .append(points)
        .append(" point")
        .append(points == 1 ? "" : "s")
        .append(", ")
        .append(
            shown.size() == keys.size()
                ? keys.size() + " key" + (keys.size() == 1 ? "" : "s")
                : "the " + shown.size() + " keys with the largest totals of " + keys.size())
        .append(
            "; lines join the observed values, no simulated series is drawn.</p>\n<div class=\"plot\" "
                + "data-chart=\"")
        .append(chartData.size())
        .append("\"></div>\n");
    ObjectNode data = chartData.addObject();
    data.put("id", id).put("title", title).put("unit", "").put("zero", true);
    data.putArray("kinds");
    List<LocalDate> xs = new ArrayList<>(dates);
    ArrayNode x = data.putArray("x");
    xs.forEach(d -> x.add(epoch(d)));
    ArrayNode series = data.putArray("series");
    ArrayNode marks = data.putArray("observed");
    int colour = 0;
    for (String key : shown) {
      Map<LocalDate, Double> byDate = new TreeMap<>();
      for (ObservedPoint point : byKey.get(key)) {
        byDate.put(point.midpoint(), (point.low() + point.high()) / 2);
        marks
            .addObject()
            .put("series", series.size())
            .put("x0", epoch(point.from()))
            .put("x1", epoch(point.to()))
            .put("x", epoch(point.midpoint()))
            .put("lo", point.low())
            .put("hi", point.high())
            .put("label", "");
      }
      ObjectNode s =
          series
              .addObject()
              .put("label", key.isEmpty() ? "(empty key)" : key)
              .put("colour", factionColours.getOrDefault(key, PALETTE[colour++ % PALETTE.length]))
              .put("width", 1.4);
      ArrayNode mean = s.putArray("mean");
      for (LocalDate date : xs) {
        Double value = byDate.get(date);
        if (value == null) {
          mean.addNull();
        } else {
          mean.add(value);
        }
      }
    }
    if (!rest.isEmpty()) {
      List<String> listed = new ArrayList<>();
      for (String key : rest) {
        listed.add(
            (key.isEmpty() ? "(empty key)" : key)
                + " ("
                + byKey.get(key).size()
                + " points, total "
                + Numbers.format(byKey.get(key).stream().mapToDouble(ObservedPoint::high).sum())
                + ")");
      }
      html.append("<p class=\"caption\">Not drawn: ")
          .append(Html.escape(String.join("; ", listed)))
          .append(".</p>\n");
    }
    html.append("</div>\n");
  }

  private String whyUnmatched(String metric, List<String> keys) {
    String code = "<code>" + Html.escape(metric) + "</code>";
    Set<String> drawnKeys = drawn.get(metric);
    if (drawnKeys == null) {
      return "No simulated series has the metric "
          + code
          + ", so no chart shows these observed rows.";
    }
    List<String> absent = new ArrayList<>();
    List<String> undrawn = new ArrayList<>();
    for (String key : keys) {
      String quoted = "<code>" + Html.escape(key.isEmpty() ? "(empty key)" : key) + "</code>";
      (run.keys(metric).contains(key) ? undrawn : absent).add(quoted);
    }
    StringBuilder why =
        new StringBuilder(
            "The charts show "
                + code
                + " with the keys "
                + Html.escape(String.join(", ", drawnKeys))
                + ", but");
    if (!absent.isEmpty()) {
      why.append(" no simulated series has the metric ")
          .append(code)
          .append(" with the key")
          .append(absent.size() == 1 ? " " : "s ")
          .append(String.join(", ", absent));
    }
    if (!undrawn.isEmpty()) {
      why.append(absent.isEmpty() ? "" : ", and")
          .append(" the simulated series of ")
          .append(String.join(", ", undrawn))
          .append(" are not among the keys drawn");
    }
    return why.append('.').toString();
  }

  private void unmappedTable() {
    if (unmapped.isEmpty()) {
      return;
    }
    html.append(
        "<section id=\"figures-not-shown\"><h2>Public figures not overlaid</h2><table><thead><tr>"
            + "<th>Period</th><th>Quantity</th><th>Key</th><th>Reported</th><th>Unit</th><th>Source</th>"
            + "<th>Why not shown</th></tr></thead><tbody>\n");
    for (Unmapped u : unmapped) {
      PublicFigure f = u.figure();
      html.append("<tr><td>")
          .append(period(f.from(), f.to()))
          .append("</td><td>")
          .append(Html.escape(f.quantity()))
          .append("</td><td>")
          .append(Html.escape(f.key()))
          .append("</td><td class=\"num\">")
          .append(Numbers.range(f.low(), f.high()))
          .append("</td><td>")
          .append(Html.escape(f.unit()))
          .append("</td><td>")
          .append(Html.escape(f.source()))
          .append("</td><td>")
          .append(Html.escape(u.reason()))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");
  }

  private static Map.Entry<LocalDate, Stats> nearest(
      NavigableMap<LocalDate, Stats> summary, LocalDate date) {
    Map.Entry<LocalDate, Stats> before = summary.floorEntry(date);
    Map.Entry<LocalDate, Stats> after = summary.ceilingEntry(date);
    if (before == null) {
      return after;
    }
    if (after == null) {
      return before;
    }
    return ChronoUnit.DAYS.between(before.getKey(), date)
            <= ChronoUnit.DAYS.between(date, after.getKey())
        ? before
        : after;
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
        case "control-changed" ->
            control
                .computeIfAbsent(event.date(), d -> new ArrayList<>())
                .add(
                    geography.placeName(event.subject()).orElse(scenario.label(event.subject()))
                        + ": "
                        + scenario.label(event.details().getOrDefault("from", "?"))
                        + " \u2192 "
                        + scenario.label(event.details().getOrDefault("to", "?")));
        case "corridor-closed", "corridor-opened" ->
            corridors
                .computeIfAbsent(event.date(), d -> new ArrayList<>())
                .add(
                    event.subject()
                        + (event.type().equals("corridor-closed") ? " closed" : " opened"));
        default -> {}
      }
    }
    if (control.isEmpty() && corridors.isEmpty()) {
      html.append("<p class=\"empty\">No control changes recorded")
          .append(run.events().isEmpty() ? " (the run has no events.ndjson or it is empty)" : "")
          .append(".</p></section>\n");
      return;
    }
    Set<LocalDate> dates = new java.util.TreeSet<>(control.keySet());
    dates.addAll(corridors.keySet());
    html.append("<p class=\"caption\">Replication ")
        .append(replication)
        .append(": ")
        .append(dates.size())
        .append(" dates with changes of control or of the organisation's corridors.</p>\n")
        .append(
            "<div class=\"scroll\"><table><thead><tr><th>Date</th><th>Regions changing hands</th>"
                + "<th>Corridors</th></tr></thead><tbody>\n");
    for (LocalDate date : dates) {
      html.append("<tr><td class=\"nowrap\">")
          .append(date)
          .append("</td><td>")
          .append(Html.escape(String.join("; ", control.getOrDefault(date, List.of()))))
          .append("</td><td>")
          .append(Html.escape(String.join("; ", corridors.getOrDefault(date, List.of()))))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></div></section>\n");
  }

  private void manifestTable() {
    html.append("<section id=\"manifest\"><h2>Run manifest</h2>\n");
    if (run.manifest().isEmpty()) {
      html.append("<p class=\"empty\">The run directory has no manifest.json (yet).</p>\n");
    }
    html.append("<table class=\"kv\"><tbody>\n");
    for (Map.Entry<String, String> field : run.manifest().entrySet()) {
      html.append("<tr><th>")
          .append(Html.escape(field.getKey()))
          .append("</th><td><code>")
          .append(Html.escape(field.getValue()))
          .append("</code></td></tr>\n");
    }
    html.append("<tr><th>summary</th><td>")
        .append(
            run.summaryFromFile()
                ? "read from summary.csv"
                : "computed from series.csv by this report")
        .append("</td></tr>\n</tbody></table></section>\n");
  }

  private void readingNote() {
    html.append("<section class=\"note\"><h2>How to read this report</h2><ul>\n");
    if (run.replications() == 1) {
      html.append(
          "<li>Each chart shows the values of the run's <strong>single replication</strong>.</li>\n");
    } else {
      html.append("<li>Each chart shows the <strong>mean over ")
          .append(run.replications())
          .append(
              " replications"
                  + "</strong> as a line and, where shaded, the band between the <strong>5th and 95th percentiles"
                  + "</strong>: 90% of the simulated futures fall inside it. The band is about the model's randomness, not "
                  + "about uncertainty in its parameters.</li>\n");
    }
    html.append(
            "<li><strong>Hover</strong> a chart to read every series at a date; click a legend entry to hide "
                + "or show it; drag across a chart to zoom on a period (double-click to reset); the buttons above a "
                + "chart save it as SVG or PNG, or its data as CSV.</li>\n")
        .append(
            "<li><strong>Interventions</strong> are on one timeline below; the kinds ticked there are shaded "
                + "on the charts.</li>\n")
        .append(
            "<li><strong>Observed figures</strong> are circles at the middle of their reporting period, with a "
                + "vertical bar for a reported range and a horizontal line for the period; the table under the chart "
                + "compares each with the simulated value at the nearest sample.");
    if (!observedSources.isEmpty()) {
      html.append(" Observed data: ")
          .append(Html.escape(String.join("; ", observedSources)))
          .append('.');
    }
    html.append(
            "</li>\n<li>Cumulative series count from the start of the run; revenue is per output period; "
                + "stocks (fighters, territory, treasury) are values at the sample date.</li>\n")
        .append(
            "<li>Counts of plots abroad are aggregate counts and probabilities only.</li>\n</ul></section>\n");
  }

  private void fact(String name, String value) {
    html.append("<div><dt>")
        .append(Html.escape(name))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd></div>");
  }

  private static String period(LocalDate from, LocalDate to) {
    return from.equals(to) ? from.toString() : from + " to " + to;
  }

  private static long epoch(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static int parse(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String write(Object node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON inside a script element: no {@code </} (ends the element) and no {@code <!--}. */
  private static String scriptSafe(String text) {
    return text.replace("<", "\\u003c");
  }

  /** A text resource: a name relative to this class, or an absolute path (WebJar files). */
  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
