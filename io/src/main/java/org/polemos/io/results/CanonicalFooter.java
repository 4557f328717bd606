package org.polemos.io.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Passes a Parquet file's bytes through, holding back the last {@value #TAIL} bytes until {@link
 * #finish()}, then writes the footer in canonical form: the encodings of each column chunk (and
 * their page statistics) sorted. parquet-mr collects them in a hash set whose order follows
 * identity hash codes, which differ with the threads a JVM has started, so without this the same
 * table gave footers 10-22 bytes apart with the thread count. Sorting a list of small enum values
 * does not change its encoded length, so the footer keeps its size and offsets.
 */
final class CanonicalFooter extends OutputStream {
  /** Bytes held back: far more than the footer of any table the project writes. */
  static final int TAIL = 1 << 20;

  private static final int MAGIC_AND_LENGTH = 8;

  private final OutputStream out;
  private final byte[] buffer = new byte[2 * TAIL];
  private int held;

  CanonicalFooter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (held == buffer.length) {
        // pass on all but the last TAIL bytes
        out.write(buffer, 0, held - TAIL);
        System.arraycopy(buffer, held - TAIL, buffer, 0, TAIL);
        held = TAIL;
      }
      int n = Math.min(len, buffer.length - held);
      System.arraycopy(b, off, buffer, held, n);
      held += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void flush() {
    // held bytes are written by finish()
  }

  /** Writes the held bytes, the footer canonicalised when it lies whole among them. */
  void finish() throws IOException {
    canonicalise();
    out.write(buffer, 0, held);
    held = 0;
    out.flush();
  }

  private void canonicalise() throws IOException {
    if (held < MAGIC_AND_LENGTH
        || buffer[held - 4] != 'P'
        || buffer[held - 3] != 'A'
        || buffer[held - 2] != 'R'
        || buffer[held - 1] != '1') {
      return; // not a Parquet file's end: left as written
    }
    int lengthAt = held - MAGIC_AND_LENGTH;
    int length =
        (buffer[lengthAt] & 0xFF)
            | (buffer[lengthAt + 1] & 0xFF) << 8
            | (buffer[lengthAt + 2] & 0xFF) << 16
            | (buffer[lengthAt + 3] & 0xFF) << 24;
    int start = lengthAt - length;
    if (length <= 0 || start < 0) {
      return; // not whole in the tail: left as written
    }
    FileMetaData footer;
    try {
      footer = Util.readFileMetaData(new ByteArrayInputStream(buffer, start, length));
    } catch (IOException | RuntimeException e) {
      return; // unreadable: left as written
    }
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData meta = chunk.getMeta_data();
        if (meta == null) {
          continue;
        }
        meta.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
        List<PageEncodingStats> stats = meta.getEncoding_stats();
        if (stats != null) {
          stats.sort(
              Comparator.<PageEncodingStats>comparingInt(s -> s.getPage_type().getValue())
                  .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream canonical = new ByteArrayOutputStream(length);
    Util.writeFileMetaData(footer, canonical);
    if (canonical.size() == length) {
      System.arraycopy(canonical.toByteArray(), 0, buffer, start, length);
    }
  }
}
