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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polemos.io.csv.CsvRows;
import org.polemos.io.results.AtomicOutput;

/**
 * The page of an ABC-SMC posterior ({@code posterior.html}, in the offline family of report.html):
 * for every parameter a weighted histogram of the posterior on the diagonal of a corner plot, for
 * every pair a weighted 2-D histogram with the particles on top below it (their weighted
 * correlation above it), the posterior quantiles, and the run's diagnostics per generation
 * (tolerance, acceptance rate, effective sample size). Reads the files {@code polemos calibrate}
 * writes for {@code method: abc-smc}: {@code posterior.csv} ({@code weight} then one column per
 * parameter path), {@code abc-diagnostics.csv} and, when present, {@code posterior-summary.csv}
 * (the prior of each parameter, whose box the histograms span).
 *
 * <p>The histograms are computed here and embedded as data (script {@code posterior.js} only draws
 * them): the weight of a bin is the sum of the normalised weights of the particles in it, so the
 * bins of each parameter sum to 1. Bins are equal in width on the axis of the parameter: linear, or
 * logarithmic for a log-uniform prior.
 */
public final class PosteriorPage {
  /** The file {@code polemos calibrate} writes beside posterior.csv. */
  public static final String FILE = "posterior.html";

  /** Parameters drawn in the pairwise matrix at most (all have a marginal). */
  static final int MAX_PAIRED = 8;

  private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c"};

  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder html = new StringBuilder(1 << 16);

  /** One parameter: its path, prior (kind and box, when known) and particle values. */
  record Parameter(String path, String prior, double low, double high, double[] values) {
    boolean logScale() {
      return "log-uniform".equals(prior) && low > 0;
    }
  }

  private PosteriorPage() {}

  /** Whether {@code directory} holds the outputs of an ABC-SMC calibration. */
  public static boolean isPosterior(Path directory) {
    return Files.isRegularFile(directory.resolve("posterior.csv"))
        && Files.isRegularFile(directory.resolve("abc-diagnostics.csv"));
  }

  /** Renders the page of {@code directory} and writes it to {@code file} atomically. */
  public static Path write(Path directory, Path file) throws IOException {
    AtomicOutput.writeString(file, render(directory));
    return file;
  }

  /**
   * The page of {@code directory}; a {@link ReportException} (file and line) for a missing or bad
   * input.
   */
  public static String render(Path directory) throws IOException {
    if (!isPosterior(directory)) {
      throw new ReportException(
          directory + " holds no ABC-SMC posterior (posterior.csv and abc-diagnostics.csv)");
    }
    return new PosteriorPage().page(directory);
  }

  private String page(Path directory) throws IOException {
    Path posteriorFile = directory.resolve("posterior.csv");
    List<String> header = header(posteriorFile);
    if (header.size() < 2 || !header.get(0).equals("weight")) {
      throw new ReportException(
          posteriorFile + ":1: expected the header weight,<parameter path>,...");
    }
    List<Map<String, String>> rows = ExperimentPage.read(posteriorFile);
    if (rows.isEmpty()) {
      throw new ReportException(posteriorFile + ":2: no particles");
    }
    double[] weights = new double[rows.size()];
    double total = 0;
    for (int i = 0; i < rows.size(); i++) {
      weights[i] = value(rows.get(i), "weight", posteriorFile, i);
      if (!(weights[i] >= 0)) {
        throw new ReportException(
            posteriorFile + ":" + (i + 2) + ": weight " + weights[i] + " is negative");
      }
      total += weights[i];
    }
    if (!(total > 0)) {
      throw new ReportException(posteriorFile + ": the weights sum to 0");
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= total;
    }
    Map<String, Map<String, String>> summary = new LinkedHashMap<>();
    Path summaryFile = directory.resolve("posterior-summary.csv");
    if (Files.isRegularFile(summaryFile)) {
      for (Map<String, String> row : ExperimentPage.read(summaryFile)) {
        summary.put(row.get("path"), row);
      }
    }
    List<Parameter> parameters = new ArrayList<>();
    for (String path : header.subList(1, header.size())) {
      double[] values = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        values[i] = value(rows.get(i), path, posteriorFile, i);
      }
      Map<String, String> s = summary.get(path);
      String prior = s == null ? "" : s.getOrDefault("prior", "");
      double low = s == null ? Double.NaN : parse(s.get("prior_low"));
      double high = s == null ? Double.NaN : parse(s.get("prior_high"));
      parameters.add(new Parameter(path, prior, low, high, values));
    }
    Path diagnosticsFile = directory.resolve("abc-diagnostics.csv");
    List<Map<String, String>> diagnostics = ExperimentPage.read(diagnosticsFile);

