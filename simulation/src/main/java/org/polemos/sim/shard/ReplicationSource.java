package org.polemos.sim.shard;

import java.util.function.IntFunction;
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
   * after each; replication {@code i} runs {@code scenarios.apply(i)} (one scenario per
   * replication, as the posterior-predictive runs of a hindcast need).
   */
  void run(
      int point,
      IntFunction<Scenario> scenarios,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Replications.Progress progress);

  /** As above, every replication of the point running {@code scenario}. */
  default void run(
      int point,
      Scenario scenario,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Replications.Progress progress) {
    run(point, replication -> scenario, streams, first, count, threads, ordered, progress);
  }

  /**
   * Computes the replications with {@code engine} ({@link Replications}; the point index is not
   * needed).
   */
  static ReplicationSource compute(Engine engine) {
    Replications replications = new Replications(engine);
    return (point, scenarios, streams, first, count, threads, ordered, progress) ->
        replications.run(scenarios, streams, first, count, threads, ordered, progress);
  }
}
