package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservedFileTest {
  @TempDir Path tmp;

  @Test
  void readsTidyRows() throws Exception {
    Path file = tmp.resolve("obs.csv");
    Files.writeString(
        file,
        "replication,date,metric,key,value\n0,2015-01-01,territory_km2,islamic-state,90800\n\n"
            + "0,2015-06-30,momentum,,1.2\n");
    assertThat(ObservedFile.read(file))
        .containsExactly(
            new ObservedPoint(
                "territory_km2",
                "islamic-state",
                LocalDate.of(2015, 1, 1),
                LocalDate.of(2015, 1, 1),
                90800,
                90800,
                "observed (obs.csv)",
                ""),
            new ObservedPoint(
                "momentum",
                "",
                LocalDate.of(2015, 6, 30),
                LocalDate.of(2015, 6, 30),
                1.2,
                1.2,
                "observed (obs.csv)",
                ""));
  }

  @Test
  void rejectsAMalformedLineWithItsNumber() throws Exception {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(
        file,
        "replication,date,metric,key,value\n0,2015-01-01,fighters,islamic-state,100\n"
            + "0,2015-02-01,fighters,islamic-state,lots\n");
    assertThatThrownBy(() -> ObservedFile.read(file))
        .isInstanceOf(ReportException.class)
        .hasMessage(file + ":3: value 'lots' is not a number");

    Files.writeString(
        file, "replication,date,metric,key,value\n0,2015-13-01,fighters,islamic-state,100\n");
    assertThatThrownBy(() -> ObservedFile.read(file))
        .hasMessageStartingWith(file + ":2: date '2015-13-01'");

    Files.writeString(file, "replication,date,metric,key,value\n0,2015-01-01,fighters\n");
    assertThatThrownBy(() -> ObservedFile.read(file))
        .hasMessageStartingWith(file + ":2: expected 5 fields");

    Files.writeString(file, "date,value\n");
    assertThatThrownBy(() -> ObservedFile.read(file))
        .hasMessageStartingWith(file + ":1: expected the header");
  }
}
