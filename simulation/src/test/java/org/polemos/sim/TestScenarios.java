package org.polemos.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.model.Calendar;
import org.polemos.model.Corridor;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.FactionParameters;
import org.polemos.model.FireMode;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.OutputStep;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.AttritionParameters;
import org.polemos.model.process.CombatParameters;
import org.polemos.model.process.EconomyParameters;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.process.LocalRecruitmentParameters;
import org.polemos.model.process.MomentumParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.model.process.RoleShares;

/** Scenarios built in code for the tests. */
public final class TestScenarios {
  private TestScenarios() {}

  public static final LocalDate START = LocalDate.of(2014, 6, 1);

  public static Faction faction(
      String id, FactionKind kind, FireMode mode, double effectiveness, String... enemies) {
    return new Faction(
        id, id, kind, new FactionParameters(mode, effectiveness, 1.0), List.of(enemies), null);
  }

  public static Region region(
      String id,
      long population,
      double area,
      double oil,
      String controller,
      Map<String, Integer> forces,
      String... neighbours) {
    return new Region(
        id, id, "SY", population, area, oil, 1.0, List.of(neighbours), controller, forces, null);
  }

  public static Source source(String id, long pool, double propensity, String language) {
    return new Source(id, id, pool, propensity, 1.0, language, 0.4, null);
  }

  public static Corridor corridor(
      String id,
      String entry,
      DistributionSpec delay,
      double screening,
      double interdiction,
      String... sources) {
    return new Corridor(
        id, id, List.of(sources), "hub", entry, delay, screening, interdiction, null, null);
  }

  /**
   * The economy of {@link #processes()}: tax, oil, other income, pay, administration and a
   * treasury, every later income and cost at its default; tests add to it.
   */
  public static EconomyParameters.Builder economy() {
    return EconomyParameters.builder()
        .taxUsdPerCapitaPerDay(0.5)
        .oilPriceUsdPerBbl(30)
        .oilOutputShare(0.5)
        .otherUsdPerDay(20_000)
        .payUsdPerFighterPerDay(3)
        .administrationUsdPerCapitaPerDay(0.2)
        .initialTreasuryUsd(1_000_000);
  }

  public static Processes processes() {
    return Processes.of(
        RecruitmentParameters.defaults(),
        new IntakeParameters(
            200, new DistributionSpec.Exponential(14), new RoleShares(0.8, 0.15, 0.05)),
        new LocalRecruitmentParameters(0.002, 0.5),
        new CombatParameters(0.3, 0.3, 50, 0.5, 1.5, 1),
        new MomentumParameters(90, 5, 5, 0.5, 2, 0.0),
        economy().build(),
        AttritionParameters.builder()
            .desertionPerYear(0.1)
            .desertionMomentumSensitivity(1)
            .desertionUnpaidMultiplier(2)
            .foreignReturnShare(0.3)
            .returneeArrestProbability(0.5)
            .build(),
        ExternalOperationsParameters.builder()
            .trainingDays(new DistributionSpec.Fixed(60))
            .plotDays(new DistributionSpec.Exponential(90))
            .territorialShiftSensitivity(0.5)
            .inspiredAttacksPerYear(10)
            .inspiredMomentumSensitivity(1)
            .build());
  }

  public static Scenario scenario(
      LocalDate end,
      OutputStep step,
      List<Faction> factions,
      List<Region> regions,
      List<Source> sources,
      List<Corridor> corridors,
      List<Intervention> interventions,
      Processes processes) {
    return new Scenario(
        "test",
        "test",
        "built in code",
        new Calendar(START, end, step),
        42,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes,
        null);
  }

  /**
   * A minimal 3-region map: raqqa and tal-abyad held by the organisation, kobani by Kurdish forces;
   * one corridor into tal-abyad from two sources; an air campaign, revenue strikes, a border
   * closure and a ground offensive.
   */
  public static Scenario minimal() {
    List<Faction> factions =
        List.of(
            faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0.00002, "kurds", "coalition"),
            faction("kurds", FactionKind.NON_STATE, FireMode.AIMED, 0.01, "is"),
            faction("coalition", FactionKind.COALITION, FireMode.AIMED, 0.0, "is"));
    List<Region> regions =
        List.of(
            region(
                "raqqa", 500_000, 20_000, 20_000, "is", Map.of("is", 4000), "tal-abyad", "kobani"),
            region("tal-abyad", 100_000, 3_000, 0, "is", Map.of("is", 1500), "raqqa", "kobani"),
            region(
                "kobani", 200_000, 5_000, 0, "kurds", Map.of("kurds", 3000), "raqqa", "tal-abyad"));
    List<Source> sources =
        List.of(source("tn", 200_000, 0.01, "arabic"), source("fr", 100_000, 0.005, "french"));
    List<Corridor> corridors =
        List.of(
            corridor(
                "tal-abyad", "tal-abyad", new DistributionSpec.Gamma(4, 1), 0.05, 0.1, "tn", "fr"));
    List<Intervention> interventions = new ArrayList<>();
    interventions.add(
        new Intervention(
            "air",
            "air",
            InterventionKind.AIR_CAMPAIGN,
            List.of("tal-abyad", "raqqa"),
            "coalition",
            LocalDate.of(2014, 9, 1),
            LocalDate.of(2016, 12, 31),
            10,
            null));
    interventions.add(
        new Intervention(
            "oil",
            "oil",
            InterventionKind.REVENUE_STRIKES,
            List.of("raqqa"),
            null,
            LocalDate.of(2015, 11, 1),
            LocalDate.of(2016, 12, 31),
            0.5,
            null));
    interventions.add(
        new Intervention(
            "border",
            "border",
            InterventionKind.BORDER_CLOSURE,
            List.of("tal-abyad"),
            null,
            LocalDate.of(2015, 3, 1),
            LocalDate.of(2016, 12, 31),
            0.3,
            null));
    interventions.add(
        new Intervention(
            "push",
            "push",
            InterventionKind.GROUND_OFFENSIVE,
            List.of("tal-abyad"),
            "kurds",
            LocalDate.of(2015, 1, 1),
            LocalDate.of(2015, 6, 30),
            8000,
            null));
    return scenario(
        LocalDate.of(2016, 12, 31),
        OutputStep.MONTHLY,
        factions,
        regions,
        sources,
        corridors,
        interventions,
        processes());
  }

  /** Collects everything a run writes. */
  public static final class Collector implements RunListener {
    public final List<org.polemos.model.result.SeriesRow> rows = new ArrayList<>();
    public final List<org.polemos.model.result.EventRecord> events = new ArrayList<>();

    @Override
    public void series(int replication, LocalDate date, String metric, String key, double value) {
      rows.add(new org.polemos.model.result.SeriesRow(replication, date, metric, key, value));
    }

    @Override
    public void event(org.polemos.model.result.EventRecord event) {
      events.add(event);
    }

    public double value(LocalDate date, String metric, String key) {
      return rows.stream()
          .filter(r -> r.date().equals(date) && r.metric().equals(metric) && r.key().equals(key))
          .mapToDouble(org.polemos.model.result.SeriesRow::value)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no row " + date + " " + metric + " " + key));
    }

    public List<LocalDate> dates() {
      return rows.stream().map(org.polemos.model.result.SeriesRow::date).distinct().toList();
    }
  }
}
