package org.polemos.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.process.AttritionParameters;
import org.polemos.model.process.EconomyParameters;
import org.polemos.model.process.LocalRecruitmentParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.result.EventRecord;
import org.polemos.model.result.Metric;
import org.polemos.model.validation.ScenarioValidator;
import org.polemos.sim.Engine;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.mechanism.Attrition;
import org.polemos.sim.mechanism.Economy;
import org.polemos.sim.metric.BuiltInProbes;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;

/**
 * Money that runs out (issue 14): the treasury never grows on a day the organisation holds no place
 * (seeded random maps with every income and cost switched on), and the hand computations of the oil
 * price series, displacement, other income tied to what is held, looting, cash lost with a place,
 * cash strikes, war spending, and the pay cut acting on desertion and recruitment.
 */
class EconomyTest {

  /**
   * Every income and every cost on, at levels that make both matter on the random maps: the test
   * scenarios' economy with the later incomes and costs added.
   */
  static final EconomyParameters ALL_ON =
      TestScenarios.economy()
          .oilPrice(
              List.of(
                  new EconomyParameters.OilPrice(TestScenarios.START.plusDays(100), 60),
                  new EconomyParameters.OilPrice(TestScenarios.START.plusDays(200), 10)))
          .oilDecayPerYear(0.3)
          .displacementPerYear(0.2)
          .displacementOnCapture(0.3)
          .warUsdPerFighterLost(500.0)
          .familyUsdPerDeadPerDay(1.0)
          .cashLossOnFall(0.5)
          .lootUsdPerCapita(20.0)
          .operationsUsdPerOperativePerDay(30.0)
          .build();

  static Scenario randomMapWithMoney(long seed) {
    Scenario s = TerritoryTest.randomMap(seed);
    List<Intervention> interventions = new ArrayList<>(s.interventions());
    for (String r : List.of("r0", "r1", "r2")) {
      interventions.add(
          new Intervention(
              "cash-" + r,
              "cash-" + r,
              InterventionKind.CASH_STRIKES,
              List.of(r),
              null,
              TestScenarios.START.plusDays(50),
              TestScenarios.START.plusDays(400),
              0.5,
              null));
      // a late, overwhelming offensive so that the organisation loses everything on many maps
      interventions.add(
          new Intervention(
              "end-" + r,
              "end-" + r,
              InterventionKind.GROUND_OFFENSIVE,
              List.of(r),
              "state",
              TestScenarios.START.plusDays(250),
              TestScenarios.START.plusDays(300),
              40_000,
              null));
    }
    return s.withInterventions(interventions).withProcesses(s.processes().with(ALL_ON));
  }

  /**
   * Seeds 1-24: on every day that starts and ends with the organisation holding nothing (and no
   * place taken that day), the treasury does not grow. Not vacuous: at least 4 of the 24 maps reach
   * days with no territory (4 of the first 12 at the time of writing).
   */
  @Test
  void theTreasuryNeverGrowsOnADayTheOrganisationHoldsNothing() {
    int mapsWithEmptyDays = 0;
    for (long seed = 1; seed <= 24; seed++) {
      if (emptyDaysChecked(seed) > 0) {
        mapsWithEmptyDays++;
      }
    }
    assertThat(mapsWithEmptyDays).as("maps with days of no territory").isGreaterThanOrEqualTo(4);
  }

  /** Checks one map; returns the number of days with no territory it checked. */
  private static int emptyDaysChecked(long seed) {
    Scenario scenario = randomMapWithMoney(seed);
    assertThat(ScenarioValidator.validate(scenario)).isEmpty();
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    Map<LocalDate, Double> treasury = new TreeMap<>();
    Map<LocalDate, Double> territory = new TreeMap<>();
    List<LocalDate> taken = new ArrayList<>();
    engine.run(
        scenario,
        0,
        RandomStreams.of(seed),
        new RunListener() {
          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {
            if (metric.equals(Metric.TREASURY_USD)) {
              treasury.put(date, value);
            } else if (metric.equals(Metric.TERRITORY_KM2) && key.equals("is")) {
              territory.put(date, value);
            }
          }

          @Override
          public void event(EventRecord e) {
            if (e.type().equals("control-changed") && "is".equals(e.details().get("to"))) {
              taken.add(e.date());
            }
          }
        });
    LocalDate previous = null;
    int emptyDays = 0;
    for (LocalDate d : treasury.keySet()) {
      if (previous != null
          && territory.get(previous) <= 1e-9
          && territory.get(d) <= 1e-9
          && !taken.contains(d)) {
        emptyDays++;
        assertThat(treasury.get(d))
            .as("treasury on %s, a day the organisation held nothing", d)
            .isLessThanOrEqualTo(treasury.get(previous));
      }
      previous = d;
    }
    return emptyDays;
  }

