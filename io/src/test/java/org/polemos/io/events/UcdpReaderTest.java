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

class UcdpReaderTest {
  @TempDir Path dir;

  @Test
  void mapsGedColumns() throws IOException {
    List<String> h = EventFixtures.UCDP;
    Path file =
        EventFixtures.write(
            dir.resolve("ged.csv"),
            StandardCharsets.UTF_8,
            "\n",
            h,
            row(
                h,
                values(
                    "id",
                    "244657",
                    "year",
                    "2015",
                    "type_of_violence",
                    "1",
                    "side_a",
                    "Government of X",
                    "side_b",
                    "Group F",
                    "country",
                    "Iraq",
                    "adm_1",
                    "Ninawa province",
                    "where_coordinates",
                    "Town Y",
                    "latitude",
                    "36.33",
                    "longitude",
                    "43.13",
                    "date_start",
                    "2015-06-01 00:00:00.000",
                    "date_end",
                    "2015-06-30 00:00:00.000",
                    "best",
                    "12",
                    "date_prec",
                    "4")),
            row(
                h,
                values(
                    "id",
                    "244658",
                    "year",
                    "2015",
                    "type_of_violence",
                    "3",
                    "side_a",
                    "Group F",
                    "side_b",
                    "Civilians",
                    "country",
                    "Syria",
                    "date_start",
                    "2015-07-04",
                    "date_end",
                    "2015-07-04",
                    "best",
                    "0",
                    "date_prec",
                    "1")),
            row(
                h,
                values(
                    "id",
                    "244659",
                    "year",
                    "2015",
                    "type_of_violence",
                    "9",
                    "country",
                    "Syria",
                    "date_start",
                    "2015-07-04",
                    "best",
                    "0",
                    "date_prec",
                    "1")));
    EventFixtures.Read read = EventFixtures.read(new UcdpDataset(), file);

    assertThat(read.report().layout()).isEqualTo(UcdpDataset.GED);
    assertThat(read.events().get(0))
        .isEqualTo(
            new ConflictEvent(
                "ucdp",
                "244657",
                LocalDate.of(2015, 6, 1),
                DatePrecision.MONTH,
                "Iraq",
                "Ninawa province",
                "Town Y",
                36.33,
                43.13,
                "Government of X",
                "Group F",
                "State-based conflict",
                null,
                12,
                2));
    assertThat(read.events().get(1).eventType()).isEqualTo("One-sided violence");
    assertThat(read.events().get(1).precision()).isEqualTo(DatePrecision.DAY);
    assertThat(read.rejects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.BAD_NUMBER);
              assertThat(r.line()).isEqualTo(4);
              assertThat(r.detail()).contains("type_of_violence");
            });
  }
}
