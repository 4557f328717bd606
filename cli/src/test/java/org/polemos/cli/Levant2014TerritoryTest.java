package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;

/**
 * In-sample acceptance checks of levant-2014's territory over 200 replications (issue 12): only
 * 2014-2015 public figures and events (public-figures.csv, public-events.csv) are checked here;
 * what the model gives for 2016-2017 is reported in docs/scenarios/levant-2014.md, never asserted.
 * The table of every place's changes of hands is written to target/levant-2014-territory.txt.
 *
 * <p>Statistics: the replications use the scenario's fixed seed, so the test is deterministic for
 * given code (same seed, same result). Each event check asks for a share of replications below what
 * the model gives. As a claim about the model's probability p of the event, taking the measured
 * share as p, the binomial probability that a check of 200 replications fails for another seed is
 * (measured after issue 13 item 8's re-tuning): Ramadi retaken Dec 2015 - Feb 2016 (170 of 200
 * measured, check above 160) 3.4%; Sinjar retaken (180, above 170) 1.6%; Mosul taken in June (192,
 * above 180) 0.02%; Tal Abyad lost in June (179, above 160) 0.005%; Tikrit taken in June (196),
 * Kobani holds (200), Tikrit retaken (200) and Ramadi taken (200) below 1e-6. The never-fall checks
 * ask all 200: they pass for any seed only if the event is impossible in the model, which 0 of 200
 * cannot prove (a probability of 0.5% per replication would fail 63% of seeds). Territory levels
 * are checked on the median replication, which moves in steps of one district between seeds; on 14
 * Dec 2015 it is 88,194 km2 against a bound of 89,700 and the 2015 change -10.2% against -8%, so a
 * seed whose median lands one district higher could fail (not quantified). The measured values:
 * docs/scenarios/levant-2014.md.
 */
class Levant2014TerritoryTest {
  static final String ORG = Levant2014Outcomes.ORG;
  static final LocalDate START = LocalDate.of(2014, 1, 1);
  static final int MIN_RUNS_FOR_INTERVAL = 20;
  static Scenario scenario;
  static List<Levant2014Outcomes.Run> runs;

  @BeforeAll
  static void run() throws IOException {
    scenario = BundledScenarios.load("levant-2014");
    runs = Levant2014Outcomes.run(scenario, 200);
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/levant-2014-territory.txt"), Levant2014Outcomes.summary(scenario, runs));
  }

  private static double share(Predicate<Levant2014Outcomes.Run> p) {
    return runs.stream().filter(p).count() / (double) runs.size();
  }

  private static boolean within(LocalDate d, String from, String to) {
    return d != null && !d.isBefore(LocalDate.parse(from)) && !d.isAfter(LocalDate.parse(to));
  }

  private static double median(LocalDate date) {
    return Levant2014Outcomes.quantile(
        runs.stream().mapToDouble(r -> r.territoryOn(date)).toArray(), 0.5);
  }

  @Test
  void territoryMatchesTheIhsFiguresOf2015() {
    double jan = median(LocalDate.parse("2015-01-01"));
    double dec = median(LocalDate.parse("2015-12-14"));
    assertThat(jan).as("1 Jan 2015, IHS 90,800 km2").isBetween(90_800 * 0.85, 90_800 * 1.15);
    assertThat(dec).as("14 Dec 2015, IHS 78,000 km2").isBetween(78_000 * 0.85, 78_000 * 1.15);
    double change =
        Levant2014Outcomes.quantile(
            runs.stream()
                .mapToDouble(
                    r ->
                        r.territoryOn(LocalDate.parse("2015-12-14"))
                                / r.territoryOn(LocalDate.parse("2015-01-01"))
                            - 1)
                .toArray(),
            0.5);
    assertThat(change).as("2015 change (IHS -14%)").isBetween(-0.20, -0.08);
  }

  @Test
  void mosulAndTikritFallInJune2014() {
    assertThat(share(r -> within(r.firstTo("mosul", ORG, START), "2014-06-01", "2014-06-30")))
        .isGreaterThan(0.9);
    assertThat(share(r -> within(r.firstTo("tikrit", ORG, START), "2014-06-01", "2014-06-30")))
        .isGreaterThan(0.9);
  }

  @Test
  void kobaniHolds() {
    assertThat(
            share(
                r ->
                    r.firstTo("kobani", ORG, START) == null
                        || r.firstTo("kobani", ORG, START).isAfter(LocalDate.parse("2015-12-31"))))
        .isGreaterThan(0.95);
  }

  @Test
  void tikritIsRetakenInMarchOrApril2015() {
    assertThat(
            share(
                r ->
                    within(
                        r.firstFrom("tikrit", ORG, LocalDate.parse("2014-07-01")),
                        "2015-03-01",
                        "2015-04-30")))
        .isGreaterThan(0.9);
  }

