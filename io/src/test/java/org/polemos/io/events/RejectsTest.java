package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polemos.io.events.EventFixtures.row;
import static org.polemos.io.events.EventFixtures.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsTest {
  @TempDir Path dir;

  private static final List<String> H = EventFixtures.ACLED_CURRENT;

  private static String good(String id, String date) {
    return row(
        H,
        values(
            "event_id_cnty",
            id,
            "event_date",
            date,
            "time_precision",
            "1",
            "event_type",
            "Battles",
            "actor1",
            "Group A",
            "country",
            "Iraq",
            "admin1",
            "Ninewa",
            "fatalities",
            "1",
            "notes",
            "a\nb"));
  }

  /** A file exercising every kind of broken row; good rows carry a two-line note. */
  private Path messy() throws IOException {
    String bad =
        row(H, values("event_id_cnty", "X3", "event_date", "2020-02-30", "country", "Iraq"));
    String badNumber =
        row(
            H,
            values(
                "event_id_cnty",
                "X4",
                "event_date",
                "2020-02-03",
                "country",
                "Iraq",
                "fatalities",
                "many"));
    String noCountry = row(H, values("event_id_cnty", "X5", "event_date", "2020-02-03"));
    return EventFixtures.write(
        dir.resolve("messy.csv"),
        StandardCharsets.UTF_8,
        "\n",
        H,
        good("X1", "2020-02-01"), // lines 2-3
        "X2,2020-02-02,too,few,columns", // line 4
        "", // line 5, blank: skipped, not a row
        bad, // line 6
        badNumber, // line 7
        noCountry, // line 8
        good("X6", "2020-03-01"), // lines 9-10
        "X7,2020-02-02,2020,1,\"unterminated quote,with the file ending inside it"); // line 11,
    // truncated
  }

  @Test
  void brokenRowsAreRejectedWithTheirLineAndReasonAndNeverFatal() throws IOException {
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), messy());

    assertThat(read.events()).extracting(ConflictEvent::rowId).containsExactly("X1", "X6");
    assertThat(read.events()).extracting(ConflictEvent::line).containsExactly(2L, 9L);
    assertThat(read.rejects()).extracting(Rejection::line).containsExactly(4L, 6L, 7L, 8L, 11L);
    assertThat(read.rejects())
        .extracting(Rejection::reason)
        .containsExactly(
            RejectReason.WRONG_COLUMN_COUNT,
            RejectReason.BAD_DATE,
            RejectReason.BAD_NUMBER,
            RejectReason.MISSING_VALUE,
            RejectReason.TRUNCATED_RECORD);
    assertThat(read.rejects().get(0).detail()).isEqualTo("expected 31 fields, found 5");
    assertThat(read.rejects().get(0).excerpt()).isEqualTo("X2,2020-02-02,too,few,columns");
    assertThat(read.rejects().get(2).detail()).contains("fatalities", "many");
    ImportReport report = read.report();
    assertThat(report.rowsRead()).isEqualTo(7).isEqualTo(report.accepted() + report.rejected());
    assertThat(report.rejectedByReason())
        .containsExactly(
            Map.entry(RejectReason.WRONG_COLUMN_COUNT, 1L),
            Map.entry(RejectReason.BAD_DATE, 1L),
            Map.entry(RejectReason.BAD_NUMBER, 1L),
            Map.entry(RejectReason.MISSING_VALUE, 1L),
            Map.entry(RejectReason.TRUNCATED_RECORD, 1L));
    assertThat(report.format())
        .contains("rows read  7", "accepted   2", "rejected   5", "  bad_date 1");
  }

  @Test
  void textAfterAClosingQuoteIsMalformedAndReadingGoesOn() throws IOException {
    Path file = dir.resolve("q.csv");
    Files.writeString(
        file,
        EventFixtures.header(H)
            + "\n"
            + "\"X1\"junk,"
            + good("X1", "2020-01-01").substring(3)
            + "\n"
            + good("X2", "2020-01-02")
            + "\n");
    EventFixtures.Read read = EventFixtures.read(new AcledDataset(), file);
    assertThat(read.rejects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
              assertThat(r.line()).isEqualTo(2);
            });
    assertThat(read.events()).extracting(ConflictEvent::rowId).containsExactly("X2");
  }

  @Test
  void rejectsFileIsWrittenBesideTheOutput() throws IOException {
    Path out = dir.resolve("observed.csv");
    EventImport.Result result =
        EventImport.run(
            new AcledDataset(), messy(), null, Aggregation.monthlyEventsByCountry(), out, 1.0);
    assertThat(result.rejects()).isEqualTo(dir.resolve("observed.rejects.csv"));
    List<String> lines = Files.readAllLines(result.rejects());
    assertThat(lines.get(0)).isEqualTo("line,reason,detail,excerpt");
    assertThat(lines.get(1))
        .isEqualTo(
            "4,wrong_column_count,\"expected 31 fields, found 5\","
                + "\"X2,2020-02-02,too,few,columns\"");
    assertThat(lines.get(2))
        .startsWith(
            "6,bad_date,\"event_date \"\"2020-02-30\"\" is not a date in an ACLED layout\",\"X3,2020-02-30,");
    assertThat(lines).hasSize(6);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2020-02-01,observed_events,Iraq,1",
            "0,2020-03-01,observed_events,Iraq,1");
  }
}
