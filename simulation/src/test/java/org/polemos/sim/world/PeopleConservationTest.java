package org.polemos.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polemos.model.Corridor;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.AttritionParameters;
import org.polemos.model.process.BassParameters;
import org.polemos.model.process.CompartmentalParameters;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.model.process.TerritoryParameters;
import org.polemos.model.process.TransitParameters;
import org.polemos.model.validation.ScenarioValidator;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.metric.MetricProbe;
import org.polemos.sim.random.RandomStreams;

/**
 * People conserved across every state, old and new (issue 13: waiting at a hub, gave up, detained
 * on capture, detained by the organisation; with a foreign stock at the start counted beside the
 * departures, exit control, per-source return and arrest, support staff deaths), at every daily
 * sample of seeded random scenarios: random maps whose places change hands (so corridors close and
 * reopen), two or three sources, corridors into random places with random crossing capacities,
 * closure times, give-up and reroute rates, each of the three departure models, and in half of them
 * one of the states' travel instruments (the prevented never depart, so they are in no state and
 * not among the departures).
 */
class PeopleConservationTest {

  /** Test probe: the largest gap between departures and the people counted by state, per source. */
  static final class Probe extends AbstractModule {
    @Override
    protected void configure() {
      SimulationModule.metrics(binder())
          .addBinding()
          .toInstance(
              MetricProbe.of(
                  "test_people",
                  (c, out) -> {
                    People people = c.world().people();
                    long gap =
                        Math.abs(people.accountedFor() - people.departed() - people.atStart());
                    for (int s = 0; s < people.sources(); s++) {
                      gap =
                          Math.max(
                              gap,
                              Math.abs(
                                  people.accountedFor(s) - people.departed(s) - people.atStart(s)));
                      for (PersonState st : PersonState.values()) {
                        if (people.count(st, s) < 0) {
                          gap = Long.MAX_VALUE;
                        }
                      }
                    }
                    out.emit("gap", gap);
                    out.emit("at_hub", people.count(PersonState.AT_HUB));
                    out.emit("gave_up", people.count(PersonState.GAVE_UP));
                    long prevented = 0;
                    for (int s = 0; s < people.sources(); s++) {
                      prevented += people.prevented(s);
                    }
                    out.emit("prevented", prevented);
                    out.emit("detained", people.count(PersonState.DETAINED));
                    out.emit(
                        "detained_by_organisation",
                        people.count(PersonState.DETAINED_BY_ORGANISATION));
                    long supportDied = 0;
                    for (int s = 0; s < people.sources(); s++) {
                      supportDied += people.supportDied(s);
                    }
                    out.emit("support_died", supportDied);
                  }));
    }
  }

