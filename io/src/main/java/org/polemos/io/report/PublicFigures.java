package org.polemos.io.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.polemos.io.figures.PublicFigure;
import org.polemos.model.result.Metric;

/**
 * The mapping of publicly reported figures (read by {@link
 * org.polemos.io.figures.PublicFiguresReader}) onto simulated series. Which figures a scenario
 * overlays comes from its {@link Presentation}.
 *
 * <p>Mapping (quantity/key to metric/key):
 *
 * <ul>
 *   <li>{@code territory_held/organisation} to {@code territory_km2/<organisation>};
 *   <li>{@code fighters_total/organisation} to {@code fighters/<organisation>};
 *   <li>{@code foreign_fighters_cumulative} to {@code foreign_arrivals_men_cumulative/all} (the
 *       recruits: fighter figures are not compared with the women and minors who came with them);
 *   <li>{@code foreign_fighters_by_source/<name>} to {@code foreign_arrivals_men_cumulative/<source
 *       id>} for the source whose name (or id) matches, ignoring case;
 *   <li>{@code foreign_fighter_inflow} and {@code recruits_inflow} (persons per month) to the
 *       monthly inflow {@link ReportMetrics#INFLOW_MONTHLY}{@code /all};
 *   <li>{@code oil_revenue} to {@code revenue_usd/oil}, converted from USD per day, month or year
 *       to USD per output period (rate per day times the days of the period that ends at the sample
 *       nearest the middle);
 *   <li>{@code ransom_revenue} to {@code revenue_usd/other} the same way (ransoms are only part of
 *       that stream).
 * </ul>
 *
 * Others (figures for all groups, deaths at one front, operatives or plots counted for one year
 * only) have no comparable simulated series and are listed as not shown.
 */
public final class PublicFigures {
  /** Figures mapped to simulated series, and those left out. */
  public record Mapping(List<ObservedPoint> points, List<HtmlReport.Unmapped> unmapped) {}

  private PublicFigures() {}

  /**
   * Maps figures onto the scenario's series.
   *
   * @param figures the table
   * @param scenario names of the organisation and the sources
   * @param periodDays days of the output period that ends at the sample nearest a date (used to
   *     convert rates)
   */
  public static Mapping map(
      List<PublicFigure> figures, ScenarioInfo scenario, ToIntFunction<LocalDate> periodDays) {
    List<ObservedPoint> points = new ArrayList<>();
    List<HtmlReport.Unmapped> unmapped = new ArrayList<>();
    for (PublicFigure figure : figures) {
      String quantity = figure.quantity();
      String reason = null;
      switch (quantity) {
        case "territory_held" ->
            reason = organisationOnly(figure, points, Metric.TERRITORY_KM2, scenario);
        case "fighters_total" ->
            reason = organisationOnly(figure, points, Metric.FIGHTERS, scenario);
        case "foreign_fighters_cumulative" ->
            points.add(
                point(
                    figure,
                    Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE,
                    Metric.ALL,
                    figure.low(),
                    figure.high(),
                    ""));
        case "foreign_fighters_by_source" -> {
          String source = sourceId(figure.key(), scenario.sources());
          if (source == null) {
            reason = "no source of the scenario is named '" + figure.key() + "'";
          } else {
            points.add(
                point(
                    figure,
                    Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE,
                    source,
                    figure.low(),
                    figure.high(),
                    ""));
          }
        }
        case "foreign_fighter_inflow", "recruits_inflow" -> {
          if (figure.unit().equals("persons_per_month")) {
            points.add(
                point(
                    figure,
                    ReportMetrics.INFLOW_MONTHLY,
                    Metric.ALL,
                    figure.low(),
                    figure.high(),
                    ""));
          } else {
            reason = "unit " + figure.unit() + " is not persons_per_month";
          }
        }
        case "oil_revenue" -> reason = revenue(figure, points, "oil", "", periodDays);
        case "ransom_revenue" ->
            reason = revenue(figure, points, "other", "ransoms only, part of 'other'", periodDays);
        case "foreign_fighters_total_all_groups" ->
            reason = "counts foreign fighters of all groups";
        default -> reason = "no comparable simulated series";
      }
      if (reason != null) {
        unmapped.add(new HtmlReport.Unmapped(figure, reason));
      }
    }
    return new Mapping(points, unmapped);
  }

  private static String organisationOnly(
      PublicFigure figure, List<ObservedPoint> points, String metric, ScenarioInfo scenario) {
    if (!figure.key().equals("organisation")) {
      return "key '" + figure.key() + "' is not the organisation";
    }
    points.add(point(figure, metric, scenario.organisation(), figure.low(), figure.high(), ""));
    return null;
  }

  private static String revenue(
      PublicFigure figure,
      List<ObservedPoint> points,
      String stream,
      String note,
      ToIntFunction<LocalDate> periodDays) {
    LocalDate middle =
        figure.from().plusDays(ChronoUnit.DAYS.between(figure.from(), figure.to()) / 2);
    double perDay =
        switch (figure.unit()) {
          case "usd_per_day" -> 1.0;
          case "usd_per_month" -> 1.0 / middle.lengthOfMonth();
          case "usd_per_year" -> 1.0 / middle.lengthOfYear();
          default -> Double.NaN;
        };
    if (Double.isNaN(perDay)) {
      return "unit " + figure.unit() + " is not a USD rate";
    }
    int days = periodDays.applyAsInt(middle);
    String conversion = figure.unit().replace('_', ' ') + " x " + days + " days per output period";
    points.add(
        point(
            figure,
            Metric.REVENUE_USD,
            stream,
            figure.low() * perDay * days,
            figure.high() * perDay * days,
            note.isEmpty() ? conversion : note + "; " + conversion));
    return null;
  }

  private static ObservedPoint point(
      PublicFigure figure, String metric, String key, double low, double high, String note) {
    return new ObservedPoint(
        metric, key, figure.from(), figure.to(), low, high, figure.source(), note);
  }

  /** The id of the source named (or with id) {@code name}, ignoring case; null when none. */
  static String sourceId(String name, Map<String, String> sources) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> source : sources.entrySet()) {
      if (source.getValue().toLowerCase(Locale.ROOT).equals(wanted)
          || source.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
        return source.getKey();
      }
    }
    return null;
  }
}
