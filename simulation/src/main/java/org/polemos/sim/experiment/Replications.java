package org.polemos.sim.experiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.random.RandomStreams;

/**
 * Runs replications {@code first .. first+count-1} of a scenario on a pool of threads and hands
 * each one's complete output to a listener strictly in index order. Each replication draws only
 * from its own streams (by index), so the output is byte-for-byte the same for any thread count; at
 * most {@code 2 x threads} finished-but-unsent replications are held in memory, so memory does not
 * grow with the count.
 */
public final class Replications {

  /** Told on the calling thread after each replication has been handed on. */
  @FunctionalInterface
  public interface Progress {
    void replicationDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  private final Engine engine;

  public Replications(Engine engine) {
    this.engine = engine;
  }

  /**
   * Runs the replications and replays each into {@code ordered}, which is only ever called from
   * this thread.
   *
   * @throws ReplicationFailedException if a replication throws; the others are cancelled
   */
  public void run(
      Scenario scenario,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Progress progress) {
    run(replication -> scenario, streams, first, count, threads, ordered, progress);
  }

  /**
   * As {@link #run(Scenario, RandomStreams, int, int, int, RunListener, Progress)}, with
   * replication {@code i} running {@code scenarios.apply(i)} (e.g. one parameter set per
   * replication drawn from a posterior); the function is called from worker threads and must depend
   * only on {@code i}.
   */
  public void run(
      IntFunction<Scenario> scenarios,
      RandomStreams streams,
      int first,
      int count,
      int threads,
      RunListener ordered,
      Progress progress) {
    if (count < 0 || first < 0) {
      throw new IllegalArgumentException("replications must be >= 0, first >= 0");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (threads == 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        int replication = first + i;
        try {
          engine.run(scenarios.apply(replication), replication, streams, ordered);
        } catch (RuntimeException e) {
          throw new ReplicationFailedException(replication, e);
        }
        progress.replicationDone(i + 1, count);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      Deque<Future<ReplicationBuffer>> window = new ArrayDeque<>();
      int windowLimit = 2 * threads;
      int submitted = 0;
      int done = 0;
      while (done < count) {
        while (submitted < count && window.size() < windowLimit) {
          int replication = first + submitted++;
          window.add(
              pool.submit(
                  () -> {
                    ReplicationBuffer buffer = new ReplicationBuffer(replication);
                    engine.run(scenarios.apply(replication), replication, streams, buffer);
                    return buffer;
                  }));
        }
        ReplicationBuffer buffer = await(window.removeFirst(), first + done);
        buffer.replay(ordered);
        done++;
        progress.replicationDone(done, count);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ReplicationBuffer await(Future<ReplicationBuffer> future, int replication) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new ReplicationFailedException(replication, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplicationFailedException(replication, e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "polemos-replication-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A replication threw; names which one so the researcher can rerun it alone. */
  public static final class ReplicationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int replication;

    public ReplicationFailedException(int replication, Throwable cause) {
      super("replication " + replication + " failed: " + cause, cause);
      this.replication = replication;
    }

    public int replication() {
      return replication;
    }
  }
}