  static Scenario random(long seed) {
    SplittableRandom rng = new SplittableRandom(seed * 7919);
    Scenario map = TerritoryTest.randomMap(seed);
    List<String> places = new ArrayList<>();
    map.regions()
        .forEach(
            r -> {
              places.add(r.id());
              r.localities().forEach(l -> places.add(l.id()));
            });
    List<Source> sources = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int k = 2 + rng.nextInt(2);
    for (int s = 0; s < k; s++) {
      ids.add("s" + s);
      sources.add(
          TestScenarios.source(
              "s" + s, 2_000 + rng.nextInt(20_000), 0.05 + 0.3 * rng.nextDouble(), "x"));
    }
    List<Corridor> corridors = new ArrayList<>();
    Map<String, Double> capacity = new LinkedHashMap<>();
    int c = 1 + rng.nextInt(3);
    for (int j = 0; j < c; j++) {
      corridors.add(
          TestScenarios.corridor(
              "c" + j,
              places.get(rng.nextInt(places.size())),
              new DistributionSpec.Gamma(2, 2),
              0.05 * rng.nextDouble(),
              0.2 * rng.nextDouble(),
              ids.toArray(String[]::new)));
      if (rng.nextBoolean()) {
        capacity.put("c" + j, (double) rng.nextInt(30));
      }
    }
    RecruitmentModel model = RecruitmentModel.values()[rng.nextInt(3)];
    RecruitmentParameters recruitment =
        new RecruitmentParameters(
            model,
            new CompartmentalParameters(2, 0.5, 0.5, 0.01),
            new BassParameters(3 * rng.nextDouble(), 0.1 * rng.nextDouble()));
    TransitParameters transit =
        new TransitParameters(
            capacity, 0.5 + 30 * rng.nextDouble(), 0.2 * rng.nextDouble(), rng.nextDouble());
    // the states' travel instruments (issue 13), drawn last so the rest of the scenario is as
    // before: one on a random source in half the scenarios, over the whole calendar
    List<Intervention> interventions = new ArrayList<>(map.interventions());
    if (rng.nextBoolean()) {
      List<InterventionKind> kinds = new ArrayList<>(InterventionKind.DEPARTURE_INSTRUMENTS);
      kinds.add(InterventionKind.RETURNEE_PROSECUTION);
      interventions.add(
          new Intervention(
              "instrument",
              "instrument",
              kinds.get(rng.nextInt(kinds.size())),
              List.of(ids.get(rng.nextInt(ids.size()))),
              null,
              map.calendar().start(),
              map.calendar().end(),
              rng.nextDouble(),
              null));
    }
    // the organisation's grip on its foreigners (issue 13, items 5, 6 and 8), drawn after the rest:
    // a foreign stock at the start, exit control, per-source return shares and arrest
    // probabilities, detention on capture, support staff deaths
    List<Source> withStock = new ArrayList<>();
    for (Source x : sources) {
      withStock.add(
          new Source(
              x.id(),
              x.name(),
              x.atRiskPool(),
              x.annualPropensity(),
              x.momentumSensitivity(),
              x.languageGroup(),
              x.intelligenceEffectiveness(),
              x.notes(),
              (long) rng.nextInt(3_000)));
    }
    AttritionParameters attrition =
        // set in the order of the fields, so each field gets the same draw as before
        AttritionParameters.builder()
            .desertionPerYear(0.5 * rng.nextDouble())
            .desertionMomentumSensitivity(rng.nextDouble())
            .desertionUnpaidMultiplier(1 + 2 * rng.nextDouble())
            .foreignReturnShare(rng.nextDouble())
            .returneeArrestProbability(rng.nextDouble())
            .exitStopBase(0.3 * rng.nextDouble())
            .exitStopLossSensitivity(rng.nextDouble())
            .exitStoppedKilledShare(rng.nextDouble())
            .returnShareBySource(Map.of(ids.get(0), rng.nextDouble()))
            .returneeArrestBySource(Map.of(ids.get(ids.size() - 1), rng.nextDouble()))
            .supportDeathRatio(3 * rng.nextDouble())
            .build();
    TerritoryParameters t = map.processes().get(TerritoryParameters.class);
    TerritoryParameters territory =
        t.toBuilder().foreignDetainedOnCapture(0.8 * rng.nextDouble()).build();
    return new Scenario(
        map.id(),
        map.name(),
        map.description(),
        map.calendar(),
        seed,
        map.factions(),
        map.regions(),
        withStock,
        corridors,
        interventions,
        map.processes().with(recruitment).with(transit).with(attrition).with(territory),
        null);
  }

  private static double[] run(Scenario scenario, long seed) {
    Engine engine =
        Guice.createInjector(new SimulationModule(), new Probe()).getInstance(Engine.class);
    // gap, max at hub, max gave up, samples, max prevented, max detained, max detained by the
    // organisation, max support deaths
    double[] worst = new double[8];
    engine.run(
        scenario,
        0,
        RandomStreams.of(seed),
        new RunListener() {
          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {
            if (metric.equals("test_people")) {
              switch (key) {
                case "gap" -> {
                  worst[0] = Math.max(worst[0], value);
                  worst[3]++;
                }
                case "at_hub" -> worst[1] = Math.max(worst[1], value);
                case "gave_up" -> worst[2] = Math.max(worst[2], value);
                case "prevented" -> worst[4] = Math.max(worst[4], value);
                case "detained" -> worst[5] = Math.max(worst[5], value);
                case "detained_by_organisation" -> worst[6] = Math.max(worst[6], value);
                case "support_died" -> worst[7] = Math.max(worst[7], value);
                default -> {}
              }
            }
          }

          @Override
          public void event(org.polemos.model.result.EventRecord e) {}
        });
    return worst;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void peopleAreConservedAcrossEveryStateAtEverySample(long seed) {
    Scenario scenario = random(seed);
    assertThat(ScenarioValidator.validate(scenario)).isEmpty();
    double[] worst = run(scenario, seed);
    assertThat(worst[3]).as("daily samples").isEqualTo(500);
    assertThat(worst[0]).as("people by state vs departures, every source").isZero();
  }

  /**
   * The random scenarios do exercise the new states: someone waits, someone gives up, and someone
   * is stopped by a travel instrument before departing.
   */
  @Test
  void theRandomScenariosReachTheNewStates() {
    double waited = 0;
    double gaveUp = 0;
    double prevented = 0;
    double[] grip = new double[3];
    for (long seed = 1; seed <= 24; seed++) {
      double[] worst = run(random(seed), seed);
      waited = Math.max(waited, worst[1]);
      gaveUp = Math.max(gaveUp, worst[2]);
      prevented = Math.max(prevented, worst[4]);
      for (int i = 0; i < 3; i++) {
        grip[i] = Math.max(grip[i], worst[5 + i]);
      }
    }
    assertThat(waited).isPositive();
    assertThat(gaveUp).isPositive();
    assertThat(prevented).isPositive();
    assertThat(grip[0]).as("detained on capture").isPositive();
    assertThat(grip[1]).as("detained by the organisation").isPositive();
    assertThat(grip[2]).as("support staff dead").isPositive();
  }
}
