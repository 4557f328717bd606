package org.polemos.io.shard;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.polemos.io.InputFileException;
import org.polemos.io.results.AtomicOutput;
import org.polemos.model.result.EventRecord;

/**
 * {@code units.part}: the outputs of a shard's work units (every series row and every event of each
 * unit, values as their exact IEEE-754 bits), so a merge can replay them into the same writers a
 * single process uses and get the same bytes. The only place this format is written or read.
 *
 * <p>A unit's series rows are its values only: the cells they belong to (date, metric, key, in row
 * order) are a <em>layout</em> written once and named by a slot number afterwards, since every
 * replication of a scenario writes the same cells in the same order (a levant-2014 replication:
 * about 35,000 rows, 8 bytes each instead of 21). A unit whose cells differ gets its own layout; at
 * most {@value #SLOTS} layouts are held at a time (writer and reader alike), the oldest replaced
 * first. A unit's rows are replayed before its events; rows keep their order and events theirs,
 * which is all any output depends on (a multi-threaded run hands them on the same way, {@code
 * ReplicationBuffer}).
 *
 * <p>Layout (big-endian): the magic {@code "polemos-part"} (as a string, below) and the format
 * version (int, {@value #VERSION}), then tagged records (one byte each): {@code 'S'} a string given
 * the next id (UTF-8 length int and bytes); {@code 'L'} a layout (slot int, rows int, then per row
 * epoch day int, metric id int, key id int); {@code 'B'} begin unit (point int, replication int);
 * {@code 'V'} the unit's values (slot int, rows int, then the value bits as longs, one per row of
 * the layout); {@code 'E'} an event (replication int, day bits long, epoch day int, type id,
 * subject id, detail count int, then key id and value id per detail); {@code 'U'} end of unit,
 * followed by the CRC-32C (int) of every byte from the end of the previous unit (or the header)
 * through this {@code 'U'}; {@code 'Z'} end of file (units long). Records are assembled in a 64 kB
 * buffer, not written field by field.
 *
 * <p>A file that is not a part file, of another format version, cut short or damaged is refused
 * with an {@link InputFileException} naming the file.
 */
public final class PartFile {
  public static final String NAME = "units.part";
  private static final String MAGIC = "polemos-part";

  /** The format version; version 1 wrote every row as (date, metric, key, value). */
  public static final int VERSION = 2;

  /** Layouts held at a time. */
  static final int SLOTS = 16;

  /** Most rows a unit may have (a levant-2014 replication has about 35,000). */
  static final int MAX_ROWS = 1 << 24;

  private static final int HEADER = 4 + MAGIC.length() + 4;
  private static final int TRAILER = 1 + 8;

  private PartFile() {}

  /** Receives a part file's records in order. */
  public interface Visitor {
    void beginUnit(int point, int replication);

    void series(int replication, LocalDate date, String metric, String key, double value);

    void event(EventRecord event);

    void endUnit();
  }

