package org.polemos.io.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polemos.io.report.ChartSpec.Layer;
import org.polemos.model.result.Metric;

/** The charts every report has (when the run has their metrics). */
public final class BuiltInCharts implements ChartCatalogue {
  private static final Set<String> GROUND = Set.of("ground-offensive", "air-campaign");
  private static final Set<String> FLOWS =
      Set.of("border-closure", "travel-measures", "counter-messaging", "intelligence-sharing");
  private static final Set<String> MONEY = Set.of("revenue-strikes");
  private static final String BY_GROUP_ARRIVALS = "foreign_arrivals_by_group_cumulative";
  private static final String BY_GROUP_RETURNEES = "returnees_by_group_cumulative";
  private static final Set<String> ABROAD = Set.of("intelligence-sharing", "travel-measures");

  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec(
            "territory",
            "Territory held by faction",
            "km²",
            "Area of the regions each faction holds.",
            List.of(Layer.each(Metric.TERRITORY_KM2)),
            GROUND,
            true),
        new ChartSpec(
            "fighters",
            "Fighters by faction",
            "fighters",
            "Fighters of each faction over all regions "
                + "(the organisation's include foreign fighters).",
            List.of(Layer.each(Metric.FIGHTERS)),
            GROUND,
            true),
        new ChartSpec(
            "deaths",
            "Deaths per month by faction",
            "fighters per month",
            "Combat and air-strike deaths "
                + "of each faction in each calendar month (dated its first day): per replication, the difference of "
                + "cumulative deaths over the month, then summarised.",
            List.of(Layer.each(ReportMetrics.DEATHS_MONTHLY)),
            GROUND,
            true),
        new ChartSpec(
            "arrivals",
            "Foreign recruits (men) arriving, cumulative, top sources and total",
            "people",
            "Recruits who "
                + "crossed into the organisation's territory since the start (the women and minors who came with them "
                + "are in the next chart); the sources with the most arrivals at the end, any source with an observed "
                + "figure, and all sources together (band on the total only). Foreign-fighter figures are compared "
                + "with these.",
            List.of(Layer.top(Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE, 6)),
            FLOWS,
            true),
        new ChartSpec(
            "arrivals-by-group",
            "Foreign arrivals by group, cumulative",
            "people",
            "Everyone who "
                + "crossed into the organisation's territory: the recruits (men), and the women and minors who came "
                + "with them.",
            List.of(Layer.each(BY_GROUP_ARRIVALS)),
            FLOWS,
            true),
        new ChartSpec(
            "inflow",
            "Foreign recruits (men) arriving per month, all sources",
            "people per month",
            "Difference of "
                + "the recruits' cumulative arrivals over each calendar month, per replication, then summarised.",
            List.of(Layer.one(ReportMetrics.INFLOW_MONTHLY, Metric.ALL, "All sources")),
            FLOWS,
            true),
        new ChartSpec(
            "returnees",
            "Returnees, cumulative, top sources and total",
            "people",
            "Everyone who "
                + "went home: foreign deserters who returned to their source country, and the women and minors who "
                + "returned.",
            List.of(Layer.top(Metric.RETURNEES_CUMULATIVE, 5)),
            FLOWS,
            true),
        new ChartSpec(
            "returnees-by-group",
            "Returnees by group, cumulative",
            "people",
            "Returnees by " + "group: men, women, minors.",
            List.of(Layer.each(BY_GROUP_RETURNEES)),
            FLOWS,
            true),
        new ChartSpec(
            "revenue",
            "Revenue by stream",
            "USD per output period",
            "Revenue of each stream during each "
                + "output period. Public figures given per day, month or year are converted to the output period.",
            List.of(Layer.each(Metric.REVENUE_USD)),
            MONEY,
            true,
            Map.of(
                "tax", "Taxation and extortion", "oil", "Oil", "other", "Other (incl. ransoms)")),
        new ChartSpec(
            "treasury",
            "Treasury of the organisation",
            "USD",
            "Money held at each sample.",
            List.of(Layer.one(Metric.TREASURY_USD, "", "Treasury")),
            MONEY,
            true),
        new ChartSpec(
            "abroad",
            "Operations abroad, cumulative, all destinations",
            "count",
            "Counts only: "
                + "operatives sent towards their source countries, plots foiled there, plots carried out.",
            List.of(
                Layer.one(
                    Metric.OPERATIVES_DISPATCHED_CUMULATIVE, Metric.ALL, "Operatives dispatched"),
                Layer.one(Metric.PLOTS_FOILED_CUMULATIVE, Metric.ALL, "Plots foiled"),
                Layer.one(
                    Metric.PLOTS_EXECUTED_CUMULATIVE, Metric.ALL, "Plots carried out (all kinds)")),
            ABROAD,
            true),
        new ChartSpec(
            "abroad-monthly",
            "Plots carried out and inspired attacks per month",
            "count per month",
            "Counts only, all sources: per replication, the difference of the cumulative counts over each calendar "
                + "month (dated its first day), then summarised.",
            List.of(
                Layer.one(
                    ReportMetrics.PLOTS_EXECUTED_MONTHLY,
                    Metric.ALL,
                    "Plots carried out (all kinds)"),
                Layer.one(ReportMetrics.INSPIRED_ATTACKS_MONTHLY, Metric.ALL, "of which inspired")),
            ABROAD,
            true),
        new ChartSpec(
            "momentum",
            "Momentum of the organisation",
            "dimensionless, 1 = neutral",
            "Momentum: the "
                + "organisation's recent combat results (above 1 gaining, below 1 losing). Perceived momentum: the same "
                + "seen by source populations after the perception lag; it drives departures (above 1 draws recruits, "
                + "below 1 deters them).",
            List.of(
                Layer.one(Metric.MOMENTUM, "", "Momentum"),
                Layer.one(Metric.MOMENTUM_PERCEIVED, "", "Perceived momentum")),
            Set.of(),
            false));
  }
}
