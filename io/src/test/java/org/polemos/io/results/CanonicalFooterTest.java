package org.polemos.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: Parquet bytes must not depend on the JVM's threads. parquet-mr lists each column
 * chunk's encodings in hash-set order (identity hash codes), so another JVM may write them in
 * another order; {@link CanonicalFooter} sorts them. Since the order is fixed within one JVM, the
 * test simulates the other JVM by permuting the lists.
 */
class CanonicalFooterTest {
  @TempDir Path dir;

  private byte[] table() throws Exception {
    Path file = dir.resolve("series.parquet");
    try (ParquetSeriesWriter writer = new ParquetSeriesWriter(file)) {
      for (int r = 0; r < 3; r++) {
        for (int m = 0; m < 24; m++) {
          writer.row(
              r,
              LocalDate.of(2014, 1, 31).plusMonths(m),
              m % 2 == 0 ? "territory_km2" : "momentum",
              m % 3 == 0 ? "" : "islamic-state",
              r * 1000.5 + m);
        }
      }
      writer.commit();
    }
    return Files.readAllBytes(file);
  }

  private static int footerLength(byte[] file) {
    int at = file.length - 8;
    return (file[at] & 0xFF)
        | (file[at + 1] & 0xFF) << 8
        | (file[at + 2] & 0xFF) << 16
        | (file[at + 3] & 0xFF) << 24;
  }

  private static FileMetaData footer(byte[] file) throws Exception {
    int length = footerLength(file);
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
  }

  private static List<List<Encoding>> encodings(FileMetaData footer) {
    List<List<Encoding>> all = new ArrayList<>();
    for (RowGroup g : footer.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        all.add(c.getMeta_data().getEncodings());
      }
    }
    return all;
  }

  @Test
  void everyColumnListsItsEncodingsInOneOrder() throws Exception {
    List<List<Encoding>> lists = encodings(footer(table()));
    assertThat(lists).isNotEmpty().anySatisfy(l -> assertThat(l).hasSizeGreaterThan(1));
    for (List<Encoding> l : lists) {
      List<Integer> values = l.stream().map(Encoding::getValue).toList();
      assertThat(values).isSorted();
    }
  }

  @Test
  void anotherJvmsEncodingOrderGivesTheSameBytes() throws Exception {
    byte[] canonical = table();
    FileMetaData footer = footer(canonical);
    boolean changed = false;
    for (List<Encoding> l : encodings(footer)) {
      if (l.size() > 1) {
        Collections.reverse(l);
        changed = true;
      }
    }
    assertThat(changed).isTrue();
    ByteArrayOutputStream permutedFooter = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, permutedFooter);
    int length = footerLength(canonical);
    assertThat(permutedFooter.size()).isEqualTo(length);
    byte[] permuted = canonical.clone();
    System.arraycopy(
        permutedFooter.toByteArray(), 0, permuted, canonical.length - 8 - length, length);
    assertThat(permuted).isNotEqualTo(canonical);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CanonicalFooter stream = new CanonicalFooter(out);
    // written in uneven pieces, as the writer does
    for (int i = 0; i < permuted.length; i += 977) {
      stream.write(permuted, i, Math.min(977, permuted.length - i));
    }
    stream.finish();
    assertThat(out.toByteArray()).isEqualTo(canonical);
  }

  @Test
  void aFileLargerThanTheHeldTailPassesThroughWhole() throws Exception {
    byte[] data = new byte[3 * CanonicalFooter.TAIL + 12345];
    new java.util.Random(7).nextBytes(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CanonicalFooter stream = new CanonicalFooter(out);
    stream.write(data, 0, 100);
    stream.write(data, 100, data.length - 100);
    stream.finish();
    assertThat(out.toByteArray()).isEqualTo(data);
  }
}
