package org.polemos.sim.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.random.RandomStreams;

class ShardRunnerTest {
  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
  private static final long SEED = 17;

  /** Two design points that differ (interdiction), so a unit's point matters. */
  private static Scenario point(int p) {
    return TestScenarios.minimal().with("corridors.tal-abyad.interdiction", p == 0 ? 0.05 : 0.5);
  }

  /**
   * Everything a recorder sees, values as exact bits: rows and events each with the unit markers (a
   * replication run on a worker thread hands on its rows before its events, one run on the caller
   * interleaves them; sinks write them to different files, so only the order within each stream
   * matters).
   */
  private static final class Log implements ShardRunner.Recorder {
    final List<String> lines = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void beginUnit(int point, int replication) {
      lines.add("begin " + point + " " + replication);
      events.add("begin " + point + " " + replication);
    }

    @Override
    public void series(int replication, LocalDate date, String metric, String key, double value) {
      lines.add(
          replication
              + " "
              + date
              + " "
              + metric
              + " "
              + key
              + " "
              + Double.doubleToRawLongBits(value));
    }

    @Override
    public void event(EventRecord event) {
      events.add(event.toString());
    }

    @Override
    public void endUnit() {
      lines.add("end");
      events.add("end");
    }
  }

  /**
   * The shards of N, one after the other, with any thread count, record exactly what one process
   * computing every unit in order records: the split changes no number.
   */
  @ParameterizedTest
  @CsvSource({"1,1", "2,2", "3,1", "5,2", "7,3"})
  void shardsInOrderRecordWhatOneProcessRecords(int n, int threads) {
    int points = 2;
    int replications = 3;
    Log whole = new Log();
    for (int p = 0; p < points; p++) {
      for (int r = 0; r < replications; r++) {
        whole.beginUnit(p, r);
        new Replications(ENGINE)
            .run(point(p), RandomStreams.of(SEED), r, 1, 1, whole, Replications.Progress.NONE);
        whole.endUnit();
      }
    }
    Log sharded = new Log();
    long units = 0;
    for (int i = 0; i < n; i++) {
      List<Integer> progress = new ArrayList<>();
      units +=
          new ShardRunner(ENGINE)
              .run(
                  new Shard(i, n),
                  points,
                  replications,
                  ShardRunnerTest::point,
                  SEED,
                  threads,
                  sharded,
                  (done, total) -> progress.add(done));
      Shard s = new Shard(i, n);
      assertThat(progress).hasSize((int) (s.end(6) - s.first(6)));
    }
    assertThat(units).isEqualTo(points * replications);
    assertThat(sharded.lines).isEqualTo(whole.lines);
    assertThat(sharded.events).isEqualTo(whole.events);
    assertThat(whole.events.size())
        .isGreaterThan(12); // the minimal test scenario has events to compare
    assertThat(whole.lines.stream().filter(l -> l.startsWith("begin"))).hasSize(6);
  }
}
