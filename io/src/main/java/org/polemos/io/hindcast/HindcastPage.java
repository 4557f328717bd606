package org.polemos.io.hindcast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polemos.io.results.AtomicOutput;

/**
 * The report page of {@code polemos hindcast} ({@code hindcast.html}, one self-contained file
 * written atomically): one chart per (quantity, key) with, at each figure's end date, the
 * posterior-predictive 90% interval (thin bar), 50% interval (thick bar) and median (tick), the
 * reported figure (a point, or a bar for a reported range), and the cutoff as a dashed vertical
 * line: figures left of it were used for calibration, figures right of it are scored. Kept apart
 * from the run report (io/report) on purpose.
 */
public final class HindcastPage {

  /** One figure and its predictive quantiles; {@code scored}: after the cutoff. */
  public record Row(
      String quantity,
      String key,
      String unit,
      LocalDate from,
      LocalDate to,
      double low,
      double high,
      double p05,
      double p25,
      double p50,
      double p75,
      double p95,
      double crps,
      boolean scored) {}

  private static final int WIDTH = 640;
  private static final int HEIGHT = 240;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  private HindcastPage() {}

  public static void write(
      Path file, String title, LocalDate cutoff, String summary, List<Row> rows)
      throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append(
            "</title>\n<style>\nbody{font-family:sans-serif;max-width:720px;margin:2em auto;"
                + "color:#222}\nh2{font-size:1.05em;margin-top:2em}\n.note{color:#555;font-size:.9em}\n"
                + "table{border-collapse:collapse;font-size:.85em}td,th{border-bottom:1px solid #ddd;padding:2px 6px;"
                + "text-align:right}\n</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p>")
        .append(escape(summary))
        .append(
            "</p>\n<p class=\"note\">Bars: posterior-predictive 90% (thin) and 50% "
                + "(thick) intervals, tick: median. Black: the reported figure (a bar for a reported range). The dashed "
                + "line is the cutoff ")
        .append(cutoff)
        .append(
            ": figures on its left were used for calibration, those "
                + "on its right are scored (hindcast.csv).</p>\n");
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      groups
          .computeIfAbsent(
              r.quantity() + (r.key().isEmpty() ? "" : " (" + r.key() + ")"),
              x -> new ArrayList<>())
          .add(r);
    }
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      h.append("<h2>")
          .append(escape(g.getKey()))
          .append(" <span class=\"note\">")
          .append(escape(g.getValue().get(0).unit()))
          .append("</span></h2>\n");
      h.append(chart(g.getValue(), cutoff));
    }
    h.append("</body>\n</html>\n");
    AtomicOutput.writeString(file, h.toString());
  }

  private static String chart(List<Row> rows, LocalDate cutoff) {
    LocalDate first = cutoff;
    LocalDate last = cutoff;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      first = r.to().isBefore(first) ? r.to() : first;
      last = r.to().isAfter(last) ? r.to() : last;
      for (double v : new double[] {r.low(), r.high(), r.p05(), r.p95()}) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    first = first.minusDays(30);
    last = last.plusDays(30);
    min = Math.min(0, min);
    if (!(max > min)) {
      max = min + 1;
    }
    max *= 1.05;
    double days = ChronoUnit.DAYS.between(first, last);
    LocalDate f = first;
    double lo = min;
    double hi = max;
    java.util.function.Function<LocalDate, Double> x =
        d -> LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(f, d) / days;
    java.util.function.DoubleUnaryOperator y =
        v -> TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - lo) / (hi - lo));
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "role=\"img\">\n",
            WIDTH,
            HEIGHT));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
            LEFT,
            HEIGHT - BOTTOM,
            WIDTH - RIGHT,
            HEIGHT - BOTTOM));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
            LEFT,
            TOP,
            LEFT,
            HEIGHT - BOTTOM));
    for (int i = 0; i <= 4; i++) {
      double v = lo + (hi - lo) * i / 4;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>\n",
              LEFT - 4,
              y.applyAsDouble(v) + 3,
              number(v)));
    }
    for (int year = first.getYear(); year <= last.getYear() + 1; year++) {
      LocalDate d = LocalDate.of(year, 1, 1);
      if (!d.isBefore(first) && !d.isAfter(last)) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d"
                    + "</text>\n",
                x.apply(d),
                HEIGHT - BOTTOM + 14,
                year));
      }
    }
    double cx = x.apply(cutoff);
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" "
                + "stroke-dasharray=\"4 3\"/>\n<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#c00\">cutoff %s</text>\n",
            cx,
            TOP,
            cx,
            HEIGHT - BOTTOM,
            cx + 3,
            TOP + 10,
            cutoff));
    for (Row r : rows) {
      double px = x.apply(r.to());
      String colour = r.scored() ? "#1f77b4" : "#999";
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                  + "stroke-width=\"2\"><title>90%%: %s to %s</title></line>\n",
              px,
              y.applyAsDouble(r.p05()),
              px,
              y.applyAsDouble(r.p95()),
              colour,
              number(r.p05()),
              number(r.p95())));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                  + "stroke-width=\"8\"><title>50%%: %s to %s</title></line>\n",
              px,
              y.applyAsDouble(r.p25()),
              px,
              y.applyAsDouble(r.p75()),
              colour,
              number(r.p25()),
              number(r.p75())));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#fff\" "
                  + "stroke-width=\"2\"/>\n",
              px - 4,
              y.applyAsDouble(r.p50()),
              px + 4,
              y.applyAsDouble(r.p50())));
      double ox = px + 8;
      String label =
          r.low() == r.high() ? number(r.low()) : number(r.low()) + " to " + number(r.high());
      if (r.low() == r.high()) {
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#000\"><title>%s %s: %s"
                    + "</title></circle>\n",
                ox,
                y.applyAsDouble(r.low()),
                r.from(),
                r.to(),
                label));
      } else {
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
                    + "stroke-width=\"3\"><title>%s %s: %s</title></line>\n",
                ox,
                y.applyAsDouble(r.low()),
                ox,
                y.applyAsDouble(r.high()),
                r.from(),
                r.to(),
                label));
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String number(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "%.3gG", v / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.3gM", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.3gk", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
