package org.polemos.io.report;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A time-series chart as inline SVG: mean lines with a p05-p95 band, intervention spans (shaded in the plot, as
 * labelled bars in a strip under the date axis), observed points with range bars, and a legend to the right of the
 * plot so that it never covers data. No external resources.
 */
final class SvgChart {
  static final int WIDTH = 1060;
  private static final int LEFT = 84;
  private static final int RIGHT = 262;
  private static final int TOP = 14;
  private static final int PLOT_HEIGHT = 300;
  private static final int AXIS_HEIGHT = 30;
  private static final int LANE = 17;
  private static final double CHAR = 6.3;

  record Line(String label, String color, NavigableMap<LocalDate, Stats> data, boolean band, double width) {
  }

  record Point(ObservedPoint point, String color, int index) {
  }

  private final List<Line> lines = new ArrayList<>();
  private final List<ScenarioInfo.InterventionSpan> spans = new ArrayList<>();
  private final List<Point> points = new ArrayList<>();
  private final LocalDate from;
  private final LocalDate to;
  private boolean zeroBased = true;

  SvgChart(LocalDate from, LocalDate to) {
    this.from = from;
    this.to = to.isAfter(from) ? to : from.plusDays(1);
  }

  SvgChart line(String label, String color, NavigableMap<LocalDate, Stats> data, boolean band, double width) {
    if (!data.isEmpty()) {
      lines.add(new Line(label, color, data, band, width));
    }
    return this;
  }

  SvgChart span(ScenarioInfo.InterventionSpan span) {
    if (!span.end().isBefore(from) && !span.start().isAfter(to)) {
      spans.add(span);
    }
    return this;
  }

  SvgChart point(ObservedPoint point, String color, int index) {
    points.add(new Point(point, color, index));
    return this;
  }

  /** Lets the value axis start above zero (for ratios such as momentum). */
  SvgChart floating() {
    this.zeroBased = false;
    return this;
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  String render(String ariaLabel) {
    // value range over bands, lines and observed ranges
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Line line : lines) {
      for (Map.Entry<LocalDate, Stats> e : line.data().entrySet()) {
        Stats s = e.getValue();
        for (double v : line.band() ? new double[] {s.mean(), s.p05(), s.p95()} : new double[] {s.mean()}) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    for (Point p : points) {
      min = Math.min(min, p.point().low());
      max = Math.max(max, p.point().high());
    }
    if (!Double.isFinite(min)) {
      min = 0;
      max = 1;
    }
    if (zeroBased && min >= 0) {
      min = 0;
    }
    if (max - min < 1e-9) {
      max = min + (Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1);
    }
    max += (max - min) * 0.04; // headroom so that the top line and markers do not sit on the frame
    double step = niceStep((max - min) / 5);
    double yMin = Math.floor(min / step) * step;
    double yMax = Math.ceil(max / step) * step;

    List<List<ScenarioInfo.InterventionSpan>> lanes = lanes();
    int stripTop = TOP + PLOT_HEIGHT + AXIS_HEIGHT;
    int stripHeight = lanes.isEmpty() ? 0 : lanes.size() * LANE + 8;
    int legendHeight = legendRows() * 18 + TOP + 10;
    int height = Math.max(stripTop + stripHeight + 6, legendHeight);
    int plotWidth = WIDTH - LEFT - RIGHT;

    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel)).append("\">\n");
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth)
        .append("\" height=\"").append(PLOT_HEIGHT).append("\" class=\"plot\"/>\n");

