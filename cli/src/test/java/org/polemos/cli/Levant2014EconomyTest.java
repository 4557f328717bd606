package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
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
 * In-sample checks of levant-2014's economy over 200 replications (issue 14): only 2014-2015
 * figures are checked (US Treasury Oct 2014 and Dec 2015 for oil, IHS for total revenue in
 * mid-2015, no funding shortfall in 2014-2015); what the model gives for 2016-2017 is written to
 * target/levant-2014-economy.txt and reported in docs/scenarios/levant-2014.md, never asserted. The
 * treasury never grows in a month the organisation holds no territory (checked on every
 * replication, and on 20 replications of the scenario with its earlier static-front lethality, in
 * which it loses all its ground, since in the scenario itself it keeps a pocket to the end of
 * 2017).
 *
 * <p>Statistics: the scenario's seed is fixed, so the test is deterministic for given code. Levels
 * are checked on the median replication against +-25% bands. The shortfall check asks that none of
 * the 200 replications runs short in 2014-2015, whatever its territory path (see {@link
 * #noFundingShortfallIn2014And2015} for its false-failure rate); how many take the Deir ez-Zor oil
 * fields in 2014 is written to the summary file.
 */
class Levant2014EconomyTest {
  static final String ORG = "islamic-state";
  static final LocalDate END_2015 = LocalDate.of(2016, 1, 1);

  /** The rest of Deir ez-Zor: the light-crude fields, most of the organisation's oil. */
  static final String OIL_FIELDS = "deir-ez-zor";

  /** One replication's money series by date (each a period's flow ending at that date). */
  record Run(
      Map<LocalDate, Double> oil,
      Map<LocalDate, Double> revenue,
      Map<LocalDate, Double> spending,
      Map<LocalDate, Double> unfunded,
      Map<LocalDate, Double> treasury,
      Map<LocalDate, Double> territory,
      Set<LocalDate> taken,
      Set<LocalDate> oilFieldsTaken) {}

  static List<Run> runs;

  /**
   * Replications of levant-2014 with the organisation's pre-issue-13-item-8 static-front lethality
   * ({@code processes.combat.engagedShare} 0.02), in which it loses all its ground in 2017: only
   * for the rule check {@link #theTreasuryNeverGrowsInAMonthWithNoTerritory}, which needs months
   * with no territory. Since item 8's re-tuning (0.006) the organisation keeps a pocket to the end
   * of 2017 in all 200 replications of the scenario itself.
   */
  static List<Run> collapseRuns;

  @BeforeAll
  static void run() throws IOException {
    Scenario scenario = BundledScenarios.load("levant-2014");
    runs = replications(scenario, 200);
    collapseRuns =
        replications(
            scenario.with("processes.combat.engagedShare", new java.math.BigDecimal("0.02")), 20);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/levant-2014-economy.txt"), summary());
  }

  private static List<Run> replications(Scenario scenario, int n) {
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    RandomStreams streams = RandomStreams.of(scenario.seed());
    Run[] all = new Run[n];
    IntStream.range(0, all.length)
        .parallel()
        .forEach(
            rep -> {
              Run r =
                  new Run(
                      new TreeMap<>(),
                      new TreeMap<>(),
                      new TreeMap<>(),
                      new TreeMap<>(),
                      new TreeMap<>(),
                      new TreeMap<>(),
                      ConcurrentHashMap.newKeySet(),
                      ConcurrentHashMap.newKeySet());
              engine.run(
                  scenario,
                  rep,
                  streams,
                  new RunListener() {
                    @Override
                    public void series(
                        int i, LocalDate date, String metric, String key, double value) {
                      switch (metric) {
                        case Metric.REVENUE_USD -> {
                          r.revenue().merge(date, value, Double::sum);
                          if (key.equals("oil")) {
                            r.oil().put(date, value);
                          }
                        }
                        case BuiltInProbes.SPENDING_USD ->
                            r.spending().merge(date, value, Double::sum);
                        case BuiltInProbes.UNFUNDED_USD -> r.unfunded().put(date, value);
                        case Metric.TREASURY_USD -> r.treasury().put(date, value);
                        case Metric.TERRITORY_KM2 -> {
                          if (key.equals(ORG)) {
                            r.territory().put(date, value);
                          }
                        }
                        default -> {}
                      }
                    }

                    @Override
                    public void event(EventRecord e) {
                      if (e.type().equals("control-changed") && ORG.equals(e.details().get("to"))) {
                        r.taken().add(e.date());
                        if (e.subject().equals(OIL_FIELDS)) {
                          r.oilFieldsTaken().add(e.date());
                        }
                      }
                    }
                  });
              all[rep] = r;
            });
    return Arrays.asList(all);
  }

  static double median(double[] xs) {
    return Levant2014Outcomes.quantile(xs, 0.5);
  }

  private static double sum(Map<LocalDate, Double> series, String fromSample, String toSample) {
    LocalDate a = LocalDate.parse(fromSample);
    LocalDate b = LocalDate.parse(toSample);
    return series.entrySet().stream()
        .filter(e -> !e.getKey().isBefore(a) && !e.getKey().isAfter(b))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** Per year-month: p05, median, p95 of oil, revenue, spending, treasury; as plain text. */
  static String summary() {
    StringBuilder sb =
        new StringBuilder(
            "sample (period ending) oil / revenue / spending / treasury, p05 p50 p95 in USD M\n");
    for (LocalDate d : runs.get(0).treasury().keySet()) {
      sb.append(d);
      for (var f :
          List.<java.util.function.Function<Run, Map<LocalDate, Double>>>of(
              Run::oil, Run::revenue, Run::spending, Run::treasury)) {
        double[] x =
            runs.stream().mapToDouble(r -> f.apply(r).getOrDefault(d, 0.0) / 1e6).toArray();
        sb.append(
            String.format(
                "  %.1f %.1f %.1f",
                Levant2014Outcomes.quantile(x, 0.05),
                median(x),
                Levant2014Outcomes.quantile(x, 0.95)));
      }
      double unfunded =
          runs.stream().filter(r -> r.unfunded().getOrDefault(d, 0.0) > 0).count()
              / (double) runs.size();
      sb.append(String.format("  shortfall in %.0f%% of runs%n", 100 * unfunded));
    }
    sb.append(
        String.format(
            "replications taking the Deir ez-Zor oil fields in 2014: %d of %d%n",
            runs.stream().filter(Levant2014EconomyTest::historicalOil).count(), runs.size()));
    sb.append(
        String.format(
            "replications with a shortfall in 2014-2015: %d of %d (%d of them took the oil fields"
                + " in 2014)%n",
            runs.stream().filter(Levant2014EconomyTest::shortIn2014And2015).count(),
            runs.size(),
            runs.stream()
                .filter(Levant2014EconomyTest::shortIn2014And2015)
                .filter(Levant2014EconomyTest::historicalOil)
                .count()));
    return sb.toString();
  }

  @Test
  void oilRevenueIsAboutOneMillionADayInMid2014() {
    // July-September 2014: the samples of 1 Aug, 1 Sep, 1 Oct (92 days); US Treasury, Oct 2014
    double perDay =
        median(
            runs.stream()
                .mapToDouble(r -> sum(r.oil(), "2014-08-01", "2014-10-01") / 92)
                .toArray());
    assertThat(perDay).isBetween(0.75e6, 1.25e6);
  }

  @Test
  void oilRevenueIsAboutFortyMillionInDecember2015() {
    // US Treasury, Dec 2015; the sample of 1 Jan 2016 is December's revenue
    double december = median(runs.stream().mapToDouble(r -> r.oil().get(END_2015)).toArray());
    assertThat(december).isBetween(30e6, 50e6);
  }

  @Test
  void totalRevenueIsAboutEightyMillionAMonthInMid2015() {
    // IHS: ~$80 M a month in mid-2015; June and July 2015 (samples of 1 Jul and 1 Aug)
    double monthly =
        median(
            runs.stream()
                .mapToDouble(r -> sum(r.revenue(), "2015-07-01", "2015-08-01") / 2)
                .toArray());
    assertThat(monthly).isBetween(60e6, 100e6);
  }

  /** Whether the replication had a funding shortfall in any month of 2014-2015. */
  private static boolean shortIn2014And2015(Run r) {
    return sum(r.unfunded(), "2014-01-01", "2016-01-01") > 0;
  }

  /** Whether the organisation took the Deir ez-Zor oil fields in 2014, as it did (July 2014). */
  private static boolean historicalOil(Run r) {
    return r.oilFieldsTaken().stream().anyMatch(d -> d.getYear() == 2014);
  }

  /**
   * No shortfall in 2014-2015 in any of the 200 replications (unconditionally: it once held only in
   * the replications that took the Deir ez-Zor oil fields in 2014; the offensive that takes them
   * was re-tuned in sample, see docs/scenarios/levant-2014.md). As a claim about the model's
   * probability q of a shortfall in a replication, none in 200 fails with probability 1 - (1 -
   * q)^200 over seeds: below 2% when q <= 1e-4.
   */
  @Test
  void noFundingShortfallIn2014And2015() {
    List<Integer> short2014And2015 =
        IntStream.range(0, runs.size())
            .filter(i -> shortIn2014And2015(runs.get(i)))
            .boxed()
            .toList();
    assertThat(short2014And2015).as("replications with a shortfall in 2014-2015").isEmpty();
  }

  /**
   * The rule, on every replication of the scenario and of {@link #collapseRuns} (the scenario with
   * its earlier static-front lethality, where the organisation loses all its ground), so that
   * months with no territory exist to check.
   */
  @Test
  void theTreasuryNeverGrowsInAMonthWithNoTerritory() {
    List<String> violations = new ArrayList<>();
    int empty = 0;
    List<Run> all = new ArrayList<>(runs);
    all.addAll(collapseRuns);
    for (int i = 0; i < all.size(); i++) {
      Run r = all.get(i);
      LocalDate previous = null;
      for (LocalDate d : r.treasury().keySet()) {
        LocalDate from = previous;
        if (from != null
            && r.territory().get(from) <= 1e-6
            && r.territory().get(d) <= 1e-6
            && r.taken().stream().noneMatch(t -> t.isAfter(from) && !t.isAfter(d))) {
          empty++;
          if (r.treasury().get(d) > r.treasury().get(previous)) {
            violations.add("replication " + i + " " + d);
          }
        }
        previous = d;
      }
    }
    assertThat(violations).isEmpty();
    assertThat(empty).as("months with no territory (the check must not be vacuous)").isPositive();
  }
}
