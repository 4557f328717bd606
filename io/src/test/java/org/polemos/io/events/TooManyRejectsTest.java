package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polemos.io.events.EventFixtures.row;
import static org.polemos.io.events.EventFixtures.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import that rejects most rows for one reason fails loudly instead of looking like a success.
 */
class TooManyRejectsTest {
  @TempDir Path dir;

  /** {@code bad} of 10 rows have a date in no ACLED layout; the others are fine. */
  private Path file(int bad) throws IOException {
    List<String> h = EventFixtures.ACLED_V6_LOWER;
    String[] lines = new String[10];
    for (int i = 0; i < 10; i++) {
      lines[i] =
          row(
              h,
              values(
                  "event_id_cnty",
                  "E" + i,
                  "event_date",
                  i < bad ? "2015.01." + (10 + i) : "2015-01-10",
                  "country",
                  "Iraq",
                  "fatalities",
                  "0"));
    }
    return EventFixtures.write(dir.resolve("acled.csv"), StandardCharsets.UTF_8, "\n", h, lines);
  }

  @Test
  void moreThanTheShareRejectedForOneReasonFailsAndWritesOnlyTheRejects() throws IOException {
    Path input = file(8);
    Path out = dir.resolve("observed.csv");
    assertThatThrownBy(
            () ->
                EventImport.run(
                    new AcledDataset(),
                    input,
                    null,
                    Aggregation.monthlyEventsByCountry(),
                    out,
                    0.25))
        .isInstanceOfSatisfying(
            TooManyRejectsException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
              assertThat(e.report().rejected()).isEqualTo(8);
              assertThat(e.getMessage())
                  .contains(
                      "8 of 10 rows (80%) rejected as bad_date",
                      "more than the allowed 25% (--max-reject-share 0.25)",
                      "expected layout: acled-v6-lowercase",
                      "event_date in one of the layouts 2015-01-31, 31-Jan-2015, 31-Jan-15, 31-January-2015,",
                      "first example, line 2: event_date \"2015.01.10\" is not a date in an ACLED layout",
                      "--max-reject-share 1");
            });
    assertThat(out).doesNotExist();
    assertThat(Files.readAllLines(RejectsWriter.beside(out))).hasSize(1 + 8);
  }

  @Test
  void atOrBelowTheShareImports() throws IOException {
    Path out = dir.resolve("observed.csv");
    EventImport.Result result =
        EventImport.run(
            new AcledDataset(), file(2), null, Aggregation.monthlyEventsByCountry(), out, 0.2);
    assertThat(result.report().accepted()).isEqualTo(8);
    assertThat(out).exists();
  }

  @Test
  void shareOneAcceptsAnything() throws IOException {
    Path out = dir.resolve("observed.csv");
    EventImport.Result result =
        EventImport.run(
            new AcledDataset(), file(10), null, Aggregation.monthlyEventsByCountry(), out, 1.0);
    assertThat(result.report().rejected()).isEqualTo(10);
    assertThat(out).exists();
  }

  @Test
  void rejectsSpreadOverReasonsAreJudgedPerReason() throws IOException {
    List<String> h = EventFixtures.ACLED_V6_LOWER;
    Path input =
        EventFixtures.write(
            dir.resolve("mixed.csv"),
            StandardCharsets.UTF_8,
            "\n",
            h,
            row(h, values("event_id_cnty", "E1", "event_date", "bad", "country", "Iraq")),
            row(h, values("event_id_cnty", "E2", "event_date", "2015-01-01", "country", "")),
            row(
                h,
                values(
                    "event_id_cnty",
                    "E3",
                    "event_date",
                    "2015-01-01",
                    "country",
                    "Iraq",
                    "fatalities",
                    "x")),
            row(h, values("event_id_cnty", "E4", "event_date", "2015-01-01", "country", "Iraq")));
    EventImport.Result result =
        EventImport.run(
            new AcledDataset(),
            input,
            null,
            Aggregation.monthlyEventsByCountry(),
            dir.resolve("o.csv"),
            0.25);
    assertThat(result.report().rejected()).isEqualTo(3);
  }
}