    // intervention spans: their union shaded once (overlaps do not darken), a thin line at each start
    for (double[] union : unions()) {
      svg.append("<rect class=\"span\" x=\"").append(f(union[0])).append("\" y=\"").append(TOP)
          .append("\" width=\"").append(f(Math.max(1, union[1] - union[0]))).append("\" height=\"")
          .append(PLOT_HEIGHT).append("\"/>\n");
    }
    for (ScenarioInfo.InterventionSpan span : spans) {
      if (!span.start().isAfter(from)) {
        continue;
      }
      double x0 = x(clamp(span.start()));
      svg.append("<line class=\"span-start\" x1=\"").append(f(x0)).append("\" x2=\"").append(f(x0))
          .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"><title>")
          .append(Html.escape(span.name() + " starts " + span.start())).append("</title></line>\n");
    }

    // value grid and labels
    for (double v = yMin; v <= yMax + step / 2; v += step) {
      double y = y(v, yMin, yMax);
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
          .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
      svg.append("<text class=\"ytick\" x=\"").append(LEFT - 8).append("\" y=\"").append(f(y + 4)).append("\">")
          .append(Html.escape(Numbers.tick(v, step))).append("</text>\n");
    }

    // date grid and labels
    for (LocalDate tick : dateTicks()) {
      double x = x(tick);
      svg.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
          .append(TOP).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>");
      svg.append("<line class=\"axis\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
          .append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT + 5).append("\"/>");
      svg.append("<text class=\"xtick\" x=\"").append(f(x)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 19)
          .append("\">").append(Html.escape(dateLabel(tick))).append("</text>\n");
    }
    svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
        .append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>\n");

    // bands first, then lines on top
    for (Line line : lines) {
      if (line.band()) {
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        List<String> lowerPoints = new ArrayList<>();
        for (Map.Entry<LocalDate, Stats> e : line.data().entrySet()) {
          Stats s = e.getValue();
          if (Double.isFinite(s.p05()) && Double.isFinite(s.p95())) {
            upper.append(upper.length() == 0 ? "" : " ").append(f(x(e.getKey()))).append(',')
                .append(f(y(s.p95(), yMin, yMax)));
            lowerPoints.add(f(x(e.getKey())) + "," + f(y(s.p05(), yMin, yMax)));
          }
        }
        for (int i = lowerPoints.size() - 1; i >= 0; i--) {
          lower.append(' ').append(lowerPoints.get(i));
        }
        svg.append("<polygon class=\"band\" fill=\"").append(line.color()).append("\" points=\"").append(upper)
            .append(lower).append("\"/>\n");
      }
    }
    for (Line line : lines) {
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (Map.Entry<LocalDate, Stats> e : line.data().entrySet()) {
        double mean = e.getValue().mean();
        if (!Double.isFinite(mean)) {
          pen = false;
          continue;
        }
        path.append(pen ? " L" : " M").append(f(x(e.getKey()))).append(',').append(f(y(mean, yMin, yMax)));
        pen = true;
      }
      svg.append("<path class=\"mean\" stroke=\"").append(line.color()).append("\" stroke-width=\"")
          .append(line.width()).append("\" d=\"").append(path.toString().strip()).append("\"><title>")
          .append(Html.escape(line.label())).append(" (mean)</title></path>\n");
    }

    // observed points
    for (Point p : points) {
      ObservedPoint o = p.point();
      double x = x(clamp(o.midpoint()));
      double yLow = y(o.low(), yMin, yMax);
      double yHigh = y(o.high(), yMin, yMax);
      String title = Html.escape((p.index() > 0 ? "#" + p.index() + " " : "") + o.source() + ": " + Numbers.range(o.low(), o.high())
          + " (" + o.from() + (o.from().equals(o.to()) ? "" : " to " + o.to()) + ")");
      svg.append("<g class=\"obs\"><title>").append(title).append("</title>");
      if (!o.from().equals(o.to())) {
        double xa = x(clamp(o.from()));
        double xb = x(clamp(o.to()));
        double ym = (yLow + yHigh) / 2;
        svg.append("<line class=\"obs-period\" stroke=\"").append(p.color()).append("\" x1=\"").append(f(xa))
            .append("\" x2=\"").append(f(xb)).append("\" y1=\"").append(f(ym)).append("\" y2=\"").append(f(ym))
            .append("\"/>");
      }
      if (o.high() > o.low()) {
        svg.append("<line class=\"obs-range\" stroke=\"").append(p.color()).append("\" x1=\"").append(f(x))
            .append("\" x2=\"").append(f(x)).append("\" y1=\"").append(f(yLow)).append("\" y2=\"").append(f(yHigh))
            .append("\"/>");
        for (double yy : new double[] {yLow, yHigh}) {
          svg.append("<line class=\"obs-range\" stroke=\"").append(p.color()).append("\" x1=\"").append(f(x - 4))
              .append("\" x2=\"").append(f(x + 4)).append("\" y1=\"").append(f(yy)).append("\" y2=\"")
              .append(f(yy)).append("\"/>");
        }
      }
      svg.append("<circle class=\"obs-mark\" stroke=\"").append(p.color()).append("\" cx=\"").append(f(x))
          .append("\" cy=\"").append(f((yLow + yHigh) / 2)).append("\" r=\"4.5\"/>");
      if (p.index() > 0) {
        svg.append("<text class=\"obs-label\" x=\"").append(f(x + 7)).append("\" y=\"")
            .append(f((yLow + yHigh) / 2 - 5)).append("\">").append(p.index()).append("</text>");
      }
      svg.append("</g>\n");
    }

    // intervention strip under the date axis
    for (int lane = 0; lane < lanes.size(); lane++) {
      double y = stripTop + 4 + lane * LANE;
      for (ScenarioInfo.InterventionSpan span : lanes.get(lane)) {
        double x0 = x(clamp(span.start()));
        double x1 = Math.max(x0 + 2, x(clamp(span.end().plusDays(1))));
        svg.append("<g class=\"ispan\"><title>").append(Html.escape(span.name() + " (" + span.kind() + ", "
            + span.start() + " to " + span.end() + ")")).append("</title>");
        svg.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(f(y)).append("\" width=\"")
            .append(f(x1 - x0)).append("\" height=\"").append(LANE - 4).append("\"/>");
        svg.append("<text x=\"").append(f(labelX(span))).append("\" y=\"").append(f(y + LANE - 8)).append("\">")
            .append(Html.escape(span.name())).append("</text></g>\n");
      }
    }

    // legend
    int ly = TOP + 8;
    int lx = LEFT + plotWidth + 18;
    for (Line line : lines) {
      svg.append("<line stroke=\"").append(line.color()).append("\" stroke-width=\"").append(Math.max(2.5,
          line.width())).append("\" x1=\"").append(lx).append("\" x2=\"").append(lx + 22).append("\" y1=\"")
          .append(ly).append("\" y2=\"").append(ly).append("\"/>");
      svg.append("<text class=\"legend\" x=\"").append(lx + 28).append("\" y=\"").append(ly + 4).append("\">")
          .append(Html.escape(shorten(line.label(), 30))).append("</text>\n");
      ly += 18;
    }
    if (lines.stream().anyMatch(Line::band)) {
      svg.append("<rect class=\"band-key\" x=\"").append(lx).append("\" y=\"").append(ly - 6)
          .append("\" width=\"22\" height=\"12\"/><text class=\"legend\" x=\"").append(lx + 28).append("\" y=\"")
          .append(ly + 4).append("\">5-95% of replications</text>\n");
      ly += 18;
    }
    if (!points.isEmpty()) {
      svg.append("<circle class=\"obs-mark\" stroke=\"#333\" cx=\"").append(lx + 11).append("\" cy=\"").append(ly)
          .append("\" r=\"4.5\"/><text class=\"legend\" x=\"").append(lx + 28).append("\" y=\"").append(ly + 4)
          .append("\">observed (range, period)</text>\n");
      ly += 18;
    }
    if (!spans.isEmpty()) {
      svg.append("<rect class=\"span-key\" x=\"").append(lx).append("\" y=\"").append(ly - 6)
          .append("\" width=\"22\" height=\"12\"/><text class=\"legend\" x=\"").append(lx + 28).append("\" y=\"")
          .append(ly + 4).append("\">interventions (below)</text>\n");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private int legendRows() {
    return lines.size() + (lines.stream().anyMatch(Line::band) ? 1 : 0) + (points.isEmpty() ? 0 : 1)
        + (spans.isEmpty() ? 0 : 1);
  }

  /** Packs spans into lanes so that neither bars nor their labels overlap. */
  private List<List<ScenarioInfo.InterventionSpan>> lanes() {
    List<List<ScenarioInfo.InterventionSpan>> lanes = new ArrayList<>();
    List<Double> laneEnds = new ArrayList<>();
    List<ScenarioInfo.InterventionSpan> sorted = new ArrayList<>(spans);
    sorted.sort((a, b) -> a.start().compareTo(b.start()));
    for (ScenarioInfo.InterventionSpan span : sorted) {
      double x0 = Math.min(x(clamp(span.start())), labelX(span) - 3);
      double end = Math.max(x(clamp(span.end().plusDays(1))), labelX(span) + span.name().length() * CHAR) + 8;
      int lane = 0;
      while (lane < lanes.size() && laneEnds.get(lane) > x0) {
        lane++;
      }
      if (lane == lanes.size()) {
        lanes.add(new ArrayList<>());
        laneEnds.add(0.0);
      }
      lanes.get(lane).add(span);
      laneEnds.set(lane, end);
    }
    return lanes;
  }

  /** Where a span's label starts: just inside its bar, moved left when it would leave the drawing. */
  private double labelX(ScenarioInfo.InterventionSpan span) {
    double x = x(clamp(span.start())) + 3;
    return Math.max(LEFT, Math.min(x, WIDTH - 8 - span.name().length() * CHAR));
  }

  /** The union of the spans as x intervals. */
  private List<double[]> unions() {
    List<double[]> intervals = new ArrayList<>();
    for (ScenarioInfo.InterventionSpan span : spans) {
      intervals.add(new double[] {x(clamp(span.start())), x(clamp(span.end().plusDays(1)))});
    }
    intervals.sort((a, b) -> Double.compare(a[0], b[0]));
    List<double[]> unions = new ArrayList<>();
    for (double[] interval : intervals) {
      if (!unions.isEmpty() && interval[0] <= unions.get(unions.size() - 1)[1]) {
        double[] last = unions.get(unions.size() - 1);
        last[1] = Math.max(last[1], interval[1]);
      } else {
        unions.add(interval.clone());
      }
    }
    return unions;
  }

  private List<LocalDate> dateTicks() {
    List<LocalDate> ticks = new ArrayList<>();
    long days = ChronoUnit.DAYS.between(from, to);
    int monthStep = days > 365 * 3 ? 12 : days > 365 * 1.5 ? 6 : days > 180 ? 3 : 1;
    LocalDate tick = from.withDayOfMonth(1);
    if (tick.isBefore(from)) {
      tick = tick.plusMonths(1);
    }
    while (monthStep == 12 && tick.getMonthValue() != 1 || monthStep > 1 && (tick.getMonthValue() - 1) % monthStep != 0) {
      tick = tick.plusMonths(1);
    }
    for (; !tick.isAfter(to); tick = tick.plusMonths(monthStep)) {
      ticks.add(tick);
    }
    return ticks;
  }

  private static String dateLabel(LocalDate date) {
    if (date.getMonthValue() == 1) {
      return Integer.toString(date.getYear());
    }
    return date.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + date.getYear();
  }

  private LocalDate clamp(LocalDate date) {
    return date.isBefore(from) ? from : date.isAfter(to) ? to : date;
  }

  private double x(LocalDate date) {
    double total = ChronoUnit.DAYS.between(from, to);
    return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, date) / total;
  }

  private static double y(double value, double min, double max) {
    return TOP + PLOT_HEIGHT - PLOT_HEIGHT * (value - min) / (max - min);
  }

  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
