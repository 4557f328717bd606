package org.polemos.sim.shard;

import java.util.function.IntFunction;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.random.RandomStreams;

/**
 * Computes the work units of one {@link Shard} of an experiment of {@code points} design points
 * with {@code replications} replications each, in unit order, into a {@link Recorder}. Every design
 * point shares the experiment's seed (common random numbers), so replication {@code r} of point
 * {@code p} draws the same numbers as in a single process that runs all points: the streams depend
 * on (seed, replication) and the point's scenario only.
 *
 * <p>This is the one loop every sharded experiment uses (run: one point; sweep: its points;
 * sensitivity: its design rows; hindcast: its predictive replications, one scenario each).
 */
public final class ShardRunner {

  /**
   * Receives a shard's units: rows and events of a unit between {@link #beginUnit} and {@link
   * #endUnit}.
   */
  public interface Recorder extends RunListener {
    void beginUnit(int point, int replication);

    void endUnit();
  }

  private final ReplicationSource source;

  public ShardRunner(Engine engine) {
    this.source = ReplicationSource.compute(engine);
  }

  /**
   * Runs the shard's units.
   *
   * @param scenarioOf the scenario of a design point; asked only for points with units in this
   *     shard
   * @param progress told after each unit with (units done, units of this shard)
   * @return the number of units run
   */
  public long run(
      Shard shard,
      int points,
      int replications,
      IntFunction<Scenario> scenarioOf,
      long seed,
      int threads,
      Recorder recorder,
      Replications.Progress progress) {
    return runUnits(
        shard,
        points,
        replications,
        p -> {
          Scenario scenario = scenarioOf.apply(p);
          return r -> scenario;
        },
        seed,
        threads,
        recorder,
        progress);
  }

  /**
   * Runs the shard's units of an experiment of one design point whose replication {@code i} runs
   * {@code scenarioOfReplication.apply(i)} (a hindcast's posterior-predictive replications); the
   * function is called from worker threads and must depend only on {@code i}.
   *
   * @return the number of units run
   */
  public long runReplications(
      Shard shard,
      int replications,
      IntFunction<Scenario> scenarioOfReplication,
      long seed,
      int threads,
      Recorder recorder,
      Replications.Progress progress) {
    return runUnits(
        shard, 1, replications, p -> scenarioOfReplication, seed, threads, recorder, progress);
  }

  private long runUnits(
      Shard shard,
      int points,
      int replications,
      IntFunction<IntFunction<Scenario>> scenariosOf,
      long seed,
      int threads,
      Recorder recorder,
      Replications.Progress progress) {
    long units = (long) points * replications;
    int total = Math.toIntExact(shard.end(units) - shard.first(units));
    RandomStreams streams = RandomStreams.of(seed);
    int[] done = {0};
    for (int p = 0; p < points; p++) {
      Shard.Range range = shard.replicationsOf(p, replications, points);
      if (range.count() == 0) {
        continue;
      }
      int point = p;
      int[] next = {range.first()};
      boolean[] open = {false};
      RunListener marked =
          new RunListener() {
            @Override
            public void series(
                int replication,
                java.time.LocalDate date,
                String metric,
                String key,
                double value) {
              begin(replication);
              recorder.series(replication, date, metric, key, value);
            }

            @Override
            public void event(org.polemos.model.result.EventRecord event) {
              begin(event.replication());
              recorder.event(event);
            }

            private void begin(int replication) {
              if (!open[0]) {
                if (replication != next[0]) {
                  throw new IllegalStateException(
                      "expected replication " + next[0] + ", got " + replication);
                }
                recorder.beginUnit(point, replication);
                open[0] = true;
              }
            }
          };
      source.run(
          point,
          scenariosOf.apply(point),
          streams,
          range.first(),
          range.count(),
          threads,
          marked,
          (d, t) -> {
            if (!open[0]) {
              recorder.beginUnit(point, next[0]);
            }
            recorder.endUnit();
            open[0] = false;
            next[0]++;
            progress.replicationDone(++done[0], total);
          });
    }
    return done[0];
  }
}
