package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventAggregatorTest {
  @TempDir Path dir;

  private static ConflictEvent event(
      String date,
      DatePrecision precision,
      String country,
      String admin1,
      String actor1,
      String actor2,
      String type,
      Integer fatalities) {
    return new ConflictEvent(
        "acled",
        "id",
        LocalDate.parse(date),
        precision,
        country,
        admin1,
        null,
        null,
        null,
        actor1,
        actor2,
        type,
        null,
        fatalities,
        2);
  }

  private static final List<ConflictEvent> EVENTS =
      List.of(
          event(
              "2015-01-03",
              DatePrecision.DAY,
              "Iraq",
              "Ninawa",
              "Group A",
              "Military Forces of Iraq",
              "Battles",
              5),
          event(
              "2015-01-20",
              DatePrecision.DAY,
              "Iraq",
              "Anbar",
              "Military Forces of Iraq",
              "Group A",
              "Battles",
              2),
          event(
              "2015-01-01",
              DatePrecision.MONTH,
              "Syria",
              "Raqqa",
              "Group A",
              null,
              "Remote violence",
              null),
          event(
              "2015-03-09",
              DatePrecision.DAY,
              "Syria",
              "Aleppo",
              "Group B",
              "Group A",
              "Battles",
              7),
          event("2015-02-14", DatePrecision.DAY, "Iraq", "Ninawa", "Group C", null, "Protests", 0));

  private List<String> aggregate(Aggregation spec) throws IOException {
    EventAggregator aggregator = new EventAggregator(spec);
    EVENTS.forEach(aggregator);
    aggregator.write(dir.resolve("observed.csv"));
    return Files.readAllLines(dir.resolve("observed.csv"));
  }

  @Test
  void byMonthAndCountryWithActorRegexFillsGapsWithZeros() throws IOException {
    Aggregation spec =
        new Aggregation(
            Period.MONTH,
            List.of(GroupField.COUNTRY),
            List.of(ObservedMetric.FATALITIES, ObservedMetric.EVENTS),
            Pattern.compile("^Group A$"),
            null,
            null,
            null,
            false);
    assertThat(aggregate(spec))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,observed_events,Iraq,2",
            "0,2015-01-01,observed_events,Syria,1",
            "0,2015-01-01,observed_fatalities,Iraq,7",
            "0,2015-01-01,observed_fatalities,Syria,0",
            "0,2015-02-01,observed_events,Iraq,0",
            "0,2015-02-01,observed_events,Syria,0",
            "0,2015-02-01,observed_fatalities,Iraq,0",
            "0,2015-02-01,observed_fatalities,Syria,0",
            "0,2015-03-01,observed_events,Iraq,0",
            "0,2015-03-01,observed_events,Syria,1",
            "0,2015-03-01,observed_fatalities,Iraq,0",
            "0,2015-03-01,observed_fatalities,Syria,7");
  }

  @Test
  void summaryCountsFilteredCoarseAndUnknown() {
    Aggregation spec =
        new Aggregation(
            Period.DAY,
            List.of(),
            List.of(ObservedMetric.EVENTS),
            Pattern.compile("Group A"),
            null,
            null,
            null,
            false);
    EventAggregator aggregator = new EventAggregator(spec);
    EVENTS.forEach(aggregator);
    EventAggregator.Summary summary = aggregator.summary();
    assertThat(summary.matched()).isEqualTo(4);
    assertThat(summary.filteredOut()).isEqualTo(1);
    assertThat(summary.coarserThanPeriod()).isEqualTo(1);
    assertThat(summary.unknownFatalities()).isEqualTo(1);
  }

  @Test
  void compoundKeysEventTypeFilterDateBoundsAndSparse() throws IOException {
    Aggregation spec =
        Aggregation.parseBy(
            "country,admin1,year",
            new Aggregation(
                Period.MONTH,
                List.of(),
                List.of(ObservedMetric.EVENTS),
                null,
                Pattern.compile("Battle"),
                LocalDate.of(2015, 1, 10),
                LocalDate.of(2016, 12, 31),
                true));
    assertThat(aggregate(spec))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,observed_events,Iraq|Anbar,1",
            "0,2015-01-01,observed_events,Syria|Aleppo,1");
  }

  @Test
  void weeksStartOnMondayAndZeroFillCoversFromTo() throws IOException {
    Aggregation spec =
        new Aggregation(
            Period.WEEK,
            List.of(),
            List.of(ObservedMetric.EVENTS),
            null,
            Pattern.compile("Protests"),
            LocalDate.of(2015, 2, 4),
            LocalDate.of(2015, 2, 20),
            false);
    assertThat(aggregate(spec))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-02-02,observed_events,,0",
            "0,2015-02-09,observed_events,,1",
            "0,2015-02-16,observed_events,,0");
  }

  @Test
  void byNeedsExactlyOnePeriodAndKnownWords() {
    Aggregation base = Aggregation.monthlyEventsByCountry();
    assertThatThrownBy(() -> Aggregation.parseBy("month,contry", base))
        .hasMessageContaining("unknown word \"contry\" (did you mean \"country\"?)");
    assertThatThrownBy(() -> Aggregation.parseBy("country", base))
        .hasMessageContaining("needs a period");
    assertThatThrownBy(() -> Aggregation.parseBy("month,year", base))
        .hasMessageContaining("two periods");
    assertThat(Aggregation.parseBy("Month, Country, event-type", base).groupBy())
        .containsExactly(GroupField.COUNTRY, GroupField.EVENT_TYPE);
  }

  @Test
  void asAndKeyNameTheRowsLikeASimulatedSeries() throws IOException {
    Aggregation spec =
        new Aggregation(
            Period.MONTH,
            List.of(),
            List.of(ObservedMetric.FATALITIES),
            Pattern.compile("^Group A$"),
            null,
            null,
            null,
            false,
            "deaths_per_month",
            "islamic-state");
    assertThat(aggregate(spec))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,deaths_per_month,islamic-state,7",
            "0,2015-02-01,deaths_per_month,islamic-state,0",
            "0,2015-03-01,deaths_per_month,islamic-state,7");
  }

  @Test
  void asAloneKeepsTheGroupedKeys() throws IOException {
    Aggregation spec =
        Aggregation.parseBy(
                "month,country",
                new Aggregation(
                    Period.MONTH,
                    List.of(),
                    List.of(ObservedMetric.EVENTS),
                    Pattern.compile("^Group A$"),
                    null,
                    null,
                    null,
                    true))
            .named("attacks", null);
    assertThat(aggregate(spec))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,attacks,Iraq,2",
            "0,2015-01-01,attacks,Syria,1",
            "0,2015-03-01,attacks,Syria,1");
  }

  @Test
  void asAndKeyAreCheckedAgainstTheMetricsAndTheGrouping() {
    Aggregation both =
        new Aggregation(
            Period.MONTH,
            List.of(),
            List.of(ObservedMetric.EVENTS, ObservedMetric.FATALITIES),
            null,
            null,
            null,
            null,
            false);
    assertThatThrownBy(() -> both.named("deaths_per_month", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "--as deaths_per_month names one metric but --metric asks for 2 (events,fatalities)");
    Aggregation byCountry =
        Aggregation.parseBy("month,country", Aggregation.monthlyEventsByCountry());
    assertThatThrownBy(() -> byCountry.named(null, "islamic-state"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--key islamic-state")
        .hasMessageContaining("--by also groups by country");
    Aggregation named =
        Aggregation.monthlyEventsByCountry().by(Period.MONTH, List.of()).named(null, "syria");
    assertThatThrownBy(() -> Aggregation.parseBy("month,admin1", named))
        .hasMessageContaining("--by also groups by admin1");
    Aggregation plain = Aggregation.monthlyEventsByCountry().by(Period.MONTH, List.of());
    for (String bad : new String[] {"", "Deaths", "deaths per month", "-x", "a|b"}) {
      assertThatThrownBy(() -> plain.named(bad, null))
          .as(bad)
          .hasMessageContaining("--as: \"" + bad + "\"");
      assertThatThrownBy(() -> plain.named(null, bad))
          .as(bad)
          .hasMessageContaining("--key: \"" + bad + "\"");
    }
    assertThat(plain.named("deaths_per_month", "islamic-state").metricNameOf(ObservedMetric.EVENTS))
        .isEqualTo("deaths_per_month");
  }
}
