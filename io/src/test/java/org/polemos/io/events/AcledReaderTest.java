package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polemos.io.events.EventFixtures.row;
import static org.polemos.io.events.EventFixtures.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcledReaderTest {
  @TempDir Path dir;

  @Test
  void thirtyOneColumnLayoutWithShortAndLongDates() throws IOException {
    List<String> h = EventFixtures.ACLED_31;
    Path file =
        EventFixtures.write(
            dir.resolve("a.csv"),
            StandardCharsets.UTF_8,
            "\r\n",
            h,
            row(
                h,
                values(
                    "data_id",
                    "1001",
                    "iso",
                    "368",
                    "event_id_cnty",
                    "IRQ1",
                    "event_date",
                    "9-May-20",
                    "year",
                    "2020",
                    "time_precision",
                    "1",
                    "event_type",
                    "Battles",
                    "sub_event_type",
                    "Armed clash",
                    "actor1",
                    "Group A",
                    "actor2",
                    "Group B",
                    "country",
                    "Iraq",
                    "admin1",
                    "Ninewa",
                    "location",
                    "Town X",
                    "latitude",
                    "36.1",
                    "longitude",
                    "43.2",
                    "fatalities",
                    "3",
                    "notes",
                    "multi\nline, \"quoted\" note")),
            row(
                h,
                values(
                    "data_id",
                    "1002",
                    "event_id_cnty",
                    "IRQ2",
                    "event_date",
                    "09 May 2020",
                    "time_precision",
                    "2",
                    "event_type",
                    "Protests",
                    "country",
                    "Iraq",
                    "fatalities",
                    "")),
            row(
                h,
                values(
                    "data_id",
                    "1003",
                    "event_id_cnty",
                    "",
                    "event_date",
                    "15-Mar-97",
                    "time_precision",
                    "3",
                    "event_type",
                    "Protests",
                    "country",
                    "Iraq",
                    "fatalities",
                    "0")));
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file);

    assertThat(read.report().layout()).isEqualTo(AcledDataset.COLUMNS_31);
    assertThat(read.rejects()).isEmpty();
    assertThat(read.events().get(0))
        .isEqualTo(
            new ConflictEvent(
                "acled",
                "IRQ1",
                LocalDate.of(2020, 5, 9),
                DatePrecision.DAY,
                "Iraq",
                "Ninewa",
                "Town X",
                36.1,
                43.2,
                "Group A",
                "Group B",
                "Battles",
                "Armed clash",
                3,
                2));
    ConflictEvent second = read.events().get(1);
    assertThat(second.date()).isEqualTo(LocalDate.of(2020, 5, 9));
    assertThat(second.precision()).isEqualTo(DatePrecision.WEEK);
    assertThat(second.fatalities()).isNull();
    assertThat(second.line()).isEqualTo(4); // the first record spans lines 2 and 3
    ConflictEvent third = read.events().get(2);
    assertThat(third.rowId()).isEqualTo("1003");
    assertThat(third.date()).isEqualTo(LocalDate.of(1997, 3, 15));
    assertThat(third.precision()).isEqualTo(DatePrecision.MONTH);
  }

  @Test
  void currentLayout() throws IOException {
    List<String> h = EventFixtures.ACLED_CURRENT;
    Path file =
        EventFixtures.write(
            dir.resolve("a.csv"),
            StandardCharsets.UTF_8,
            "\n",
            h,
            row(
                h,
                values(
                    "event_id_cnty",
                    "SYR5",
                    "event_date",
                    "2024-02-29",
                    "year",
                    "2024",
                    "time_precision",
                    "1",
                    "disorder_type",
                    "Political violence",
                    "event_type",
                    "Explosions/Remote violence",
                    "sub_event_type",
                    "Air/drone strike",
                    "actor1",
                    "Group C",
                    "country",
                    "Syria",
                    "admin1",
                    "Deir ez Zor",
                    "fatalities",
                    "1",
                    "tags",
                    "",
                    "timestamp",
                    "1700000000")));
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file);
    assertThat(read.report().layout()).isEqualTo(AcledDataset.CURRENT);
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.date()).isEqualTo(LocalDate.of(2024, 2, 29));
              assertThat(e.subEventType()).isEqualTo("Air/drone strike");
              assertThat(e.actor2()).isNull();
              assertThat(e.latitude()).isNull();
            });
  }

  @Test
  void lowercaseVersion6WithLeadingIndexColumn() throws IOException {
    List<String> h = EventFixtures.ACLED_V6_LOWER;
    Path file =
        EventFixtures.write(
            dir.resolve("a.csv"),
            StandardCharsets.UTF_8,
            "\n",
            h,
            row(
                h,
                values(
                    "",
                    "0",
                    "actor1",
                    "Group D",
                    "actor2",
                    "Civilians (Libya)",
                    "country",
                    "Libya",
                    "data_id",
                    "77",
                    "event_date",
                    "2016-07-02",
                    "event_id_cnty",
                    "8016RTA",
                    "event_type",
                    "Battle-Government regains territory",
                    "fatalities",
                    "3",
                    "gwno",
                    "620",
                    "time_precision",
                    "1",
                    "year",
                    "2016",
                    "admin1",
                    "Surt")));
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file);
    assertThat(read.report().layout()).isEqualTo(AcledDataset.V6_LOWERCASE);
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.rowId()).isEqualTo("8016RTA");
              assertThat(e.eventType()).isEqualTo("Battle-Government regains territory");
              assertThat(e.subEventType()).isNull();
              assertThat(e.admin1()).isEqualTo("Surt");
            });
  }

  @Test
  void uppercaseVersion6WithDayFirstSlashedDates() throws IOException {
    List<String> h = EventFixtures.ACLED_V6_UPPER;
    Path file =
        EventFixtures.write(
            dir.resolve("a.csv"),
            StandardCharsets.UTF_8,
            "\n",
            h,
            row(
                h,
                values(
                    "GWNO",
                    "520",
                    "EVENT_ID_CNTY",
                    "1SOM",
                    "EVENT_DATE",
                    "18/01/1997",
                    "YEAR",
                    "1997",
                    "TIME_PRECISION",
                    "1",
                    "EVENT_TYPE",
                    "Non-violent transfer of territory",
                    "ACTOR1",
                    "Group E",
                    "COUNTRY",
                    "Somalia",
                    "FATALITIES",
                    "0",
                    "LATITUDE",
                    "2.04",
                    "LONGITUDE",
                    "45.34")));
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file);
    assertThat(read.report().layout()).isEqualTo(AcledDataset.V6_UPPERCASE);
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.date()).isEqualTo(LocalDate.of(1997, 1, 18));
              assertThat(e.country()).isEqualTo("Somalia");
              assertThat(e.latitude()).isEqualTo(2.04);
            });
  }
}
