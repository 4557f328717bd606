package org.polemos.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.model.result.EventRecord;

class ResultWritersTest {
  @TempDir Path dir;

  @Test
  void seriesAppearsOnlyAfterCommitAndQuotesPerRfc4180() throws IOException {
    Path file = dir.resolve("series.csv");
    try (SeriesCsvWriter writer = new SeriesCsvWriter(file)) {
      writer.row(0, LocalDate.of(2014, 1, 1), "fighters", "islamic-state", 12000);
      writer.row(1, LocalDate.of(2014, 2, 1), "momentum", "", 1.25);
      writer.row(1, LocalDate.of(2014, 2, 1), "odd", "a,\"b\"", Double.NaN);
      assertThat(file).doesNotExist();
      writer.commit();
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2014-01-01,fighters,islamic-state,12000",
            "1,2014-02-01,momentum,,1.25",
            "1,2014-02-01,odd,\"a,\"\"b\"\"\",NaN");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void uncommittedOutputLeavesNothingBehind() throws IOException {
    Path file = dir.resolve("series.csv");
    try (SeriesCsvWriter writer = new SeriesCsvWriter(file)) {
      writer.row(0, LocalDate.of(2014, 1, 1), "fighters", "x", 1);
    }
    try (var listing = Files.list(dir)) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void commitReplacesAnOlderFileWhole() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "old and longer content");
    AtomicOutput.writeString(file, "new");
    assertThat(Files.readString(file)).isEqualTo("new");
  }

  @Test
  void eventLogIsOneJsonObjectPerLine() throws IOException {
    Path file = dir.resolve("events.ndjson");
    try (EventLogWriter writer = new EventLogWriter(file)) {
      writer.event(
          new EventRecord(
              0,
              160.0,
              LocalDate.of(2014, 6, 10),
              "control-changed",
              "ninawa",
              Map.of("from", "iraqi-forces")));
      writer.event(
          new EventRecord(
              0, 530.5, LocalDate.of(2015, 6, 15), "corridor-closed", "tal-abyad", Map.of()));
      writer.commit();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first.get("date").asText()).isEqualTo("2014-06-10");
    assertThat(first.get("from").asText()).isEqualTo("iraqi-forces");
    assertThat(mapper.readTree(lines.get(1)).get("day").asDouble()).isEqualTo(530.5);
  }

  @Test
  void manifestRoundTripsThroughJson() throws IOException {
    RunManifest manifest =
        new RunManifest(
            "minimal",
            "ab12",
            42,
            3,
            2,
            "0.1.0",
            List.of("run", "minimal"),
            "2026-01-01T00:00:00Z",
            Map.of("series", "series.csv"));
    Path file = dir.resolve("manifest.json");
    manifest.write(file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("command").get(1).asText()).isEqualTo("minimal");
    assertThat(json.get("files").get("series").asText()).isEqualTo("series.csv");
  }

  @Test
  void numbersAreStable() {
    assertThat(Csv.number(3.0)).isEqualTo("3");
    assertThat(Csv.number(-0.5)).isEqualTo("-0.5");
    assertThat(Csv.number(1e20)).isEqualTo("1.0E20");
    assertThat(Csv.number(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
  }
}
