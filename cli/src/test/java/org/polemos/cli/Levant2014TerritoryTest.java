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
 * given code (same seed, same result). Each event check asks for a share of replications (e.g. 90%)
 * below what the model gives (95-100% at the time of writing); as a claim about the model's
 * probability p of the event, a check at 90% of 200 fails with probability below 0.3% when p >=
 * 0.96 (binomial tail), which is the false-failure rate stated for a change of seed. Territory
 * levels are checked on the median replication.
 */
class Levant2014TerritoryTest {
  static final String ORG = Levant2014Outcomes.ORG;
  static final LocalDate START = LocalDate.of(2014, 1, 1);
  static final long MIN_SPREAD_DAYS = 3;
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
   * Days from p05 to p95 of the dates {@code date} gives over the replications where it is not
   * null.
   */
  private static long spreadDays(
      java.util.function.Function<Levant2014Outcomes.Run, LocalDate> date) {
    List<LocalDate> dates = runs.stream().map(date).filter(d -> d != null).toList();
    return Levant2014Outcomes.quantile(dates, 0.95).toEpochDay()
        - Levant2014Outcomes.quantile(dates, 0.05).toEpochDay();
  }

  /**
   * Issue 12, "capture dates have intervals": the 2014-2015 changes of hands checked above, over
   * the replications where they happen, have p05-p95 intervals of days to weeks (offensives arrive
   * at a random tempo, garrisons break at random). Offensives whose window is a week or two (Mosul
   * 4-10 June 2014) bound their spread, so the two weeks are asked of at least 4 of these
   * 11 (5 reach it: Tikrit and Baiji taken, Hawija, Tikrit and Ramadi retaken; 1 did before the
   * random tempo) and at least 3 days of every one (the shortest, Sinjar taken, has 4); the
   * measured intervals are in docs/scenarios/levant-2014.md. Deterministic for the scenario's seed;
   * as a claim over seeds each interval is itself an estimate from 200 replications (its p05 and
   * p95 move by a day or two between seeds), which is the margin kept below the measured values.
   */
  @Test
  void captureDatesOf2014And2015HaveIntervals() {
    LocalDate afterJune2014 = LocalDate.parse("2014-07-01");
    Map<String, Long> spread = new java.util.LinkedHashMap<>();
    spread.put("Mosul taken", spreadDays(r -> r.firstTo("mosul", ORG, START)));
    spread.put("Tikrit taken", spreadDays(r -> r.firstTo("tikrit", ORG, START)));
    spread.put("Baiji taken", spreadDays(r -> r.firstTo("baiji", ORG, START)));
    spread.put("Hawija taken", spreadDays(r -> r.firstTo("hawija", ORG, START)));
    spread.put("Tal Afar taken", spreadDays(r -> r.firstTo("tal-afar", ORG, START)));
    spread.put("Sinjar taken", spreadDays(r -> r.firstTo("sinjar", ORG, START)));
    spread.put("Tikrit retaken", spreadDays(r -> r.firstFrom("tikrit", ORG, afterJune2014)));
    spread.put("Ramadi taken", spreadDays(r -> r.firstTo("ramadi", ORG, START)));
    spread.put("Palmyra taken", spreadDays(r -> r.firstTo("palmyra", ORG, START)));
    spread.put(
        "Ramadi retaken",
        spreadDays(r -> r.firstFrom("ramadi", ORG, LocalDate.parse("2015-04-17"))));
    spread.put(
        "Sinjar retaken",
        spreadDays(r -> r.firstFrom("sinjar", ORG, LocalDate.parse("2014-08-01"))));
    assertThat(spread.values().stream().filter(d -> d >= 14).count())
        .as("changes of hands with a p05-p95 interval of two weeks or more: " + spread)
        .isGreaterThanOrEqualTo(4);
    assertThat(spread.values())
        .as("p05-p95 intervals, days: " + spread)
        .allMatch(d -> d >= MIN_SPREAD_DAYS);
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
