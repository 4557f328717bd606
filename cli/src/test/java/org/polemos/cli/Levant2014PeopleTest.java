package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.model.result.Metric;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.metric.BuiltInProbes;
import org.polemos.sim.random.RandomStreams;

/**
 * In-sample acceptance checks of levant-2014's flows of people over 200 replications (issue 13), on
 * 2 threads: only 2014-2015 public figures and the April 2016 inflow (about 200 a month) are
 * checked; what the model gives for 2016-2017 is reported in docs/scenarios/levant-2014.md, never
 * asserted. The figures measured are written to target/levant-2014-people.txt.
 *
 * <p>Which group is compared: the recruits (men), {@code foreign_arrivals_men_cumulative}, not
 * everyone who arrived ({@code foreign_arrivals_cumulative} also counts the women and minors who
 * came with them, issue 13 item 7). The figures checked are estimates of foreign fighters: the
 * monthly inflows (US officials, Pentagon) are flows of fighters, and the Soufan Group's totals and
 * country figures of December 2015 are taken as counts of fighters too, although some of the
 * official national counts they compile include women who travelled (France's and Germany's did);
 * docs/scenarios/levant-2014.md, "Women and minors", says what that assumption costs.
 *
 * <p>Statistics: each check is on the mean over the 200 replications, which use the scenario's
 * fixed seed, so the test is deterministic for given code. Each check also asserts that the mean is
 * at least 3 standard errors inside its band, so that over seeds (a change of seed moves the mean
 * by about one standard error) a check would fail with probability below 0.14% (one-sided normal
 * tail at 3 sigma); with 16 checks, below 2.2% for the whole test.
 *
 * <p>Deaths (issue 13, item 8): the organisation's fighters killed by the end of 2015 and the share
 * of the foreign fighters of France, Germany, the United Kingdom and Tunisia killed by then, each
 * in a band around what officials reported in 2014-2015 (the bands and their reasons at {@link
 * #theOrganisationLostBetween20000And30000FightersBy2016} and {@link
 * #theShareOfForeignFightersKilledBy2016IsNearWhatMemberStatesReported}).
 */
class Levant2014PeopleTest {
  static final int REPLICATIONS = 200;
  static final String[] COUNTRIES = {
    "tunisia", "saudi-arabia", "russia", "turkey", "jordan", "france", "germany"
  };

  /** Soufan Group, December 2015 (public-figures.csv), foreign fighters by country. */
  static final double[] DEC_2015 = {6000, 2500, 2400, 2100, 2000, 1700, 760};

  static Scenario scenario;

  /**
   * By replication, key and sample date: cumulative arrivals of the recruits (men) by source key,
   * the foreign stock at the start ({@code at-start:<source>}), foreign deaths ({@code
   * dead:<source>}, the recruits: fighters, support staff, those killed trying to leave) and the
   * organisation's deaths ({@code org-deaths}).
   */
  static List<Map<String, Map<LocalDate, Double>>> arrivals;

  static final LocalDate END_2015 = LocalDate.parse("2016-01-01");

  static final StringBuilder REPORT = new StringBuilder();

