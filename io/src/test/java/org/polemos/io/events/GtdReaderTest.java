package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polemos.io.events.EventFixtures.GTD_HEADER;
import static org.polemos.io.events.EventFixtures.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtdReaderTest {
  @TempDir Path dir;

  private static Map<String, String> event(String id, String y, String m, String d, String nkill) {
    return Map.ofEntries(
        Map.entry("eventid", id),
        Map.entry("iyear", y),
        Map.entry("imonth", m),
        Map.entry("iday", d),
        Map.entry("country", "217"),
        Map.entry("country_txt", "United States"),
        Map.entry("provstate", "Colorado"),
        Map.entry("city", "Cañon City"),
        Map.entry("latitude", "38.44"),
        Map.entry("longitude", "-105.24"),
        Map.entry("attacktype1_txt", "Facility/Infrastructure Attack"),
        Map.entry("gname", "Synthetic Group A"),
        Map.entry("nkill", nkill),
        Map.entry("summary", "Synthetic, \"quoted\" summary."));
  }

  @Test
  void mapsFieldsAndDecodesIso88591() throws IOException {
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"),
            StandardCharsets.ISO_8859_1,
            "\n",
            GTD_HEADER,
            row(GTD_HEADER, event("200105060001", "2001", "5", "6", "2")));
    EventFixtures.Read read = EventFixtures.read(new GtdDataset(), file);

    assertThat(read.report().layout()).isEqualTo(GtdDataset.LAYOUT);
    assertThat(read.report().encoding()).isEqualTo("ISO-8859-1");
    assertThat(read.rejects()).isEmpty();
    assertThat(read.events())
        .containsExactly(
            new ConflictEvent(
                "gtd",
                "200105060001",
                LocalDate.of(2001, 5, 6),
                DatePrecision.DAY,
                "United States",
                "Colorado",
                "Cañon City",
                38.44,
                -105.24,
                "Synthetic Group A",
                null,
                "Facility/Infrastructure Attack",
                null,
                2,
                2));
  }

  @Test
  void utf8FilesAreReadAsUtf8() throws IOException {
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"),
            StandardCharsets.UTF_8,
            "\r\n",
            GTD_HEADER,
            row(GTD_HEADER, event("1", "2001", "5", "6", "2")));
    EventFixtures.Read read = EventFixtures.read(new GtdDataset(), file);
    assertThat(read.report().encoding()).isEqualTo("UTF-8");
    assertThat(read.events().get(0).location()).isEqualTo("Cañon City");
  }

  @Test
  void unknownDayOrMonthLowersThePrecisionAndUnknownCodesBecomeNull() throws IOException {
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"),
            StandardCharsets.ISO_8859_1,
            "\n",
            GTD_HEADER,
            row(GTD_HEADER, event("1", "2003", "7", "0", "-9")),
            row(GTD_HEADER, event("2", "2004", "0", "0", "-99")),
            row(GTD_HEADER, event("3", "2005", "2", "28", "")),
            row(GTD_HEADER, event("4", "2006", "2", "3", "4.0")));
    EventFixtures.Read read = EventFixtures.read(new GtdDataset(), file);

    assertThat(read.events())
        .extracting(ConflictEvent::date)
        .containsExactly(
            LocalDate.of(2003, 7, 1),
            LocalDate.of(2004, 1, 1),
            LocalDate.of(2005, 2, 28),
            LocalDate.of(2006, 2, 3));
    assertThat(read.events())
        .extracting(ConflictEvent::precision)
        .containsExactly(
            DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.DAY, DatePrecision.DAY);
    assertThat(read.events())
        .extracting(ConflictEvent::fatalities)
        .containsExactly(null, null, null, 4);
    assertThat(read.events()).extracting(ConflictEvent::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(read.report().firstDate()).isEqualTo(LocalDate.of(2003, 7, 1));
    assertThat(read.report().lastDate()).isEqualTo(LocalDate.of(2006, 2, 3));
  }

  @Test
  void impossibleDatesAndOtherNegativeCountsAreRejected() throws IOException {
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"),
            StandardCharsets.ISO_8859_1,
            "\n",
            GTD_HEADER,
            row(GTD_HEADER, event("1", "2003", "2", "30", "1")),
            row(GTD_HEADER, event("2", "2003", "13", "1", "1")),
            row(GTD_HEADER, event("3", "2003", "1", "1", "-5")),
            row(GTD_HEADER, event("4", "2003", "1", "1", "1")));
    EventFixtures.Read read = EventFixtures.read(new GtdDataset(), file);

    assertThat(read.events()).extracting(ConflictEvent::rowId).containsExactly("4");
    assertThat(read.rejects()).extracting(Rejection::line).containsExactly(2L, 3L, 4L);
    assertThat(read.rejects())
        .extracting(Rejection::reason)
        .containsExactly(RejectReason.BAD_DATE, RejectReason.BAD_DATE, RejectReason.BAD_NUMBER);
    assertThat(read.rejects().get(0).detail()).contains("2003/2/30");
  }

  @Test
  void outOfRangeCoordinatesAreDroppedNotRejected() throws IOException {
    Map<String, String> values = new java.util.HashMap<>(event("1", "2003", "2", "3", "1"));
    values.put("longitude", "-86185896");
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"),
            StandardCharsets.ISO_8859_1,
            "\n",
            GTD_HEADER,
            row(GTD_HEADER, values));
    EventFixtures.Read read = EventFixtures.read(new GtdDataset(), file);
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.latitude()).isNull();
              assertThat(e.longitude()).isNull();
            });
    assertThat(read.report().coordinatesDropped()).isEqualTo(1);
  }
}