  @Test
  void ramadiFallsInMay2015AndIsRetakenBetweenDecember2015AndFebruary2016() {
    assertThat(share(r -> within(r.firstTo("ramadi", ORG, START), "2015-04-17", "2015-06-17")))
        .isGreaterThan(0.9);
    assertThat(
            share(
                r ->
                    within(
                        r.firstFrom("ramadi", ORG, LocalDate.parse("2015-04-17")),
                        "2015-12-01",
                        "2016-02-29")))
        .isGreaterThan(0.8);
  }

  @Test
  void talAbyadIsLostInJune2015() {
    assertThat(share(r -> within(r.firstFrom("tal-abyad", ORG, START), "2015-06-01", "2015-06-30")))
        .isGreaterThan(0.8);
  }

  @Test
  void sinjarIsRetakenInNovember2015() {
    assertThat(
            share(
                r ->
                    within(
                        r.firstFrom("sinjar", ORG, LocalDate.parse("2014-08-01")),
                        "2015-10-13",
                        "2015-12-13")))
        .isGreaterThan(0.85);
  }

  @Test
  void haditha_kirkukAndDeirEzZorCityNeverFallIn2014And2015() {
    for (String place : List.of("haditha", "kirkuk-city", "deir-ez-zor-city")) {
      assertThat(
              share(
                  r ->
                      r.changes().getOrDefault(place, List.of()).stream()
                          .allMatch(c -> c.date().isAfter(LocalDate.parse("2015-12-31")))))
          .as(place)
          .isEqualTo(1.0);
    }
  }

  @Test
  void replicationsDifferTerritoryBandsAreNotFlat() {
    for (String d : List.of("2015-01-01", "2015-12-14", "2016-12-01")) {
      double[] t = runs.stream().mapToDouble(r -> r.territoryOn(LocalDate.parse(d))).toArray();
      assertThat(Levant2014Outcomes.quantile(t, 0.95) - Levant2014Outcomes.quantile(t, 0.05))
          .as(d)
          .isGreaterThan(1000);
    }
  }

  /**
   * Issue 12, "capture dates of the named places have p05-p95 intervals at least 2 weeks wide":
   * every place of the scenario (each locality and each region's rest) that the organisation takes,
   * or loses, in at least {@link #MIN_RUNS_FOR_INTERVAL} of the 200 replications, first taking and
   * first loss apart, 2014-2017 alike: only the width is checked here, never a date (the 2016-2017
   * dates are out of sample). No offensive's window ends on the date its target fell (the window is
   * when reinforcements arrive; the assault goes on until the target falls or the attacker is
   * exhausted, {@code processes.territory.offensiveExhaustion}), so the spread is simulated: the
   * offensive's random tempo, battle fortunes, loss noise and the break hazard. Places changed in
   * fewer runs are left out because a p05-p95 interval from fewer than 20 dates is set by one or
   * two replications (at 20 runs p05 and p95 are the 2nd smallest and largest). Deterministic for
   * the scenario's seed; as a claim over seeds each interval is an estimate from 20-200 dates whose
   * ends move by a few days between seeds, so a place measured at 14-17 days could fall below 14
   * for another seed (the narrowest are listed in docs/scenarios/levant-2014.md).
   */
  @Test
  void captureDatesOfEveryNamedPlaceHaveIntervalsOfTwoWeeks() {
    Map<String, Long> spread = new java.util.LinkedHashMap<>();
    for (String place : Levant2014Outcomes.initialHolders(scenario).keySet()) {
      List<LocalDate> taken = runs.stream().map(r -> r.firstTo(place, ORG, START)).toList();
      List<LocalDate> lost = runs.stream().map(r -> r.firstFrom(place, ORG, START)).toList();
      for (var e : Map.of(" taken", taken, " lost", lost).entrySet()) {
        List<LocalDate> dates = e.getValue().stream().filter(d -> d != null).toList();
        if (dates.size() >= MIN_RUNS_FOR_INTERVAL) {
          spread.put(
              place + e.getKey(),
              Levant2014Outcomes.quantile(dates, 0.95).toEpochDay()
                  - Levant2014Outcomes.quantile(dates, 0.05).toEpochDay());
        }
      }
    }
    assertThat(spread).as("changes of hands checked").hasSizeGreaterThanOrEqualTo(30);
    assertThat(spread.keySet())
        .contains(
            "mosul taken",
            "tikrit taken",
            "tikrit lost",
            "ramadi taken",
            "ramadi lost",
            "sinjar taken",
            "sinjar lost",
            "tal-abyad lost",
            "palmyra taken",
            "raqqa-city lost");
    assertThat(spread.entrySet())
        .as("p05-p95 intervals, days: " + spread)
        .allMatch(e -> e.getValue() >= 14);
  }

  @Test
  void theOrganisationStillHasFightersAndContestsGroundAtTheEndOf2017() {
    LocalDate end = LocalDate.parse("2017-12-31");
    assertThat(
            share(
                r ->
                    r.fighters().getOrDefault(end, 0.0) + r.underground().getOrDefault(end, 0.0)
                        > 100))
        .isGreaterThan(0.95);
  }
}