  @BeforeAll
  static void run() throws Exception {
    scenario = BundledScenarios.load("levant-2014");
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    RandomStreams streams = RandomStreams.of(scenario.seed());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      @SuppressWarnings("unchecked")
      Future<Map<String, Map<LocalDate, Double>>>[] futures = new Future[REPLICATIONS];
      for (int r = 0; r < REPLICATIONS; r++) {
        int rep = r;
        futures[r] =
            pool.submit(
                () -> {
                  Map<String, Map<LocalDate, Double>> byKey = new ConcurrentHashMap<>();
                  engine.run(
                      scenario,
                      rep,
                      streams,
                      new RunListener() {
                        @Override
                        public void series(
                            int i, LocalDate date, String metric, String key, double value) {
                          if (metric.equals(BuiltInProbes.FOREIGN_FIGHTERS_AT_START)) {
                            byKey
                                .computeIfAbsent("at-start:" + key, k -> new ConcurrentHashMap<>())
                                .put(date, value);
                          }
                          if (metric.equals(BuiltInProbes.FOREIGN_DEATHS_CUMULATIVE)) {
                            byKey
                                .computeIfAbsent("dead:" + key, k -> new ConcurrentHashMap<>())
                                .put(date, value);
                          }
                          if (metric.equals(Metric.DEATHS_CUMULATIVE)
                              && key.equals(Levant2014Outcomes.ORG)) {
                            byKey
                                .computeIfAbsent("org-deaths", k -> new ConcurrentHashMap<>())
                                .put(date, value);
                          }
                          if (metric.equals(Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE)) {
                            byKey
                                .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                                .put(date, value);
                          }
                        }

                        @Override
                        public void event(EventRecord e) {}
                      });
                  return byKey;
                });
      }
      arrivals = new java.util.ArrayList<>();
      for (Future<Map<String, Map<LocalDate, Double>>> f : futures) {
        arrivals.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void write() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/levant-2014-people.txt"), REPORT.toString());
  }

  /** Per replication, arrivals of {@code key} from {@code from} (inclusive) to {@code to}. */
  private static double[] between(String key, String from, String to) {
    return arrivals.stream()
        .mapToDouble(
            r -> r.get(key).get(LocalDate.parse(to)) - r.get(key).get(LocalDate.parse(from)))
        .toArray();
  }

  /** Asserts the mean of {@code values} is in [low, high] and 3 standard errors inside. */
  private static void inBand(String what, double[] values, double low, double high) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean) / (values.length - 1);
    }
    double se = Math.sqrt(var / values.length);
    Arrays.sort(values);
    REPORT.append(
        String.format(
            Locale.ROOT,
            high <= 1
                ? "%-46s mean %8.4f  se %6.4f  p05 %8.4f  p95 %8.4f  band [%.2f, %.2f]%n"
                : "%-46s mean %8.1f  se %6.1f  p05 %8.1f  p95 %8.1f  band [%.0f, %.0f]%n",
            what,
            mean,
            se,
            values[(int) (0.05 * values.length)],
            values[(int) (0.95 * values.length) - 1],
            low,
            high));
    assertThat(mean).as(what).isBetween(low, high);
    assertThat(Math.min(mean - low, high - mean))
        .as(what + ": margin in standard errors")
        .isGreaterThan(3 * se);
  }

  @Test
  void inflowInOctober2014IsAbout1000AMonth() {
    inBand(
        "inflow Oct 2014 (per month)", between(Metric.ALL, "2014-10-01", "2014-11-01"), 750, 1250);
  }

  @Test
  void inflowIn2015AveragesBetween1500And2000AMonth() {
    double[] year = between(Metric.ALL, "2015-01-01", "2016-01-01");
    inBand(
        "inflow 2015 (mean per month)", Arrays.stream(year).map(v -> v / 12).toArray(), 1500, 2000);
  }

  /**
   * The foreign stock at the start (issue 13: {@code sources[].fightersAtStart}, the organisation's
   * foreign fighters present on 1 January 2014) is placed and counted, the same in every
   * replication and at every sample, by source as in the scenario (3,000 in all). It is not part of
   * the arrivals the December 2015 check compares (docs/scenarios/levant-2014.md, "Flows of
   * people").
   */
  @Test
  void theForeignStockAtTheStartIsCountedApartFromArrivals() {
    long total = 0;
    for (var source : scenario.sources()) {
      total += source.fightersAtStart();
      for (var r : arrivals) {
        assertThat(r.get("at-start:" + source.id()).values())
            .containsOnly((double) source.fightersAtStart());
      }
    }
    assertThat(total).isPositive();
    for (var r : arrivals) {
      assertThat(r.get("at-start:" + Metric.ALL).values()).containsOnly((double) total);
      assertThat(r.get(Metric.ALL).get(LocalDate.parse("2014-01-01"))).isLessThan(100);
    }
    REPORT.append(
        String.format(
            Locale.ROOT,
            "%-46s %d (not in the arrivals above)%n",
            "foreign stock at the start (1 Jan 2014)",
            total));
  }

  @Test
  void cumulativeForeignFightersInDecember2015AreBetween27000And31000() {
    // arrivals from 1 January 2014; the foreign stock present at the start (2012-2013 arrivals) is
    // counted apart and not added (docs/scenarios/levant-2014.md, "Flows of people")
    inBand(
        "cumulative arrivals to Dec 2015",
        between(Metric.ALL, "2014-01-01", "2016-01-01"),
        27000,
        31000);
  }

  @Test
  void countryFiguresOfDecember2015AreWithin25Percent() {
    for (int i = 0; i < COUNTRIES.length; i++) {
      inBand(
          "cumulative arrivals to Dec 2015, " + COUNTRIES[i],
          between(COUNTRIES[i], "2014-01-01", "2016-01-01"),
          0.75 * DEC_2015[i],
          1.25 * DEC_2015[i]);
    }
  }

  @Test
  void inflowInApril2016IsAbout200AMonth() {
    inBand(
        "inflow Apr 2016 (per month)", between(Metric.ALL, "2016-04-01", "2016-05-01"), 100, 300);
  }

  /**
   * The organisation's fighters killed by the sample of 1 January 2016 ({@code deaths_cumulative},
   * combat, air strikes and the underground's losses): between 20,000 and 30,000. Officials claimed
   * about 20,000-25,000 killed by then; those claims counted deaths from the coalition's strikes,
   * so deaths in ground combat against the Iraqi, Kurdish, Syrian and rebel forces that no claim
   * counted may put the model somewhat above them, hence 30,000 at the top; 20,000 at the bottom
   * because the claims were not lower. Before issue 13 item 8 the model gave 42,000.
   */
  @Test
  void theOrganisationLostBetween20000And30000FightersBy2016() {
    inBand(
        "organisation's fighters killed to Dec 2015",
        arrivals.stream().mapToDouble(r -> r.get("org-deaths").get(END_2015)).toArray(),
        20000,
        30000);
  }

  /**
   * Of the recruits (men) of a source who arrived by the end of 2015 or were there at the start,
   * the share dead by the sample of 1 January 2016 (all causes), per replication. What was reported
   * in 2015 (docs/scenarios/levant-2014.md, "The share of foreign fighters killed"): France ~12%,
   * Germany ~12-14%, the United Kingdom ~9%, Tunisia 21-27%. Two corrections make those figures
   * lower than the model's quantity: they are lower bounds (deaths known to the services), and
   * their denominators count everyone who left, women and minors too (13-26% of them by the
   * scenario's {@code families} shares), while the model's counts the men: per man the reported
   * shares are France ~16%, Germany ~16-19%, the United Kingdom ~11%, Tunisia ~25-31%. Bands: the
   * European sources between 10% (the lowest report) and 25% (the highest per man, with a quarter
   * more for deaths the services did not know of); Tunisia between 15% and 35%, the reports' 21-27%
   * widened by the same factors (x 0.7 below, x 1.3 above). The model has no rule by nationality,
   * so its shares are close for all sources (a foreign fighter dies where he is placed): it cannot
   * give Europe ~12% and Tunisia ~24% at once, and lies between (Europe near the top of its band,
   * Tunisia below its reports: the miss is reported in docs/scenarios/levant-2014.md, not hidden by
   * the band). Before issue 13 item 8 France gave 34% and this check failed.
   */
  @Test
  void theShareOfForeignFightersKilledBy2016IsNearWhatMemberStatesReported() {
    Map<String, double[]> bands =
        Map.of(
            "france", new double[] {0.10, 0.25},
            "germany", new double[] {0.10, 0.25},
            "united-kingdom", new double[] {0.10, 0.25},
            "tunisia", new double[] {0.15, 0.35});
    for (String source : List.of("france", "germany", "united-kingdom", "tunisia")) {
      double[] share =
          arrivals.stream()
              .mapToDouble(
                  r ->
                      r.get("dead:" + source).get(END_2015)
                          / (r.get(source).get(END_2015)
                              + r.get("at-start:" + source).get(END_2015)))
              .toArray();
      inBand(
          "foreign killed share to Dec 2015, " + source,
          share,
          bands.get(source)[0],
          bands.get(source)[1]);
    }
  }
}