  /**
   * Checks the header and the end record of {@code file} without reading the units between them, so
   * a merge refuses a part of another version or cut short before replaying anything.
   *
   * @return the number of units the end record counts
   * @throws InputFileException naming the file when it is not a complete part file of this version
   */
  public static long check(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      while (head.hasRemaining() && channel.read(head) >= 0) {
        // read the whole header
      }
      head.flip();
      header(file, head);
      if (size < HEADER + TRAILER) {
        throw cutShort(file, 0);
      }
      ByteBuffer tail = ByteBuffer.allocate(TRAILER);
      channel.position(size - TRAILER);
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // read the whole end record
      }
      tail.flip();
      long units = tail.get() == 'Z' ? tail.getLong() : -1;
      if (units < 0) {
        throw InputFileException.of(
            file.toString(),
            "part file without its end record: cut short or damaged (an incomplete shard); rerun"
                + " the shard");
      }
      return units;
    }
  }

  /** Checks magic and version in {@code head}, which holds the header's bytes read so far. */
  private static void header(Path file, ByteBuffer head) {
    if (head.remaining() < HEADER
        || head.getInt() != MAGIC.length()
        || !MAGIC.equals(
            new String(
                Arrays.copyOfRange(head.array(), head.position(), head.position() + MAGIC.length()),
                StandardCharsets.UTF_8))) {
      throw InputFileException.of(file.toString(), "not a Polemos part file");
    }
    head.position(head.position() + MAGIC.length());
    int version = head.getInt();
    if (version != VERSION) {
      throw InputFileException.of(
          file.toString(),
          "part file of format version "
              + version
              + ", but this Polemos reads version "
              + VERSION
              + " (the shard ran with another Polemos); rerun the shard with this one");
    }
  }

  private static InputFileException cutShort(Path file, long units) {
    return InputFileException.of(
        file.toString(),
        "part file cut short after " + units + " units (an incomplete shard); rerun the shard");
  }

  /** Writes a part file atomically: nothing appears under the name until {@link #commit()}. */
  public static final class Writer implements AutoCloseable {
    private final AtomicOutput output;
    private final OutputStream out;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final CRC32C crc = new CRC32C();
    private int crcFrom;
    private final Map<String, Integer> ids = new HashMap<>();
    private LocalDate lastDate;
    private int lastDay;
    private int replication = -1;
    private long units;

    // the unit being written: its cells (3 ints a row), values and events
    private int[] cells = new int[3 * 1024];
    private double[] values = new double[1024];
    private int rows;
    private final List<EventRecord> events = new ArrayList<>();
    // the metric and key of each row of the last unit and their ids, which spares a lookup when
    // they repeat
    private String[] rowMetrics = new String[1024];
    private int[] rowMetricIds = new int[1024];
    private String[] rowKeys = new String[1024];
    private int[] rowKeyIds = new int[1024];

    // the layouts the reader holds: cells per slot, and which slot is replaced next
    private final int[][] layouts = new int[SLOTS][];
    private final int[] layoutHashes = new int[SLOTS];
    private int lastSlot = -1;
    private int layoutsWritten;

    public Writer(Path target) throws IOException {
      this.output = AtomicOutput.open(target);
      this.out = output.stream();
      string(MAGIC);
      room(4);
      buffer.putInt(VERSION);
      crcFrom = buffer.position();
    }

    /** Makes room for {@code n} more bytes, writing out what the buffer holds when needed. */
    private void room(int n) throws IOException {
      if (buffer.remaining() < n) {
        flush();
        if (buffer.capacity() < n) {
          buffer = ByteBuffer.allocate(n);
        }
      }
    }

    private void flush() throws IOException {
      crc.update(buffer.array(), crcFrom, buffer.position() - crcFrom);
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
      crcFrom = 0;
    }

    private void string(String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      room(4 + bytes.length);
      buffer.putInt(bytes.length).put(bytes);
    }

    private int id(String text) throws IOException {
      Integer id = ids.get(text);
      if (id == null) {
        id = ids.size();
        ids.put(text, id);
        room(1);
        buffer.put((byte) 'S');
        string(text);
      }
      return id;
    }

    public void beginUnit(int point, int replication) throws IOException {
      this.replication = replication;
      rows = 0;
      events.clear();
      room(9);
      buffer.put((byte) 'B').putInt(point).putInt(replication);
    }

    public void series(int replication, LocalDate date, String metric, String key, double value)
        throws IOException {
      if (replication != this.replication) {
        throw new IllegalStateException(
            "row of replication " + replication + " in unit of " + this.replication);
      }
      java.util.Objects.requireNonNull(metric, "metric");
      java.util.Objects.requireNonNull(key, "key");
      if (rows == values.length) {
        if (rows >= MAX_ROWS) {
          throw new IllegalStateException("a unit of more than " + MAX_ROWS + " rows");
        }
        values = Arrays.copyOf(values, 2 * rows);
        cells = Arrays.copyOf(cells, 6 * rows);
      }
      if (rows == rowKeys.length) {
        rowMetrics = Arrays.copyOf(rowMetrics, 2 * rows);
        rowMetricIds = Arrays.copyOf(rowMetricIds, 2 * rows);
        rowKeys = Arrays.copyOf(rowKeys, 2 * rows);
        rowKeyIds = Arrays.copyOf(rowKeyIds, 2 * rows);
      }
      int c = 3 * rows;
      if (date != lastDate) { // rows come date by date
        lastDay = (int) date.toEpochDay();
        lastDate = date;
      }
      cells[c] = lastDay;
      if (metric != rowMetrics[rows]) { // mostly the same object as the last unit's in this row
        rowMetrics[rows] = metric;
        rowMetricIds[rows] = id(metric);
      }
      cells[c + 1] = rowMetricIds[rows];
      if (key != rowKeys[rows]) {
        rowKeys[rows] = key;
        rowKeyIds[rows] = id(key);
      }
      cells[c + 2] = rowKeyIds[rows];
      values[rows++] = value;
    }

    public void event(EventRecord event) throws IOException {
      id(event.type());
      id(event.subject());
      for (Map.Entry<String, String> d : event.details().entrySet()) {
        id(d.getKey());
        id(d.getValue());
      }
      events.add(event);
    }

    /** The slot holding this unit's cells, writing them as a new layout when none does. */
    private int layout() throws IOException {
      int n = 3 * rows;
      if (lastSlot >= 0 && same(layouts[lastSlot], n)) {
        return lastSlot;
      }
      int hash = 1;
      for (int i = 0; i < n; i++) {
        hash = 31 * hash + cells[i];
      }
      for (int s = 0; s < SLOTS; s++) {
        if (layouts[s] != null && layoutHashes[s] == hash && same(layouts[s], n)) {
          lastSlot = s;
          return s;
        }
      }
      int slot = layoutsWritten++ % SLOTS;
      layouts[slot] = Arrays.copyOf(cells, n);
      layoutHashes[slot] = hash;
      lastSlot = slot;
      room(9);
      buffer.put((byte) 'L').putInt(slot).putInt(rows);
      for (int i = 0; i < n; i++) {
        room(4);
        buffer.putInt(cells[i]);
      }
      return slot;
    }

    private boolean same(int[] layout, int n) {
      return layout.length == n && Arrays.equals(layout, 0, n, cells, 0, n);
    }

    public void endUnit() throws IOException {
      if (rows > 0) {
        int slot = layout();
        room(9);
        buffer.put((byte) 'V').putInt(slot).putInt(rows);
        int i = 0;
        while (i < rows) {
          room(8);
          int end = Math.min(rows, i + buffer.remaining() / 8);
          for (; i < end; i++) {
            buffer.putLong(Double.doubleToRawLongBits(values[i]));
          }
        }
      }
      for (EventRecord event : events) {
        Map<String, String> details = event.details();
        room(29 + 8 * details.size());
        buffer
            .put((byte) 'E')
            .putInt(event.replication())
            .putLong(Double.doubleToRawLongBits(event.day()))
            .putInt((int) event.date().toEpochDay())
            .putInt(ids.get(event.type()))
            .putInt(ids.get(event.subject()))
            .putInt(details.size());
        for (Map.Entry<String, String> d : details.entrySet()) {
          buffer.putInt(ids.get(d.getKey())).putInt(ids.get(d.getValue()));
        }
      }
      events.clear();
      rows = 0;
      room(5);
      buffer.put((byte) 'U');
      crc.update(buffer.array(), crcFrom, buffer.position() - crcFrom);
      buffer.putInt((int) crc.getValue());
      crc.reset();
      crcFrom = buffer.position();
      units++;
    }

    /** Writes the end record and moves the file into place. */
    public void commit() throws IOException {
      room(TRAILER);
      buffer.put((byte) 'Z').putLong(units);
      flush();
      output.commit();
    }

    @Override
    public void close() throws IOException {
      output.close();
    }
  }

  /**
   * Reads a part file unit by unit; memory holds a 64 kB buffer, the string table and the layouts.
   */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final ReadableByteChannel in;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).flip();
    private final CRC32C crc = new CRC32C();
    private int crcFrom;
    private final List<String> strings = new ArrayList<>();
    private final Map<Integer, LocalDate> dates = new HashMap<>();
    private final LocalDate[][] layoutDates = new LocalDate[SLOTS][];
    private final String[][] layoutMetrics = new String[SLOTS][];
    private final String[][] layoutKeys = new String[SLOTS][];
    private long units;
    private boolean ended;

    /**
     * Opens {@code file} and checks its header.
     *
     * @throws InputFileException naming the file when it is not a part file of this version
     */
    public Reader(Path file) throws IOException {
      this.file = file;
      this.in = Files.newByteChannel(file);
      try {
        try {
          need(HEADER);
        } catch (EOFException e) {
          // too short for a header: header() says what it is
        }
        header(file, buffer);
        crcFrom = buffer.position();
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    }

    /** Makes {@code n} bytes readable from the buffer, reading more of the file when needed. */
    private void need(int n) throws IOException {
      if (buffer.remaining() >= n) {
        return;
      }
      crc.update(buffer.array(), crcFrom, buffer.position() - crcFrom);
      crcFrom = 0;
      if (buffer.capacity() < n) {
        buffer = ByteBuffer.allocate(n).put(buffer).flip();
      }
      buffer.compact();
      while (buffer.position() < n) {
        if (in.read(buffer) < 0) {
          buffer.flip();
          throw new EOFException();
        }
      }
      buffer.flip();
    }

    private String readString() throws IOException {
      need(4);
      int length = buffer.getInt();
      if (length < 0 || length > (1 << 24)) {
        throw damaged("string of length " + length);
      }
      need(length);
      byte[] bytes = new byte[length];
      buffer.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Replays the next unit into {@code visitor}: its rows, then its events; false at the end of
     * the file.
     *
     * @throws InputFileException naming the file when it is cut short or damaged
     */
    public boolean next(Visitor visitor) throws IOException {
      if (ended) {
        return false;
      }
      try {
        boolean inUnit = false;
        int replication = -1;
        while (true) {
          need(1);
          int tag = buffer.get();
          switch (tag) {
            case 'S' -> strings.add(readString());
            case 'L' -> readLayout();
            case 'B' -> {
              if (inUnit) {
                throw damaged("unit begun twice");
              }
              need(8);
              int point = buffer.getInt();
              replication = buffer.getInt();
              inUnit = true;
              visitor.beginUnit(point, replication);
            }
            case 'V' -> {
              if (!inUnit) {
                throw damaged("values outside a unit");
              }
              readValues(replication, visitor);
            }
            case 'E' -> {
              need(28);
              int rep = buffer.getInt();
              double day = Double.longBitsToDouble(buffer.getLong());
              LocalDate date = date(buffer.getInt());
              String type = string(buffer.getInt());
              String subject = string(buffer.getInt());
              int n = buffer.getInt();
              if (n < 0 || n > (1 << 16)) {
                throw damaged("event with " + n + " details");
              }
              need(8 * n);
              Map<String, String> details = new LinkedHashMap<>();
              for (int i = 0; i < n; i++) {
                details.put(string(buffer.getInt()), string(buffer.getInt()));
              }
              visitor.event(new EventRecord(rep, day, date, type, subject, details));
            }
            case 'U' -> {
              if (!inUnit) {
                throw damaged("unit ended before it began");
              }
              crc.update(buffer.array(), crcFrom, buffer.position() - crcFrom);
              crcFrom = buffer.position();
              need(4);
              if (buffer.getInt() != (int) crc.getValue()) {
                throw damaged("checksum of a unit does not match its bytes");
              }
              crc.reset();
              crcFrom = buffer.position();
              units++;
              visitor.endUnit();
              return true;
            }
            case 'Z' -> {
              need(8);
              if (inUnit || buffer.getLong() != units) {
                throw damaged("end record does not match the units read");
              }
              ended = true;
              return false;
            }
            default -> throw damaged("unknown record " + tag);
          }
        }
      } catch (EOFException e) {
        throw cutShort(file, units);
      }
    }

    private void readLayout() throws IOException {
      need(8);
      int slot = slot(buffer.getInt());
      int rows = buffer.getInt();
      if (rows < 0 || rows > MAX_ROWS) {
        throw damaged("layout of " + rows + " rows");
      }
      LocalDate[] layoutDate = new LocalDate[rows];
      String[] metric = new String[rows];
      String[] key = new String[rows];
      for (int i = 0; i < rows; i++) {
        need(12);
        layoutDate[i] = date(buffer.getInt());
        metric[i] = string(buffer.getInt());
        key[i] = string(buffer.getInt());
      }
      layoutDates[slot] = layoutDate;
      layoutMetrics[slot] = metric;
      layoutKeys[slot] = key;
    }

    private void readValues(int replication, Visitor visitor) throws IOException {
      need(8);
      int slot = slot(buffer.getInt());
      int rows = buffer.getInt();
      LocalDate[] date = layoutDates[slot];
      if (date == null || date.length != rows) {
        throw damaged("values of " + rows + " rows for a layout of another size");
      }
      String[] metric = layoutMetrics[slot];
      String[] key = layoutKeys[slot];
      int i = 0;
      while (i < rows) {
        need(8);
        int end = Math.min(rows, i + buffer.remaining() / 8);
        for (; i < end; i++) {
          visitor.series(
              replication, date[i], metric[i], key[i], Double.longBitsToDouble(buffer.getLong()));
        }
      }
    }

    private int slot(int slot) {
      if (slot < 0 || slot >= SLOTS) {
        throw damaged("layout slot " + slot);
      }
      return slot;
    }

    private LocalDate date(int epochDay) {
      return dates.computeIfAbsent(epochDay, LocalDate::ofEpochDay);
    }

    private String string(int id) {
      if (id < 0 || id >= strings.size()) {
        throw damaged("unknown string " + id);
      }
      return strings.get(id);
    }

    private InputFileException damaged(String what) {
      return InputFileException.of(
          file.toString(),
          "damaged part file ("
              + what
              + " after "
              + units
              + " units); rerun the shard that wrote it");
    }

    /** Units read so far. */
    public long units() {
      return units;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
