package org.polemos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.model.result.Metric;
import org.polemos.model.result.SeriesRow;
import org.polemos.sim.metric.MetricProbe;
import org.polemos.sim.random.RandomStreams;

/**
 * Whole runs of the minimal scenario: invariants at every sample, determinism, thread independence.
 */
class FullRunTest {

  /**
   * Test-only probe: people accounted for by state, and the largest per-source gap to departures.
   */
  static final class ConservationModule extends AbstractModule {
    @Override
    protected void configure() {
      SimulationModule.metrics(binder())
          .addBinding()
          .toInstance(
              MetricProbe.of(
                  "test_accounted_for",
                  (c, out) -> {
                    var people = c.world().people();
                    out.emit(Metric.ALL, people.accountedFor());
                    long gap = 0;
                    for (int s = 0; s < people.sources(); s++) {
                      gap = Math.max(gap, Math.abs(people.accountedFor(s) - people.departed(s)));
                    }
                    out.emit("max_source_gap", gap);
                    long foreignInRegions = 0;
                    double negative = 0;
                    int orgIndex = c.world().organisation();
                    long undergroundForeign = 0;
                    for (int r = 0; r < c.index().placeCount(); r++) {
                      foreignInRegions += c.world().foreignFighters(r);
                      undergroundForeign += c.world().forces().undergroundForeign(r);
                      negative =
                          Math.min(
                              negative,
                              c.world().fighters(r, orgIndex)
                                  - c.world().foreignFighters(r)
                                  + 1e-6);
                    }
                    out.emit(
                        "foreign_gap",
                        Math.abs(
                                foreignInRegions
                                    - people.count(org.polemos.sim.world.PersonState.FIGHTER))
                            + Math.abs(
                                undergroundForeign
                                    - people.count(org.polemos.sim.world.PersonState.UNDERGROUND)));
                    out.emit("most_negative_local", negative);
                  }));
    }
  }

  private static Engine engine() {
    return Guice.createInjector(new SimulationModule(), new ConservationModule())
        .getInstance(Engine.class);
  }

  private static TestScenarios.Collector run(
      Engine engine, Scenario scenario, long seed, int replication) {
    TestScenarios.Collector out = new TestScenarios.Collector();
    engine.run(scenario, replication, RandomStreams.of(seed), out);
    return out;
  }

  @Test
  void peopleAreConservedAndTerritorySumsToTheMapAtEverySample() {
    Scenario scenario = TestScenarios.minimal();
    TestScenarios.Collector out = run(engine(), scenario, 7, 0);
    double mapArea = scenario.regions().stream().mapToDouble(r -> r.areaKm2()).sum();
    List<LocalDate> dates = out.dates();
    assertThat(dates)
        .hasSize(32)
        .startsWith(scenario.calendar().start())
        .endsWith(scenario.calendar().end());
    for (LocalDate d : dates) {
      double departed = out.value(d, Metric.DEPARTURES_CUMULATIVE, Metric.ALL);
      assertThat(out.value(d, "test_accounted_for", Metric.ALL))
          .as("accounted for at %s", d)
          .isEqualTo(departed);
      assertThat(out.value(d, "test_accounted_for", "max_source_gap")).isZero();
      double territory =
          out.rows.stream()
              .filter(r -> r.date().equals(d) && r.metric().equals(Metric.TERRITORY_KM2))
              .mapToDouble(SeriesRow::value)
              .sum();
      assertThat(territory)
          .as("territory at %s", d)
          .isCloseTo(mapArea, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(out.value(d, Metric.FOREIGN_FIGHTERS_SERVING, Metric.ALL))
          .isGreaterThanOrEqualTo(0);
    }
    LocalDate end = scenario.calendar().end();
    assertThat(out.value(end, Metric.DEPARTURES_CUMULATIVE, Metric.ALL)).isGreaterThan(0);
    assertThat(out.value(end, Metric.FOREIGN_ARRIVALS_CUMULATIVE, Metric.ALL)).isGreaterThan(0);
    assertThat(out.value(end, Metric.INTERDICTED_CUMULATIVE, "tal-abyad")).isGreaterThan(0);
    assertThat(out.events)
        .extracting(EventRecord::type)
        .contains("intervention-started", "intervention-ended");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void conservationHoldsDailyForManySeeds(long seed) {
    Scenario base = TestScenarios.minimal();
    Scenario scenario =
        new Scenario(
            base.id(),
            base.name(),
            base.description(),
            new org.polemos.model.Calendar(
                base.calendar().start(), base.calendar().end(), org.polemos.model.OutputStep.DAILY),
            seed,
            base.factions(),
            base.regions(),
            base.sources(),
            base.corridors(),
            base.interventions(),
            base.processes(),
            null);
    double[] worst = new double[4];
    double[] departed = new double[1];
    engine()
        .run(
            scenario,
            (int) seed,
            RandomStreams.of(seed),
            (rep, date, metric, key, value) -> {
              if (metric.equals(Metric.DEPARTURES_CUMULATIVE) && key.equals(Metric.ALL)) {
                departed[0] = value;
              } else if (metric.equals("test_accounted_for")) {
                switch (key) {
                  case Metric.ALL -> worst[0] = Math.max(worst[0], Math.abs(value - departed[0]));
                  case "max_source_gap" -> worst[1] = Math.max(worst[1], value);
                  case "foreign_gap" -> worst[2] = Math.max(worst[2], Math.abs(value));
                  default -> worst[3] = Math.min(worst[3], value);
                }
              }
            });
    assertThat(departed[0]).isPositive();
    assertThat(worst[0]).as("departures vs states").isZero();
    assertThat(worst[1]).as("per-source gap").isZero();
    assertThat(worst[2]).as("foreign fighters in regions vs by source").isZero();
    assertThat(worst[3]).as("local fighters never negative").isZero();
  }

  @Test
  void sameSeedGivesIdenticalRowsAndEventsDifferentSeedsDiffer() {
    Engine engine = engine();
    Scenario scenario = TestScenarios.minimal();
    TestScenarios.Collector a = run(engine, scenario, 11, 3);
    TestScenarios.Collector b = run(engine, scenario, 11, 3);
    TestScenarios.Collector c = run(engine, scenario, 12, 3);
    assertThat(a.rows).isNotEmpty().isEqualTo(b.rows);
    assertThat(a.events).isEqualTo(b.events);
    assertThat(c.rows).isNotEqualTo(a.rows);
  }

  @Test
  void concurrentReplicationsGiveTheSameRowsAsSequentialOnes() throws Exception {
    Engine engine = engine();
    Scenario scenario = TestScenarios.minimal();
    RandomStreams streams = RandomStreams.of(99);
    int n = 6;
    List<List<SeriesRow>> sequential = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      TestScenarios.Collector out = new TestScenarios.Collector();
      engine.run(scenario, r, streams, out);
      sequential.add(out.rows);
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<SeriesRow>>> futures = new ArrayList<>();
      for (int r = n - 1; r >= 0; r--) {
        int rep = r;
        futures.add(
            pool.submit(
                () -> {
                  TestScenarios.Collector out = new TestScenarios.Collector();
                  engine.run(scenario, rep, streams, out);
                  return out.rows;
                }));
      }
      for (int i = 0; i < n; i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(n - 1 - i));
      }
    } finally {
      pool.shutdown();
    }
  }
}
