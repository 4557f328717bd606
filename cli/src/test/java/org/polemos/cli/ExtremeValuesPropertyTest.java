package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.validation.Problem;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.random.RandomStreams;

/**
 * Issue 10, "what validates must run": every numeric path of the {@code minimal} scenario
 * (enumerated by {@link ScenarioPaths}, so a field added later is covered without editing this
 * test) set to extreme values (0, -1, a tiny and a huge number, NaN, infinity, and seeded random
 * magnitudes from 1e-300 to 1e300 of either sign) must either be refused by validation with a
 * located problem, or run to the end of a short horizon in bounded time with every series value
 * finite. A run that fails may do so only with a message naming a scenario path.
 *
 * <p>Deterministic: the random magnitudes come from a fixed seed, so the test never fails by
 * chance.
 */
class ExtremeValuesPropertyTest {
  private static final long SEED = 20261128L;
  private static final int RANDOM_VALUES_PER_PATH = 3;
  private static final long TIMEOUT_SECONDS = 20;

  /**
   * Metrics documented (docs/OUTPUTS.md) as NaN in a period without data, e.g. a mean wait when
   * nobody waited.
   */
  private static final java.util.Set<String> NAN_WHEN_EMPTY =
      java.util.Set.of("intake_wait_days_mean");

  private static Scenario base;
  private static Scenario withLocalities;
  private static Engine engine;
  private static ExecutorService executor;

  /**
   * Cases that ran (rather than being refused): the test must exercise runs, not only validation.
   */
  private static final java.util.concurrent.atomic.AtomicInteger RAN =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final java.util.concurrent.atomic.AtomicInteger TOTAL =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * {@code minimal} on a horizon of {@value #HORIZON_DAYS} days, its interventions clipped to it.
   */
  static Scenario shortMinimal() {
    Scenario s = BundledScenarios.load("minimal");
    LocalDate end = s.calendar().start().plusDays(HORIZON_DAYS);
    s = s.with("calendar.end", end.toString());
    for (org.polemos.model.Intervention v : s.interventions()) {
      String at = "interventions." + v.id();
      if (v.start().isAfter(end)) {
        s = s.with(at + ".start", end.toString());
      }
      if (v.end().isAfter(end)) {
        s = s.with(at + ".end", end.toString());
      }
    }
    return s;
  }

  private static final int HORIZON_DAYS = 120;

  @BeforeAll
  static void setUp() {
    // A short horizon keeps the run time of the whole test to tens of seconds.
    base = shortMinimal();
    assertThat(base.validate()).as("the base scenario of the test").isEmpty();
    withLocalities = withLocalities(base);
    assertThat(withLocalities.validate()).as("the base scenario with localities").isEmpty();
    engine = Guice.createInjector(new PolemosModule()).getInstance(Engine.class);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "extreme-values");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterAll
  static void tearDown() {
    executor.shutdownNow();
    // Most extreme values are refused, but a fair share must run, or the test checks validation
    // only.
    assertThat(RAN.get()).as("cases that ran, of " + TOTAL.get()).isGreaterThan(TOTAL.get() / 5);
  }

  static List<Object[]> cases() {
    Scenario minimal = BundledScenarios.load("minimal");
    SplittableRandom random = new SplittableRandom(SEED);
    List<Object[]> cases = new ArrayList<>();
    List<String> paths = ScenarioPaths.numericPaths(minimal);
    for (String path : paths) {
      List<Double> values =
          new ArrayList<>(List.of(0.0, -1.0, 1e-300, 1e300, Double.NaN, Double.POSITIVE_INFINITY));
      for (int i = 0; i < RANDOM_VALUES_PER_PATH; i++) {
        double magnitude = Math.pow(10, random.nextDouble(-300, 300));
        values.add(random.nextBoolean() ? magnitude : -magnitude);
      }
      for (double v : values) {
        cases.add(new Object[] {List.of(path), List.of(v)});
      }
    }
    // Extremes in combination (e.g. a huge at-risk pool with a propensity of 1): three paths at a
    // time.
    double[] extremes = {0, -1, 1e-300, 1e300, Double.NaN, 1, 1e6, 1e15};
    for (int c = 0; c < COMBINATIONS; c++) {
      List<String> at = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        at.add(paths.get(random.nextInt(paths.size())));
        values.add(
            random.nextBoolean()
                ? extremes[random.nextInt(extremes.length)]
                : Math.pow(10, random.nextDouble(-20, 20)));
      }
      cases.add(new Object[] {at, values});
    }
    return cases;
  }

  private static final int COMBINATIONS = 400;

