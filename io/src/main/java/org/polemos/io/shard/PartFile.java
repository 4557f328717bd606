package org.polemos.io.shard;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.results.AtomicOutput;
import org.polemos.model.result.EventRecord;

/**
 * {@code units.part}: the complete outputs of a shard's work units (every series row and every
 * event of each unit, values as their exact IEEE-754 bits), so a merge can replay them into the
 * same writers a single process uses and get the same bytes. The only place this format is written
 * or read.
 *
 * <p>Layout (big-endian): the magic {@code "polemos-part"} and the format version (int), then
 * tagged records (one byte each): {@code 'S'} a string given the next id; {@code 'B'} begin unit
 * (point int, replication int); {@code 'R'} a row (epoch day int, metric id int, key id int, value
 * bits long); {@code 'E'} an event (replication int, day bits long, epoch day int, type id, subject
 * id, detail count int, then key id and value id per detail); {@code 'U'} end of unit; {@code 'Z'}
 * end of file (units long). A string is its UTF-8 length (int) and bytes; strings are sent once and
 * then named by id, so a row is 21 bytes. Records are assembled in a 64 kB buffer, not written
 * field by field.
 */
public final class PartFile {
  public static final String NAME = "units.part";
  private static final String MAGIC = "polemos-part";
  private static final int VERSION = 1;

  private PartFile() {}

  /** Receives a part file's records in order. */
  public interface Visitor {
    void beginUnit(int point, int replication);

    void series(int replication, LocalDate date, String metric, String key, double value);

    void event(EventRecord event);

    void endUnit();
  }

  /** Writes a part file atomically: nothing appears under the name until {@link #commit()}. */
  public static final class Writer implements AutoCloseable {
    private final AtomicOutput output;
    private final OutputStream out;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final Map<String, Integer> ids = new HashMap<>();
    private int replication = -1;
    private long units;

    public Writer(Path target) throws IOException {
      this.output = AtomicOutput.open(target);
      this.out = output.stream();
      string(MAGIC);
      room(4);
      buffer.putInt(VERSION);
    }

    /** Makes room for {@code n} more bytes, writing out what the buffer holds when needed. */
    private void room(int n) throws IOException {
      if (buffer.remaining() < n) {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
        if (buffer.capacity() < n) {
          buffer = ByteBuffer.allocate(n);
        }
      }
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
      room(9);
      buffer.put((byte) 'B').putInt(point).putInt(replication);
    }

    public void series(int replication, LocalDate date, String metric, String key, double value)
        throws IOException {
      if (replication != this.replication) {
        throw new IllegalStateException(
            "row of replication " + replication + " in unit of " + this.replication);
      }
      int m = id(metric);
      int k = id(key);
      room(21);
      buffer
          .put((byte) 'R')
          .putInt((int) date.toEpochDay())
          .putInt(m)
          .putInt(k)
          .putLong(Double.doubleToRawLongBits(value));
    }

    public void event(EventRecord event) throws IOException {
      int type = id(event.type());
      int subject = id(event.subject());
      List<int[]> details = new ArrayList<>();
      for (Map.Entry<String, String> d : event.details().entrySet()) {
        details.add(new int[] {id(d.getKey()), id(d.getValue())});
      }
      room(29 + 8 * details.size());
      buffer
          .put((byte) 'E')
          .putInt(event.replication())
          .putLong(Double.doubleToRawLongBits(event.day()))
          .putInt((int) event.date().toEpochDay())
          .putInt(type)
          .putInt(subject)
          .putInt(details.size());
      for (int[] d : details) {
        buffer.putInt(d[0]).putInt(d[1]);
      }
    }

    public void endUnit() throws IOException {
      room(1);
      buffer.put((byte) 'U');
      units++;
    }

    /** Writes the end record and moves the file into place. */
    public void commit() throws IOException {
      room(9);
      buffer.put((byte) 'Z').putLong(units);
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
      output.commit();
    }

    @Override
    public void close() throws IOException {
      output.close();
    }
  }

  /** Reads a part file unit by unit; memory holds a 64 kB buffer and the string table only. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final ReadableByteChannel in;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).flip();
    private final List<String> strings = new ArrayList<>();
    private LocalDate lastDate;
    private long units;
    private boolean ended;

    public Reader(Path file) throws IOException {
      this.file = file;
      this.in = Files.newByteChannel(file);
      try {
        need(4);
        int length = buffer.getInt();
        if (length != MAGIC.length()) {
          throw new IOException(file + ": not a Polemos part file");
        }
        need(length + 4);
        byte[] magic = new byte[length];
        buffer.get(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.UTF_8))
            || buffer.getInt() != VERSION) {
          throw new IOException(file + ": not a Polemos part file (or of another version)");
        }
      } catch (IOException e) {
        in.close();
        throw e instanceof EOFException
            ? new IOException(file + ": not a Polemos part file (too short)")
            : e;
      }
    }

    /** Makes {@code n} bytes readable from the buffer, reading more of the file when needed. */
    private void need(int n) throws IOException {
      if (buffer.remaining() >= n) {
        return;
      }
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
     * Replays the next unit into {@code visitor}; false at the end of the file.
     *
     * @throws IOException if the file is cut short or damaged
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
            case 'R' -> {
              need(20);
              LocalDate date = date(buffer.getInt());
              String metric = string(buffer.getInt());
              String key = string(buffer.getInt());
              visitor.series(
                  replication, date, metric, key, Double.longBitsToDouble(buffer.getLong()));
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
        throw new IOException(file + ": cut short after " + units + " units (an incomplete shard)");
      }
    }

    private LocalDate date(int epochDay) {
      if (lastDate == null || lastDate.toEpochDay() != epochDay) {
        lastDate = LocalDate.ofEpochDay(epochDay);
      }
      return lastDate;
    }

    private String string(int id) throws IOException {
      if (id < 0 || id >= strings.size()) {
        throw damaged("unknown string " + id);
      }
      return strings.get(id);
    }

    private IOException damaged(String what) {
      return new IOException(file + ": damaged part file (" + what + " after " + units + " units)");
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
