package org.polemos.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.polemos.io.shard.PartFile;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.shard.ReplicationSource;

/**
 * The merge's {@link ReplicationSource}: replays the units of the shards' part files, in shard
 * order, as the replications an experiment asks for, checking that each is the (point, replication)
 * asked. One part file is open at a time and read record by record, so memory does not depend on
 * the number of shards or units.
 */
final class PartReplay implements ReplicationSource, AutoCloseable {
  private final List<Path> parts;
  private int nextPart;
  private PartFile.Reader reader;
  private Path current;

  /** {@code parts}: the shards' part files, shard 0 first. */
  PartReplay(List<Path> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public void run(
      int point,
      IntFunction<Scenario> scenarios,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Replications.Progress progress) {
    try {
      for (int i = 0; i < count; i++) {
        unit(point, first + i, ordered);
        progress.replicationDone(i + 1, count);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private void unit(int point, int replication, RunListener ordered) throws IOException {
    PartFile.Visitor visitor =
        new PartFile.Visitor() {
          @Override
          public void beginUnit(int p, int r) {
            if (p != point || r != replication) {
              throw new IllegalStateException(
                  current
                      + ": holds point "
                      + p
                      + " replication "
                      + r
                      + " where point "
                      + point
                      + " replication "
                      + replication
                      + " belongs; the shards do not fit together");
            }
          }

          @Override
          public void series(int r, LocalDate date, String metric, String key, double value) {
            ordered.series(r, date, metric, key, value);
          }

          @Override
          public void event(EventRecord event) {
            ordered.event(event);
          }

          @Override
          public void endUnit() {}
        };
    while (true) {
      if (reader == null) {
        if (nextPart >= parts.size()) {
          throw new IllegalStateException(
              "the shards end before point " + point + " replication " + replication);
        }
        current = parts.get(nextPart++);
        reader = new PartFile.Reader(current);
      }
      if (reader.next(visitor)) {
        return;
      }
      reader.close();
      reader = null;
    }
  }

  /** Checks that every unit of every part was replayed. */
  void finish() throws IOException {
    PartFile.Visitor extra =
        new PartFile.Visitor() {
          @Override
          public void beginUnit(int point, int replication) {
            throw new IllegalStateException(
                current
                    + ": holds point "
                    + point
                    + " replication "
                    + replication
                    + " beyond the experiment's work units");
          }

          @Override
          public void series(
              int replication, LocalDate date, String metric, String key, double value) {}

          @Override
          public void event(EventRecord event) {}

          @Override
          public void endUnit() {}
        };
    while (reader != null || nextPart < parts.size()) {
      if (reader == null) {
        current = parts.get(nextPart++);
        reader = new PartFile.Reader(current);
      }
      reader.next(extra);
      reader.close();
      reader = null;
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