    String title = "ABC-SMC posterior";
    html.append(HtmlReport.head("Polemos " + title))
        .append("<header>\n<h1>")
        .append(title)
        .append("</h1>\n<p class=\"sub\">Polemos calibration page &middot; <code>")
        .append(Html.escape(String.valueOf(directory.toAbsolutePath().normalize().getFileName())))
        .append("</code> &middot; ")
        .append(rows.size())
        .append(" particles, ")
        .append(parameters.size())
        .append(" parameters, ")
        .append(diagnostics.size())
        .append(" generations</p>\n</header>\n<main>\n");
    html.append(
        "<section class=\"note\"><h2>How to read this page</h2><p>The posterior is a weighted sample"
            + " of particles (posterior.csv). On the diagonal of the matrix, each parameter's marginal:"
            + " a histogram whose bars are the summed weights of the particles in each bin (they sum to"
            + " 1), over the prior's range, with the prior's mass per bin dashed where the prior is"
            + " uniform on the axis (uniform; log-uniform on a logarithmic axis). Below the diagonal,"
            + " each pair: a weighted 2-D histogram (darker cells hold more weight) and the particles"
            + " (area proportional to weight). Above it, the weighted correlation of the pair. A"
            + " marginal as wide as its prior means the figures say little about that parameter; a"
            + " narrow ridge in a pair means the figures fix a combination of the two, not each one"
            + " (docs/VALIDATION.md). Hover a cell for the values under the cursor.</p></section>\n");
    ObjectNode data = json.createObjectNode();
    ArrayNode charts = data.putArray("charts");
    data.putArray("interventions");
    ObjectNode posterior = data.putObject("posterior");
    posterior.put("particles", rows.size());
    posterior.put("paired", Math.min(parameters.size(), MAX_PAIRED));
    ArrayNode w = posterior.putArray("weights");
    for (double v : weights) {
      w.add(v);
    }
    ArrayNode params = posterior.putArray("parameters");
    List<double[]> edgesOf = new ArrayList<>();
    int bins = bins(rows.size());
    for (int c = 0; c < parameters.size(); c++) {
      Parameter p = parameters.get(c);
      double[] edges = edges(p, bins);
      edgesOf.add(edges);
      ObjectNode node = params.addObject();
      node.put("path", p.path())
          .put("label", (c + 1) + ". " + p.path().substring(p.path().lastIndexOf('.') + 1))
          .put("prior", p.prior())
          .put("log", p.logScale());
      ArrayNode e = node.putArray("edges");
      for (double v : edges) {
        e.add(v);
      }
      ArrayNode m = node.putArray("marginal");
      for (double v : marginal(p.values(), weights, edges)) {
        m.add(v);
      }
      if (p.prior().equals("uniform") || p.logScale()) {
        node.put("priorMass", 1.0 / bins);
      }
      ArrayNode values = node.putArray("values");
      for (double v : p.values()) {
        values.add(v);
      }
    }
    int paired = Math.min(parameters.size(), MAX_PAIRED);
    ArrayNode pairs = posterior.putArray("pairs");
    for (int i = 0; i < paired; i++) {
      for (int j = 0; j < i; j++) {
        ObjectNode pair = pairs.addObject();
        pair.put("x", j).put("y", i);
        double r = correlation(parameters.get(j).values(), parameters.get(i).values(), weights);
        if (Double.isFinite(r)) {
          pair.put("correlation", r);
        } else {
          pair.putNull("correlation");
        }
        ArrayNode cells = pair.putArray("cells");
        for (double[] row :
            joint(
                parameters.get(j).values(),
                parameters.get(i).values(),
                weights,
                edgesOf.get(j),
                edgesOf.get(i))) {
          ArrayNode line = cells.addArray();
          for (double v : row) {
            line.add(v);
          }
        }
      }
    }
    html.append("<section><h2>Marginal and pairwise posterior</h2>\n");
    if (paired < parameters.size()) {
      html.append("<p class=\"caption\">Pairs are drawn for the first ")
          .append(paired)
          .append(" parameters; the marginals of all ")
          .append(parameters.size())
          .append(" are below the matrix.</p>\n");
    }
    html.append(
        "<div id=\"corner\" class=\"corner\"></div>\n<p class=\"caption\" id=\"corner-readout\">"
            + "&nbsp;</p>\n</section>\n");
    summaryTable(parameters, weights);
    diagnostics(diagnostics, diagnosticsFile, charts);
    try {
      html.append(
          HtmlReport.tail(
              "Written by 'polemos calibrate' (method abc-smc) or 'polemos report' from posterior.csv"
                  + " and abc-diagnostics.csv.",
              json.writeValueAsString(data),
              "posterior.js"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return html.toString();
  }

  private void summaryTable(List<Parameter> parameters, double[] weights) {
    html.append(
        "<section><h2>Posterior quantiles</h2><table id=\"posterior-summary\"><thead><tr><th>#</th>"
            + "<th>Parameter path</th><th>Prior</th><th>Mean</th><th>p05</th><th>p50</th>"
            + "<th>p95</th></tr></thead><tbody>\n");
    for (int c = 0; c < parameters.size(); c++) {
      Parameter p = parameters.get(c);
      double mean = 0;
      for (int i = 0; i < weights.length; i++) {
        mean += weights[i] * p.values()[i];
      }
      html.append("<tr><td>")
          .append(c + 1)
          .append("</td><td><code>")
          .append(Html.escape(p.path()))
          .append("</code></td><td>")
          .append(
              p.prior().isEmpty()
                  ? "not recorded"
                  : Html.escape(p.prior()) + " " + sig(p.low()) + "\u2013" + sig(p.high()))
          .append("</td><td class=\"num\">")
          .append(sig(mean));
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        html.append("</td><td class=\"num\">").append(sig(quantile(p.values(), weights, q)));
      }
      html.append("</td></tr>\n");
    }
    html.append(
        "</tbody></table><p class=\"caption\">Weighted quantiles of the particles (the weighted"
            + " empirical distribution function, no interpolation).</p></section>\n");
  }

  private void diagnostics(List<Map<String, String>> rows, Path file, ArrayNode charts) {
    html.append(
        "<section><h2>Diagnostics per generation</h2><table id=\"abc-diagnostics\"><thead><tr>"
            + "<th>Generation</th><th>Tolerance</th><th>Simulations</th><th>Accepted / considered"
            + "</th><th>Acceptance</th><th>ESS</th></tr></thead><tbody>\n");
    List<Double> generation = new ArrayList<>();
    List<Double> tolerance = new ArrayList<>();
    List<Double> acceptance = new ArrayList<>();
    List<Double> ess = new ArrayList<>();
    List<Double> accepted = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      generation.add(value(r, "generation", file, i));
      tolerance.add(parse(r.get("tolerance")));
      acceptance.add(100 * value(r, "acceptance_rate", file, i));
      ess.add(value(r, "ess", file, i));
      accepted.add(value(r, "accepted", file, i));
      html.append("<tr><td>")
          .append(Html.escape(r.get("generation")))
          .append("</td><td class=\"num\">")
          .append(Double.isFinite(tolerance.get(i)) ? sig(tolerance.get(i)) : "none (the prior)")
          .append("</td><td class=\"num\">")
          .append(Html.escape(r.get("simulations")))
          .append("</td><td class=\"num\">")
          .append(Html.escape(r.get("accepted") + " / " + r.get("considered")))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.1f%%", acceptance.get(i)))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.1f", ess.get(i)))
          .append("</td></tr>\n");
    }
    html.append(
        "</tbody></table><p class=\"caption\">Generation 0 samples the prior (no tolerance). Each"
            + " later generation accepts the simulations whose distance to the figures is within its"
            + " tolerance; ESS is the effective sample size of the weights, (sum w)^2 / sum w^2, at"
            + " most the number of particles.</p></section>\n");
    line(charts, "Tolerance per generation", "ABC distance", generation, tolerance, null, null);
    line(
        charts,
        "Acceptance rate per generation",
        "accepted / considered (%)",
        generation,
        acceptance,
        null,
        null);
    line(
        charts,
        "Effective sample size per generation",
        "ESS (particles)",
        generation,
        ess,
        "particles",
        accepted);
  }

  private void line(
      ArrayNode charts,
      String title,
      String yLabel,
      List<Double> x,
      List<Double> y,
      String secondLabel,
      List<Double> second) {
    int index = charts.size();
    String id = "d" + index;
    html.append("<section class=\"chart\" id=\"")
        .append(id)
        .append("\"><h2>")
        .append(Html.escape(title))
        .append("</h2>\n<div class=\"plot\" data-chart=\"")
        .append(index)
        .append("\"></div>\n</section>\n");
    ObjectNode chart = charts.addObject();
    chart
        .put("id", id)
        .put("title", title)
        .put("unit", "")
        .put("zero", true)
        .put("xType", "number")
        .put("xLabel", "generation")
        .put("yLabel", yLabel);
    chart.putArray("kinds");
    chart.putArray("observed");
    ArrayNode xs = chart.putArray("x");
    x.forEach(xs::add);
    ArrayNode series = chart.putArray("series");
    addSeries(series, yLabel, PALETTE[0], y);
    if (second != null) {
      addSeries(series, secondLabel, PALETTE[1], second);
    }
  }

  private static void addSeries(ArrayNode series, String label, String colour, List<Double> v) {
    ObjectNode s = series.addObject().put("label", label).put("colour", colour).put("width", 2);
    ArrayNode mean = s.putArray("mean");
    for (Double d : v) {
      if (d == null || !Double.isFinite(d)) {
        mean.addNull();
      } else {
        mean.add(d);
      }
    }
  }

  /** Bins per parameter: about the square root of the particles, 8 to 30. */
  static int bins(int particles) {
    return Math.max(8, Math.min(30, (int) Math.ceil(Math.sqrt(particles))));
  }

  /**
   * Bin edges over the prior's box (widened to the particles if any lies outside it, or the
   * particles' range when the box is unknown), equal on a logarithmic axis for a log-uniform prior.
   */
  static double[] edges(Parameter p, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : p.values()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (Double.isFinite(p.low()) && Double.isFinite(p.high()) && p.high() > p.low()) {
      lo = Math.min(lo, p.low());
      hi = Math.max(hi, p.high());
    }
    if (!(hi > lo)) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
      lo -= pad;
      hi += pad;
    }
    boolean log = p.logScale() && lo > 0;
    double a = log ? Math.log(lo) : lo;
    double b = log ? Math.log(hi) : hi;
    double[] edges = new double[bins + 1];
    for (int k = 0; k <= bins; k++) {
      double t = a + (b - a) * k / bins;
      edges[k] = log ? Math.exp(t) : t;
    }
    edges[0] = lo;
    edges[bins] = hi;
    return edges;
  }

  /** The bin of {@code v}: {@code edges[k] <= v < edges[k+1]}, the last bin closed. */
  static int bin(double v, double[] edges) {
    int n = edges.length - 1;
    if (v >= edges[n]) {
      return n - 1;
    }
    int k = java.util.Arrays.binarySearch(edges, v);
    k = k >= 0 ? k : -k - 2;
    return Math.max(0, Math.min(n - 1, k));
  }

  /** The summed normalised weight of the values in each bin. */
  static double[] marginal(double[] values, double[] weights, double[] edges) {
    double[] mass = new double[edges.length - 1];
    for (int i = 0; i < values.length; i++) {
      mass[bin(values[i], edges)] += weights[i];
    }
    return mass;
  }

  /** The summed weight of each (y bin, x bin) cell. */
  static double[][] joint(
      double[] x, double[] y, double[] weights, double[] xEdges, double[] yEdges) {
    double[][] mass = new double[yEdges.length - 1][xEdges.length - 1];
    for (int i = 0; i < x.length; i++) {
      mass[bin(y[i], yEdges)][bin(x[i], xEdges)] += weights[i];
    }
    return mass;
  }

  /** The weighted Pearson correlation (weights summing to 1); NaN when either is constant. */
  static double correlation(double[] x, double[] y, double[] weights) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += weights[i] * x[i];
      my += weights[i] * y[i];
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += weights[i] * (x[i] - mx) * (y[i] - my);
      sxx += weights[i] * (x[i] - mx) * (x[i] - mx);
      syy += weights[i] * (y[i] - my) * (y[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
  }

  /** The smallest value whose weighted cumulative share reaches {@code q}. */
  static double quantile(double[] values, double[] weights, double q) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double sum = 0;
    for (Integer i : order) {
      sum += weights[i];
      if (sum >= q - 1e-12) {
        return values[i];
      }
    }
    return values[order[order.length - 1]];
  }

  private static String sig(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 1e5
        ? Numbers.format(v)
        : String.valueOf(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
  }

  private static double parse(String text) {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    String t = text.strip();
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double value(Map<String, String> row, String column, Path file, int index) {
    String text = row.get(column);
    try {
      double v = CsvRows.number(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (RuntimeException e) {
      throw new ReportException(
          file
              + ":"
              + (index + 2)
              + ": column '"
              + column
              + "': '"
              + text
              + "' is not a finite number");
    }
  }

  private static List<String> header(Path file) throws IOException {
    try (CsvRows csv =
        new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
      String[] header = csv.next();
      if (header == null) {
        throw new ReportException(file + ":1: empty file");
      }
      List<String> names = new ArrayList<>();
      for (String h : header) {
        names.add(h.strip());
      }
      return names;
    }
  }
}
