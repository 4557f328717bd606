package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polemos.io.events.EventFixtures.row;
import static org.polemos.io.events.EventFixtures.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every date layout ACLED has published, each read from a fixture file in each ACLED layout. */
class AcledDatesTest {
  @TempDir Path dir;

  static List<Arguments> datesAndLayouts() {
    List<Arguments> cases = new ArrayList<>();
    for (String date : AcledDataset.DATE_EXAMPLES) {
      for (String layout : List.of("31col", "v6-lowercase", "v6-uppercase", "current")) {
        cases.add(Arguments.of(date, layout));
      }
    }
    return cases;
  }

  private Path file(String layout, String... dates) throws IOException {
    List<String> h =
        switch (layout) {
          case "31col" -> EventFixtures.ACLED_31;
          case "v6-lowercase" -> EventFixtures.ACLED_V6_LOWER;
          case "v6-uppercase" -> EventFixtures.ACLED_V6_UPPER;
          default -> EventFixtures.ACLED_CURRENT;
        };
    boolean upper = layout.equals("v6-uppercase");
    String[] lines = new String[dates.length];
    for (int i = 0; i < dates.length; i++) {
      lines[i] =
          row(
              h,
              upper
                  ? values(
                      "EVENT_ID_CNTY",
                      "IRQ" + i,
                      "EVENT_DATE",
                      dates[i],
                      "COUNTRY",
                      "Iraq",
                      "FATALITIES",
                      "1")
                  : values(
                      "event_id_cnty",
                      "IRQ" + i,
                      "event_date",
                      dates[i],
                      "country",
                      "Iraq",
                      "fatalities",
                      "1"));
    }
    return EventFixtures.write(
        dir.resolve("acled-" + layout + ".csv"), StandardCharsets.UTF_8, "\n", h, lines);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("datesAndLayouts")
  void everyPublishedDateLayoutIsRead(String date, String layout) throws IOException {
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file(layout, date));
    assertThat(read.rejects()).isEmpty();
    assertThat(read.events())
        .singleElement()
        .satisfies(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2015, 1, 31)));
  }

  /** The version-6 files that were 94 % rejected: full month names, every month of the year. */
  @Test
  void fullMonthNamesOfVersion6() throws IOException {
    String[] months = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    String[] dates = new String[months.length + 1];
    for (int i = 0; i < months.length; i++) {
      dates[i] = String.format("%02d-%s-2015", i + 1, months[i]);
    }
    dates[months.length] = "18-December-2015";
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file("v6-lowercase", dates));
    assertThat(read.rejects()).isEmpty();
    assertThat(read.events())
        .extracting(ConflictEvent::date)
        .startsWith(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 2, 2))
        .contains(LocalDate.of(2015, 9, 9))
        .endsWith(LocalDate.of(2015, 12, 18));
  }

  @Test
  void twoDigitYearsAreReadAs1950To2049() throws IOException {
    EventFixtures.Read read =
        EventFixtures.read(
            new AcledDataset(), file("31col", "1-January-50", "31-Dec-49", "05/06/97"));
    assertThat(read.events())
        .extracting(ConflictEvent::date)
        .containsExactly(
            LocalDate.of(1950, 1, 1), LocalDate.of(2049, 12, 31), LocalDate.of(1997, 6, 5));
  }

  @Test
  void aDateInNoLayoutIsRejected() throws IOException {
    EventFixtures.Read read =
        EventFixtures.read(
            new AcledDataset(),
            file("31col", "2015/01/31", "31-Janvier-2015", "30-February-2015", "January 31, 2015"));
    assertThat(read.events()).isEmpty();
    assertThat(read.rejects())
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.BAD_DATE);
              assertThat(r.detail()).endsWith("is not a date in an ACLED layout");
            });
  }
}
