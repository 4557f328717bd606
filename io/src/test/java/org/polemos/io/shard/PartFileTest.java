package org.polemos.io.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.model.result.EventRecord;

class PartFileTest {
  @TempDir Path tmp;

  /** What a visitor saw, as text with every value's exact bits. */
  private static List<String> replay(Path file) throws Exception {
    List<String> seen = new ArrayList<>();
    try (PartFile.Reader reader = new PartFile.Reader(file)) {
      PartFile.Visitor v =
          new PartFile.Visitor() {
            @Override
            public void beginUnit(int point, int replication) {
              seen.add("B " + point + " " + replication);
            }

            @Override
            public void series(
                int replication, LocalDate date, String metric, String key, double value) {
              seen.add(
                  "R "
                      + replication
                      + " "
                      + date
                      + " "
                      + metric
                      + " "
                      + key
                      + " "
                      + Long.toHexString(Double.doubleToRawLongBits(value)));
            }

            @Override
            public void event(EventRecord e) {
              seen.add("E " + e);
            }

            @Override
            public void endUnit() {
              seen.add("U");
            }
          };
      while (reader.next(v)) {
        seen.add("next");
      }
      assertThat(reader.units()).isEqualTo(2);
    }
    return seen;
  }

  /** Details in insertion order, as events keep them. */
  private static Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", "government");
    details.put("to", "islamic-state");
    return details;
  }

  private Path write() throws Exception {
    Path file = tmp.resolve(PartFile.NAME);
    Map<String, String> details = details();
    try (PartFile.Writer w = new PartFile.Writer(file)) {
      w.beginUnit(3, 7);
      w.series(7, LocalDate.of(2014, 6, 10), "fighters", "all", 0.1 + 0.2);
      w.series(7, LocalDate.of(2014, 6, 10), "fighters", "", Double.NaN);
      w.event(
          new EventRecord(7, 12.5, LocalDate.of(2014, 6, 22), "control-changed", "mosul", details));
      w.endUnit();
      w.beginUnit(3, 8);
      w.series(8, LocalDate.of(2014, 7, 10), "fighters", "all", -0.0);
      w.endUnit();
      assertThat(file).doesNotExist(); // atomic: not there before commit
      w.commit();
    }
    return file;
  }

  @Test
  void replaysExactlyWhatWasWritten() throws Exception {
    Path file = write();
    assertThat(replay(file))
        .containsExactly(
            "B 3 7",
            "R 7 2014-06-10 fighters all "
                + Long.toHexString(Double.doubleToRawLongBits(0.1 + 0.2)),
            "R 7 2014-06-10 fighters  " + Long.toHexString(Double.doubleToRawLongBits(Double.NaN)),
            "E "
                + new EventRecord(
                    7, 12.5, LocalDate.of(2014, 6, 22), "control-changed", "mosul", details()),
            "U",
            "next",
            "B 3 8",
            "R 8 2014-07-10 fighters all " + Long.toHexString(Double.doubleToRawLongBits(-0.0)),
            "U",
            "next");
  }

  @Test
  void aFileCutShortIsReportedNotReplayedAsComplete() throws Exception {
    Path file = write();
    byte[] bytes = Files.readAllBytes(file);
    for (int cut : new int[] {bytes.length - 1, bytes.length - 9, bytes.length / 2}) {
      Path shorter = tmp.resolve("cut" + cut);
      Files.write(shorter, java.util.Arrays.copyOf(bytes, cut));
      assertThatThrownBy(() -> replay(shorter)).hasMessageContaining("cut short");
    }
    Path other = tmp.resolve("other");
    Files.writeString(other, "date,metric\n");
    assertThatThrownBy(() -> new PartFile.Reader(other))
        .hasMessageContaining("not a Polemos part file");
  }

  @Test
  void anUncommittedWriterLeavesNothing() throws Exception {
    Path file = tmp.resolve(PartFile.NAME);
    try (PartFile.Writer w = new PartFile.Writer(file)) {
      w.beginUnit(0, 0);
    }
    try (var entries = Files.list(tmp)) {
      assertThat(entries).isEmpty();
    }
  }
}
