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
import org.polemos.io.InputFileException;
import org.polemos.model.result.EventRecord;

class PartFileTest {
  @TempDir Path tmp;

  /** What a visitor saw, as text with every value's exact bits. */
  private static List<String> replay(Path file) throws Exception {
    List<String> seen = new ArrayList<>();
    try (PartFile.Reader reader = new PartFile.Reader(file)) {
      PartFile.Visitor v = recorder(seen);
      while (reader.next(v)) {
        seen.add("next");
      }
      assertThat(reader.units()).isEqualTo(2);
    }
    return seen;
  }

  /** A visitor that writes what it sees into {@code seen}, every value with its exact bits. */
  private static PartFile.Visitor recorder(List<String> seen) {
    return new PartFile.Visitor() {
      @Override
      public void beginUnit(int point, int replication) {
        seen.add("B " + point + " " + replication);
      }

      @Override
      public void series(int replication, LocalDate date, String metric, String key, double value) {
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
  void replaysExactlyWhatWasWrittenRowsBeforeEvents() throws Exception {
    Path file = write();
    // a unit's rows come back in their order, then its events in theirs (written between rows)
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
    assertThat(PartFile.check(file)).isEqualTo(2);
  }

  /**
   * Units whose cells vary among more layouts than a reader holds at once (so slots are replaced
   * and layouts come back) replay exactly: every unit's cells, values (random bits, NaNs and signed
   * zeros included) and events.
   */
  @Test
  void unitsOfManyLayoutsReplayExactly() throws Exception {
    Path file = tmp.resolve("many.part");
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    List<String> expected = new ArrayList<>();
    int layouts = 2 * PartFile.SLOTS + 3;
    try (PartFile.Writer w = new PartFile.Writer(file)) {
      for (int u = 0; u < 200; u++) {
        int layout = random.nextInt(layouts);
        w.beginUnit(u % 3, u);
        expected.add("B " + (u % 3) + " " + u);
        List<String> events = new ArrayList<>();
        for (int row = 0; row < 5 + layout; row++) {
          LocalDate date = LocalDate.of(2014, 1, 1).plusDays(10 * (row / 4));
          String metric = "m" + (row % 4);
          String key = "k" + ((row * layout) % 7);
          double value =
              switch (random.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> Double.NaN;
                case 2 -> -0.0;
                default -> random.nextInt(100);
              };
          w.series(u, date, metric, key, value);
          expected.add(
              "R "
                  + u
                  + " "
                  + date
                  + " "
                  + metric
                  + " "
                  + key
                  + " "
                  + Long.toHexString(Double.doubleToRawLongBits(value)));
          if (row % 6 == layout % 6) {
            EventRecord e =
                new EventRecord(u, row + 0.25, date, "t" + (row % 2), "s" + layout, details());
            w.event(e);
            events.add("E " + e);
          }
        }
        w.endUnit();
        expected.addAll(events);
        expected.add("U");
      }
      w.commit();
    }
    List<String> seen = new ArrayList<>();
    try (PartFile.Reader reader = new PartFile.Reader(file)) {
      PartFile.Visitor v = recorder(seen);
      while (reader.next(v)) {
        // all units
      }
      assertThat(reader.units()).isEqualTo(200);
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(PartFile.check(file)).isEqualTo(200);
  }

  /**
   * The same cells in every unit are written once: a unit then costs 8 bytes a row and a little.
   */
  @Test
  void repeatedCellsAreWrittenOnce() throws Exception {
    Path file = tmp.resolve("same.part");
    int rows = 1000;
    int units = 50;
    try (PartFile.Writer w = new PartFile.Writer(file)) {
      for (int u = 0; u < units; u++) {
        w.beginUnit(0, u);
        for (int row = 0; row < rows; row++) {
          w.series(u, LocalDate.of(2014, 1, 1).plusDays(row / 10), "metric", "k" + row % 10, row);
        }
        w.endUnit();
      }
      w.commit();
    }
    // per unit: 'B' 9, 'V' 9, 8 per row, 'U' 5; once: the layout (12 a row), strings, header
    long perUnit = 9 + 9 + 8L * rows + 5;
    long once = 9 + 12L * rows;
    assertThat(Files.size(file)).isBetween(units * perUnit + once, units * perUnit + once + 200);
  }

  @Test
  void aFileCutShortIsReportedNotReplayedAsComplete() throws Exception {
    Path file = write();
    byte[] bytes = Files.readAllBytes(file);
    for (int cut : new int[] {bytes.length - 1, bytes.length - 9, bytes.length / 2, 20}) {
      Path shorter = tmp.resolve("cut" + cut);
      Files.write(shorter, java.util.Arrays.copyOf(bytes, cut));
      assertThatThrownBy(() -> replay(shorter))
          .isInstanceOf(InputFileException.class)
          .hasMessageStartingWith(shorter + ": ")
          .hasMessageContaining("cut short");
      assertThatThrownBy(() -> PartFile.check(shorter))
          .isInstanceOf(InputFileException.class)
          .hasMessageStartingWith(shorter + ": ")
          .hasMessageContaining("cut short");
    }
    for (int cut : new int[] {0, 3, 19}) { // not even a header
      Path shorter = tmp.resolve("head" + cut);
      Files.write(shorter, java.util.Arrays.copyOf(bytes, cut));
      assertThatThrownBy(() -> new PartFile.Reader(shorter))
          .isInstanceOf(InputFileException.class)
          .hasMessage(shorter + ": not a Polemos part file");
    }
    Path other = tmp.resolve("other");
    Files.writeString(other, "date,metric\n");
    assertThatThrownBy(() -> new PartFile.Reader(other))
        .hasMessage(other + ": not a Polemos part file");
    assertThatThrownBy(() -> PartFile.check(other)).hasMessage(other + ": not a Polemos part file");
  }

  /** A part of the previous format (version 1: the same header with version 1) is refused. */
  @Test
  void aPartOfAnotherFormatVersionIsRefusedInOneLine() throws Exception {
    Path old = tmp.resolve("old.part");
    java.nio.ByteBuffer v1 = java.nio.ByteBuffer.allocate(4 + 12 + 4 + 9);
    v1.putInt(12).put("polemos-part".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    v1.putInt(1).put((byte) 'Z').putLong(0);
    Files.write(old, v1.array());
    String message =
        old
            + ": part file of format version 1, but this Polemos reads version "
            + PartFile.VERSION
            + " (the shard ran with another Polemos); rerun the shard with this one";
    assertThatThrownBy(() -> new PartFile.Reader(old)).hasMessage(message);
    assertThatThrownBy(() -> PartFile.check(old)).hasMessage(message);
    assertThat(message).doesNotContain("\n");
  }

  /**
   * Every single flipped byte of a part file is found (header, records, values, checksums, end
   * record): reading it ends in a one-line error naming the file, never in a replay that looks
   * complete.
   */
  @Test
  void everyFlippedByteIsFound() throws Exception {
    Path file = write();
    byte[] bytes = Files.readAllBytes(file);
    Path damaged = tmp.resolve("damaged.part");
    for (int i = 0; i < bytes.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] copy = bytes.clone();
        copy[i] ^= (byte) bit;
        Files.write(damaged, copy);
        assertThatThrownBy(() -> replay(damaged))
            .as("byte %d bit %x", i, bit)
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith(damaged + ": ")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      }
    }
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
