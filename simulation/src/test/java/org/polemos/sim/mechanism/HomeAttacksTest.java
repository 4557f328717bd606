package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.model.result.EventRecord;
import org.polemos.model.result.Metric;
import org.polemos.sim.Engine;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Inspired and remote-guided plots (issue 14 step 4) and their Europol TE-SAT outcomes (step 5).
 *
 * <p>The rates are closed forms of the ports' values, so the counts are checked against them: a
 * count of plots started over {@code d} days is Poisson with mean {@code d x rate}; each check
 * allows 4 standard deviations plus one day's mean (the last day's plots may still be in the
 * queue), a false-failure rate of about 6e-5 per check over seeds (seeded here, so deterministic).
 */
class HomeAttacksTest {

  private static final double POOL = 1000;

  private static ExternalOperationsParameters params(
      double inspiredPerYear,
      double frustratedWeight,
      double returneeWeight,
      double callGain,
      int handlers,
      double guidedPerHandlerPerYear,
      double failure) {
    return ExternalOperationsParameters.builder()
        .trainingDays(new DistributionSpec.Fixed(10))
        .plotDays(new DistributionSpec.Fixed(30))
        .inspiredAttacksPerYear(inspiredPerYear)
        .frustratedWeight(frustratedWeight)
        .returneeWeight(returneeWeight)
        .callGain(callGain)
        .inspiredPlotDays(new DistributionSpec.Fixed(1))
        .handlers(handlers)
        .guidedPlotsPerHandlerPerYear(guidedPerHandlerPerYear)
        .attackFailure(failure)
        .build();
  }