  /**
   * {@code minimal} with a siege city inside each of two enemy regions, the cities adjacent to each
   * other, and stochastic territory with sieges and an underground ({@code processes.territory}):
   * every numeric field of a locality and of the territory rules is then on a path that a run
   * reads.
   */
  static Scenario withLocalities(Scenario s) {
    List<org.polemos.model.Region> regions = new ArrayList<>();
    for (org.polemos.model.Region r : s.regions()) {
      org.polemos.model.Locality city =
          switch (r.id()) {
            case "raqqa" ->
                new org.polemos.model.Locality(
                    "raqqa-city",
                    "Raqqa city",
                    300_000,
                    2000.0,
                    100.0,
                    35.95,
                    39.01,
                    null,
                    java.util.Map.of("islamic-state", 2000),
                    List.of("hasakah-city"),
                    1.5,
                    true,
                    3.0,
                    1000.0,
                    null);
            case "hasakah" ->
                new org.polemos.model.Locality(
                    "hasakah-city",
                    "Hasakah city",
                    200_000,
                    1500.0,
                    50.0,
                    36.50,
                    40.75,
                    null,
                    java.util.Map.of("syrian-government", 1500),
                    List.of("raqqa-city"),
                    1.2,
                    true,
                    2.0,
                    500.0,
                    null);
            default -> null;
          };
      regions.add(
          city == null
              ? r
              : new org.polemos.model.Region(
                  r.id(),
                  r.name(),
                  r.country(),
                  r.population(),
                  r.areaKm2(),
                  r.oilCapacityBblPerDay(),
                  r.defensibility(),
                  r.neighbours(),
                  r.controller(),
                  r.forces(),
                  r.notes(),
                  List.of(city),
                  1000.0,
                  false,
                  1.5,
                  r.latitude(),
                  r.longitude()));
    }
    return s.withRegions(regions)
        .withInterventions(interventions(s))
        .withProcesses(
            s.processes()
                .with(
                    org.polemos.model.process.TerritoryParameters.builder()
                        .lossNoise(0.5)
                        .battleSigma(0.5)
                        .siegeAdvantage(2.0)
                        .undergroundShare(0.3)
                        .undergroundLossPerYear(0.5)
                        .undergroundRetakeRatio(1.0)
                        .offensiveTempoSigma(1.0)
                        .build()));
  }

  /**
   * {@code s}'s interventions plus a ground offensive on a siege city (at a random tempo) and an
   * air campaign, so their intensities and {@code processes.territory.offensiveTempoSigma} are
   * read.
   */
  private static List<org.polemos.model.Intervention> interventions(Scenario s) {
    LocalDate start = s.calendar().start();
    List<org.polemos.model.Intervention> all = new ArrayList<>(s.interventions());
    all.add(
        new org.polemos.model.Intervention(
            "government-offensive",
            "Government offensive on Raqqa city",
            org.polemos.model.InterventionKind.GROUND_OFFENSIVE,
            List.of("raqqa-city"),
            "syrian-government",
            start.plusDays(10),
            start.plusDays(60),
            3000,
            null));
    all.add(
        new org.polemos.model.Intervention(
            "government-air",
            "Government air campaign",
            org.polemos.model.InterventionKind.AIR_CAMPAIGN,
            List.of("raqqa", "tal-abyad"),
            "syrian-government",
            start.plusDays(5),
            start.plusDays(90),
            10,
            null));
    return all;
  }

  /**
   * The locality fields, the territory rules and the interventions, each set to the same extremes
   * as above on {@link #withLocalities}.
   */
  static List<Object[]> localityCases() {
    Scenario scenario = withLocalities(BundledScenarios.load("minimal"));
    SplittableRandom random = new SplittableRandom(SEED + 1);
    List<Object[]> cases = new ArrayList<>();
    for (String path : ScenarioPaths.numericPaths(scenario)) {
      if (!path.contains(".localities.")
          && !path.startsWith("processes.territory.")
          && !path.startsWith("interventions.")
          && !path.endsWith(".unheldAreaKm2")
          && !path.endsWith(".symbolicWeight")) {
        continue;
      }
      List<Double> values =
          new ArrayList<>(List.of(0.0, -1.0, 1e-300, 1e300, Double.NaN, Double.POSITIVE_INFINITY));
      for (int i = 0; i < RANDOM_VALUES_PER_PATH; i++) {
        double magnitude = Math.pow(10, random.nextDouble(-300, 300));
        values.add(random.nextBoolean() ? magnitude : -magnitude);
      }
      for (double v : values) {
        cases.add(new Object[] {path, v});
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("localityCases")
  void localityFieldsRefusedWithALocationOrRunFinite(String path, double value) throws Exception {
    assertThat(ScenarioPaths.numericPaths(withLocalities))
        .as("the locality paths exist")
        .anyMatch(p -> p.contains(".localities."));
    check(withLocalities, List.of(path), List.of(value));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("cases")
  void refusedWithALocationOrRunsFinite(List<String> paths, List<Double> values) throws Exception {
    check(base, paths, values);
  }

  private static void check(Scenario start, List<String> paths, List<Double> values)
      throws Exception {
    TOTAL.incrementAndGet();
    Scenario variant = start;
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      try {
        variant =
            org.polemos.sim.experiment.Sweep.variant(
                variant, List.of(path), new double[] {values.get(i)});
      } catch (IllegalArgumentException e) {
        // refused when set (e.g. a whole number out of range): --set reports it naming the path
        assertThat(e.getMessage()).contains(path);
        return;
      }
    }
    String path = String.join(", ", paths);
    Object value = values;
    List<Problem> problems = variant.validate();
    if (!problems.isEmpty()) {
      assertThat(problems).allSatisfy(p -> assertThat(p.path()).isNotBlank());
      return;
    }
    List<String> nonFinite = new ArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void series(int replication, LocalDate date, String metric, String key, double v) {
            if (!Double.isFinite(v)
                && !(Double.isNaN(v) && NAN_WHEN_EMPTY.contains(metric))
                && nonFinite.size() < 5) {
              nonFinite.add(date + " " + metric + " " + key + " = " + v);
            }
          }
        };
    RAN.incrementAndGet();
    Scenario scenario = variant;
    Future<?> run = executor.submit(() -> engine.run(scenario, 0, RandomStreams.of(1), listener));
    try {
      run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError(
          path
              + " = "
              + value
              + " validates but the run does not end within "
              + TIMEOUT_SECONDS
              + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AssertionError(
          path + " = " + value + " validates but the run fails: " + cause, cause);
    }
    assertThat(nonFinite)
        .as(path + " = " + value + " validates but gives non-finite values")
        .isEmpty();
  }
}
