package org.polemos.sim.shard;

import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.random.RandomStreams;

/**
 * Where an experiment gets the ordered outputs of the replications of one design point: computed
 * now ({@link #compute}) or replayed from the part files of shards that computed them earlier (the
 * cli's merge). An experiment written against this interface writes the same bytes either way.
 */
@FunctionalInterface
public interface ReplicationSource {

  /**
   * Hands the outputs of replications {@code first .. first + count - 1} of design point {@code
   * point} to {@code ordered}, replication by replication in index order, telling {@code progress}
   * after each.
   */
  void run(
      int point,
      Scenario scenario,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Replications.Progress progress);

  /**
   * Computes the replications with {@code engine} ({@link Replications}; the point index is not
   * needed).
   */
  static ReplicationSource compute(Engine engine) {
    Replications replications = new Replications(engine);
    return (point, scenario, streams, first, count, threads, ordered, progress) ->
        replications.run(scenario, streams, first, count, threads, ordered, progress);
  }
}