  /** One source of 1000 at risk; region "r" held by the organisation, "k" by a state. */
  private static Scenario scenario(ExternalOperationsParameters ops) {
    return TestScenarios.scenario(
        TestScenarios.START.plusDays(1000),
        OutputStep.MONTHLY,
        List.of(
            TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0, "state"),
            TestScenarios.faction("state", FactionKind.STATE, FireMode.AREA, 0, "is")),
        List.of(
            TestScenarios.region("r", 1000, 10, 0, "is", Map.of("is", 20), "k"),
            TestScenarios.region("k", 1000, 10, 0, "state", Map.of("state", 20), "r")),
        List.of(TestScenarios.source("fr", (long) POOL, 0, "french")),
        List.of(),
        List.of(),
        TestScenarios.processes().with(ops));
  }

  private static RunContext start(
      ExternalOperationsParameters p, Ports.HomePools pools, Ports.Message message) {
    RunContext ctx = RunContext.forTest(scenario(p), 0, RandomStreams.of(11), RunListener.NONE);
    if (pools != null) {
      ctx.provide(Ports.HomePools.class, pools);
    }
    if (message != null) {
      ctx.provide(Ports.Message.class, message);
    }
    new Interventions().start(ctx);
    new ExternalOperations().start(ctx);
    return ctx;
  }

  private static Ports.HomePools pools(double frustrated, double returnees) {
    return new Ports.HomePools() {
      @Override
      public double frustratedTravellers(int source) {
        return frustrated;
      }

      @Override
      public double returneesAtLarge(int source) {
        return returnees;
      }
    };
  }

  /** Plots of {@code kind} in source 0 that reached an outcome. */
  private static long plots(RunContext ctx, int kind) {
    World w = ctx.world();
    return w.plots(kind, World.COMPLETED, 0)
        + w.plots(kind, World.FAILED, 0)
        + w.plots(kind, World.FOILED, 0);
  }

  /** Runs to day {@code days} and returns the plots of {@code kind} that reached an outcome. */
  private static long run(RunContext ctx, int kind, double days) {
    ctx.sim().runUntil(days);
    return plots(ctx, kind);
  }

  /** {@code n} is a Poisson count over {@code days} at {@code perDay} (see the class comment). */
  private static void assertPoisson(long n, double days, double perDay) {
    double mean = days * perDay;
    assertThat((double) n)
        .isCloseTo(mean, org.assertj.core.data.Offset.offset(4 * Math.sqrt(mean) + perDay));
  }

  @Test
  void withoutPortsInspiredPlotsKeepTheirInitialRate() {
    // HomePools.NONE and Message.COME: the reach is the at-risk pool alone, 365 a year = 1 a day
    RunContext ctx = start(params(365, 1, 1, 1, 0, 0, 0), null, null);
    assertPoisson(run(ctx, World.INSPIRED, 400), 400, 1);
    assertThat(plots(ctx, World.REMOTE_GUIDED)).isZero();
  }

  @Test
  void moreFrustratedTravellersMeanMoreInspiredPlots() {
    long none = run(start(params(365, 2, 0, 0, 0, 0, 0), pools(0, 0), null), World.INSPIRED, 400);
    // 500 frustrated at weight 2 add a reach equal to the pool: twice the rate
    long some = run(start(params(365, 2, 0, 0, 0, 0, 0), pools(500, 0), null), World.INSPIRED, 400);
    assertPoisson(none, 400, 1);
    assertPoisson(some, 400, 2);
    assertThat(some).isGreaterThan(none);
  }

  @Test
  void moreReturneesAtLargeMeanMoreInspiredPlots() {
    // 250 returnees at weight 8: reach 3000, three times the rate
    long n = run(start(params(365, 0, 8, 0, 0, 0, 0), pools(0, 250), null), World.INSPIRED, 400);
    assertPoisson(n, 400, 3);
  }

  @Test
  void aStrongerCallMeansMoreInspiredAndRemoteGuidedPlots() {
    ExternalOperationsParameters p = params(365, 0, 0, 2, 10, 36.5, 0);
    RunContext come = start(p, null, () -> 0);
    RunContext stay = start(p, null, () -> 0.5);
    come.sim().runUntil(400);
    stay.sim().runUntil(400);
    // call 0.5 at gain 2: rates times 1 + 2 x 0.5 = 2; 10 handlers x 36.5 a year = 1 a day
    assertPoisson(plots(come, World.INSPIRED), 400, 1);
    assertPoisson(plots(stay, World.INSPIRED), 400, 2);
    assertPoisson(plots(come, World.REMOTE_GUIDED), 400, 1);
    assertPoisson(plots(stay, World.REMOTE_GUIDED), 400, 2);
  }

  @Test
  void noHandlersNoRemoteGuidedPlots() {
    RunContext ctx = start(params(365, 0, 0, 0, 0, 1000, 0), null, null);
    assertThat(run(ctx, World.REMOTE_GUIDED, 400)).isZero();
    assertThat(plots(ctx, World.INSPIRED)).isPositive();
  }

  /**
   * The organisation loses its only region on day 200: handlers work from the territory, so
   * remote-guided plots stop (none starts after the loss; those started before are over by day
   * 202), while inspired plots go on at the same rate, drawn from the pools at home.
   */
  @Test
  void inspiredPlotsGoOnAfterTheTerritoryIsGoneAndRemoteGuidanceEnds() {
    RunContext ctx = start(params(365, 0, 0, 0, 10, 36.5, 0), null, null);
    ctx.sim().runUntil(200);
    long inspiredBefore = plots(ctx, World.INSPIRED);
    long guidedBefore = plots(ctx, World.REMOTE_GUIDED);
    assertPoisson(guidedBefore, 200, 1);
    ctx.world()
        .territory()
        .changeControl(
            ctx.index().place("r"), ctx.index().faction("state"), new Draw(ctx.random("test")));
    assertThat(ctx.world().areaHeld(ctx.world().organisation())).isZero();
    ctx.sim().runUntil(202);
    long guidedAfterLoss = plots(ctx, World.REMOTE_GUIDED);
    ctx.sim().runUntil(600);
    assertThat(plots(ctx, World.REMOTE_GUIDED)).isEqualTo(guidedAfterLoss);
    assertPoisson(plots(ctx, World.INSPIRED) - inspiredBefore, 400, 1);
  }

  /**
   * TE-SAT outcomes: a plot not foiled fails with probability attackFailure (0.25): failed /
   * carried out is binomial, checked within 4 standard deviations (false-failure rate about 6e-5
   * over seeds); the sums over kinds are what plots_executed and plots_foiled count.
   */
  @Test
  void failedIsTheAttemptedButNotCompletedShareAndSumsOverKindsAreKept() {
    RunContext ctx = start(params(3650, 0, 0, 0, 10, 365, 0.25), null, null);
    ctx.sim().runUntil(400);
    World w = ctx.world();
    long executed = 0;
    long failed = 0;
    long foiled = 0;
    for (int k = 0; k < World.PLOT_KINDS.size(); k++) {
      executed += w.plots(k, World.COMPLETED, 0) + w.plots(k, World.FAILED, 0);
      failed += w.plots(k, World.FAILED, 0);
      foiled += w.plots(k, World.FOILED, 0);
    }
    assertThat(executed).isGreaterThan(1000);
    assertThat(foiled).isPositive();
    assertThat((double) failed / executed)
        .isCloseTo(
            0.25, org.assertj.core.data.Offset.offset(4 * Math.sqrt(0.25 * 0.75 / executed)));
    assertThat(w.plotsExecuted(0)).isEqualTo(executed);
    assertThat(w.plotsFoiled(0)).isEqualTo(foiled);
    assertThat(w.inspiredAttacks(0))
        .isEqualTo(
            w.plots(World.INSPIRED, World.COMPLETED, 0) + w.plots(World.INSPIRED, World.FAILED, 0));
  }

  /**
   * In a whole run (the minimal map, every mechanism, directed cells too), at every monthly sample
   * and for every key, plots_executed_cumulative is the sum over kinds of completed and failed, and
   * plots_foiled_cumulative the sum of foiled.
   */
  @Test
  void theOldMetricsAreTheSumsOverKindsInAWholeRun() {
    Scenario minimal = TestScenarios.minimal();
    Scenario s = minimal.withProcesses(minimal.processes().with(params(50, 1, 1, 1, 20, 5, 0.3)));
    Map<String, Double> values = new HashMap<>();
    int[] checked = new int[1];
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    engine.run(
        s,
        0,
        RandomStreams.of(3),
        new RunListener() {
          private LocalDate current;

          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {
            if (!date.equals(current)) {
              check();
              current = date;
            }
            values.put(metric + "|" + key, value);
          }

          @Override
          public void event(EventRecord e) {}

          void check() {
            if (values.isEmpty()) {
              return;
            }
            for (String key : List.of("tn", "fr", Metric.ALL)) {
              double executed = 0;
              double foiled = 0;
              for (String kind : World.PLOT_KINDS) {
                executed +=
                    values.get(kind + "_plots_completed_cumulative|" + key)
                        + values.get(kind + "_plots_failed_cumulative|" + key);
                foiled += values.get(kind + "_plots_foiled_cumulative|" + key);
              }
              assertThat(values.get(Metric.PLOTS_EXECUTED_CUMULATIVE + "|" + key))
                  .isEqualTo(executed);
              assertThat(values.get(Metric.PLOTS_FOILED_CUMULATIVE + "|" + key)).isEqualTo(foiled);
            }
            checked[0]++;
            values.clear();
          }
        });
    assertThat(checked[0]).isPositive();
    assertThat(values).isNotEmpty(); // the last sample (checked below)
    double all = 0;
    for (String kind : World.PLOT_KINDS) {
      all +=
          values.get(kind + "_plots_completed_cumulative|" + Metric.ALL)
              + values.get(kind + "_plots_failed_cumulative|" + Metric.ALL);
    }
    assertThat(values.get(Metric.PLOTS_EXECUTED_CUMULATIVE + "|" + Metric.ALL)).isEqualTo(all);
    assertThat(all).isPositive();
  }
}
