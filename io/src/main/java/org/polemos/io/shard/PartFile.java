package org.polemos.io.shard;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
 * {@code units.part}: the complete outputs of a shard's work units (every series row and every event of each unit,
 * values as their exact IEEE-754 bits), so a merge can replay them into the same writers a single process uses and
 * get the same bytes. The only place this format is written or read.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): the magic {@code "polemos-part"} (UTF) and the format version
 * (int), then tagged records: {@code 'S'} a string (UTF) given the next id; {@code 'B'} begin unit (point int,
 * replication int); {@code 'R'} a row (epoch day int, metric id int, key id int, value bits long); {@code 'E'} an
 * event (replication int, day bits long, epoch day int, type id, subject id, detail count int, then key id and value
 * id per detail); {@code 'U'} end of unit; {@code 'Z'} end of file (units long). Strings are sent once and then
 * named by id, so a row is 21 bytes.
 */
public final class PartFile {
  public static final String NAME = "units.part";
  private static final String MAGIC = "polemos-part";
  private static final int VERSION = 1;

  private PartFile() {
  }

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
    private final DataOutputStream out;
    private final Map<String, Integer> ids = new HashMap<>();
    private int replication = -1;
    private long units;

    public Writer(Path target) throws IOException {
      this.output = AtomicOutput.open(target);
      this.out = new DataOutputStream(new BufferedOutputStream(output.stream(), 1 << 16));
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
    }

    private int id(String text) throws IOException {
      Integer id = ids.get(text);
      if (id == null) {
        id = ids.size();
        ids.put(text, id);
        out.writeByte('S');
        out.writeUTF(text);
      }
      return id;
    }

    public void beginUnit(int point, int replication) throws IOException {
      this.replication = replication;
      out.writeByte('B');
      out.writeInt(point);
      out.writeInt(replication);
    }

    public void series(int replication, LocalDate date, String metric, String key, double value)
        throws IOException {
      if (replication != this.replication) {
        throw new IllegalStateException("row of replication " + replication + " in unit of " + this.replication);
      }
      int m = id(metric);
      int k = id(key);
      out.writeByte('R');
      out.writeInt((int) date.toEpochDay());
      out.writeInt(m);
      out.writeInt(k);
      out.writeLong(Double.doubleToRawLongBits(value));
    }

    public void event(EventRecord event) throws IOException {
      int type = id(event.type());
      int subject = id(event.subject());
      List<int[]> details = new ArrayList<>();
      for (Map.Entry<String, String> d : event.details().entrySet()) {
        details.add(new int[] {id(d.getKey()), id(d.getValue())});
      }
      out.writeByte('E');
      out.writeInt(event.replication());
      out.writeLong(Double.doubleToRawLongBits(event.day()));
      out.writeInt((int) event.date().toEpochDay());
      out.writeInt(type);
      out.writeInt(subject);
      out.writeInt(details.size());
      for (int[] d : details) {
        out.writeInt(d[0]);
        out.writeInt(d[1]);
      }
    }

    public void endUnit() throws IOException {
      out.writeByte('U');
      units++;
    }

    /** Writes the end record and moves the file into place. */
    public void commit() throws IOException {
      out.writeByte('Z');
      out.writeLong(units);
      out.flush();
      output.commit();
    }

    @Override
    public void close() throws IOException {
      output.close();
    }
  }

  /** Reads a part file unit by unit; memory holds one record and the string table only. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();
    private LocalDate lastDate;
    private long units;
    private boolean ended;

    public Reader(Path file) throws IOException {
      this.file = file;
      InputStream raw = Files.newInputStream(file);
      this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
      try {
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
          throw new IOException(file + ": not a Polemos part file (or of another version)");
        }
      } catch (IOException e) {
        in.close();
        throw e instanceof EOFException ? new IOException(file + ": not a Polemos part file (too short)") : e;
      }
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
          int tag = in.readByte();
          switch (tag) {
            case 'S' -> strings.add(in.readUTF());
            case 'B' -> {
              if (inUnit) {
                throw damaged("unit begun twice");
              }
              int point = in.readInt();
              replication = in.readInt();
              inUnit = true;
              visitor.beginUnit(point, replication);
            }
            case 'R' -> {
              LocalDate date = date(in.readInt());
              String metric = string(in.readInt());
              String key = string(in.readInt());
              visitor.series(replication, date, metric, key, Double.longBitsToDouble(in.readLong()));
            }
            case 'E' -> {
              int rep = in.readInt();
              double day = Double.longBitsToDouble(in.readLong());
              LocalDate date = date(in.readInt());
              String type = string(in.readInt());
              String subject = string(in.readInt());
              int n = in.readInt();
              Map<String, String> details = new LinkedHashMap<>();
              for (int i = 0; i < n; i++) {
                details.put(string(in.readInt()), string(in.readInt()));
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
              if (inUnit || in.readLong() != units) {
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