  private static Scenario oneRegion(EconomyParameters p, List<Intervention> interventions) {
    return TestScenarios.scenario(
        TestScenarios.START.plusDays(99),
        OutputStep.DAILY,
        List.of(
            TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0, "state"),
            TestScenarios.faction("state", FactionKind.STATE, FireMode.AREA, 0, "is")),
        List.of(
            TestScenarios.region("r", 1000, 10, 100, "is", Map.of("is", 20), "s"),
            TestScenarios.region("s", 3000, 10, 0, "state", Map.of("state", 20), "r")),
        List.of(),
        List.of(),
        interventions,
        TestScenarios.processes().with(p));
  }

  @Test
  void oilPriceSeriesDisplacementAndOtherIncomeFollowTheHandComputation() {
    EconomyParameters p =
        EconomyParameters.builder()
            .taxUsdPerCapitaPerDay(2)
            .oilPriceUsdPerBbl(50)
            .oilOutputShare(0.5)
            .otherUsdPerDay(100)
            .payUsdPerFighterPerDay(0)
            .administrationUsdPerCapitaPerDay(0)
            .initialTreasuryUsd(0)
            .oilPrice(List.of(new EconomyParameters.OilPrice(TestScenarios.START.plusDays(2), 80)))
            .displacementPerYear(365 * Math.log(2)) // the tax base halves each day held
            .build();
    RunContext ctx =
        RunContext.forTest(oneRegion(p, List.of()), 0, RandomStreams.of(1), RunListener.NONE);
    Economy economy = new Economy();
    economy.start(ctx);
    World w = ctx.world();
    ctx.sim().runUntil(1); // day 0: tax 1000 x 0.5 x 2, oil 100 x 0.5 x 50, other 100
    assertThat(w.treasury()).isCloseTo(1000 + 2500 + 100, within(1e-6));
    ctx.sim().runUntil(3); // day 1 at $50, day 2 at $80; tax 500, then 250
    assertThat(w.revenueCumulative(World.OIL)).isCloseTo(2500 + 2500 + 4000, within(1e-6));
    assertThat(w.revenueCumulative(World.TAX)).isCloseTo(1000 + 500 + 250, within(1e-6));
    // the organisation loses its only place: no income of any kind any more
    w.changeControl(0, 1, new Draw(ctx.random("test")));
    double before = w.treasury();
    economy.day();
    assertThat(w.revenueCumulative(World.OTHER)).isCloseTo(300, within(1e-9));
    assertThat(w.treasury()).isEqualTo(before);
  }

  @Test
  void lootCashLossCashStrikesAndWarSpendingFollowTheHandComputation() {
    EconomyParameters p =
        EconomyParameters.builder()
            .taxUsdPerCapitaPerDay(0)
            .oilPriceUsdPerBbl(0)
            .oilOutputShare(0)
            .otherUsdPerDay(0)
            .payUsdPerFighterPerDay(0)
            .administrationUsdPerCapitaPerDay(0)
            .initialTreasuryUsd(1_000_000)
            .warUsdPerFighterLost(100.0)
            .familyUsdPerDeadPerDay(1.0)
            .cashLossOnFall(0.5)
            .lootUsdPerCapita(7.0)
            .build();
    Intervention strikes =
        new Intervention(
            "cash",
            "cash",
            InterventionKind.CASH_STRIKES,
            List.of("r"),
            null,
            TestScenarios.START.plusDays(5),
            TestScenarios.START.plusDays(9),
            0.5,
            null);
    RunContext ctx =
        RunContext.forTest(
            oneRegion(p, List.of(strikes)), 0, RandomStreams.of(1), RunListener.NONE);
    Economy economy = new Economy();
    economy.start(ctx);
    World w = ctx.world();
    Draw draw = new Draw(ctx.random("test"));
    w.kill(0, 0, 4, draw);
    economy.day(); // 4 deaths: war 4 x 100, families 4 x 1
    assertThat(w.treasury()).isCloseTo(1_000_000 - 404, within(1e-6));
    assertThat(w.spendingPeriod(World.WAR)).isCloseTo(400, within(1e-9));
    economy.day(); // no new deaths: families only
    assertThat(w.treasury()).isCloseTo(1_000_000 - 408, within(1e-6));
    // takes s (3,000 people): loot 7 x 3,000
    w.changeControl(1, 0, draw);
    assertThat(w.treasury()).isCloseTo(1_000_000 - 408 + 21_000, within(1e-6));
    assertThat(w.revenueCumulative(World.LOOT)).isCloseTo(21_000, within(1e-9));
    // loses s: s held 3/4 of the population, so 3/4 of the cash was kept there; half of it is lost
    double t = w.treasury();
    w.changeControl(1, 1, draw);
    assertThat(w.treasury()).isCloseTo(t - 0.5 * 0.75 * t, within(1e-6));
    // cash strikes on r (all the population held): 1 - 0.5^(1/30) of the treasury per day
    w.interventionActive(0, true);
    t = w.treasury();
    economy.day();
    assertThat(w.treasury()).isCloseTo(t * Math.pow(0.5, 1 / 30.0) - 4, within(1e-6));
  }

  @Test
  void anUnfundedPayrollRaisesDesertionAndCutsLocalRecruitment() {
    EconomyParameters broke =
        EconomyParameters.builder()
            .taxUsdPerCapitaPerDay(0)
            .oilPriceUsdPerBbl(0)
            .oilOutputShare(0)
            .otherUsdPerDay(0)
            .payUsdPerFighterPerDay(10)
            .administrationUsdPerCapitaPerDay(0)
            .initialTreasuryUsd(0)
            .build();
    Processes processes =
        TestScenarios.processes()
            .with(broke)
            .with(
                AttritionParameters.builder()
                    .desertionPerYear(0.365)
                    .desertionMomentumSensitivity(0)
                    .desertionUnpaidMultiplier(3)
                    .foreignReturnShare(0)
                    .returneeArrestProbability(0)
                    .build())
            .with(new LocalRecruitmentParameters(0.365, 0.8));
    Scenario s =
        TestScenarios.scenario(
            TestScenarios.START.plusDays(9),
            OutputStep.DAILY,
            List.of(TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0)),
            List.of(TestScenarios.region("r", 1000, 10, 0, "is", Map.of("is", 100))),
            List.of(),
            List.of(),
            List.of(),
            processes);
    RunContext ctx = RunContext.forTest(s, 0, RandomStreams.of(1), RunListener.NONE);
    Economy economy = new Economy();
    economy.start(ctx);
    Attrition attrition = new Attrition();
    attrition.start(ctx);
    World w = ctx.world();
    assertThat(attrition.dailyProbability()).isCloseTo(0.001, within(1e-12));
    economy.day(); // no money at all: the whole payroll is unfunded
    assertThat(w.unfundedShare()).isEqualTo(1.0);
    assertThat(w.unfundedPeriod()).isCloseTo(10 * 100, within(1e-9));
    assertThat(attrition.dailyProbability()).isCloseTo(0.003, within(1e-12));
    // local recruitment: 1000 x 0.001 x (1 - 0.8 x 1) = 0.2 recruits in a day
    org.polemos.sim.mechanism.LocalRecruitment local =
        new org.polemos.sim.mechanism.LocalRecruitment();
    local.start(ctx);
    local.fire(ctx.sim());
    assertThat(local.recruited()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void spendingAndUnfundedAreReportedAsMetrics() {
    assertThat(BuiltInProbes.all())
        .extracting(m -> m.metric())
        .contains(BuiltInProbes.SPENDING_USD, BuiltInProbes.UNFUNDED_USD);
  }
}
