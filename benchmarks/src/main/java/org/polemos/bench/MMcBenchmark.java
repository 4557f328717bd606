package org.polemos.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole-model peer benchmark: one replication of the M/M/c queue of {@link MMcModels} (10
 * servers, utilisation 0.8, {@value #CUSTOMERS} customers, so exactly {@code 2 * CUSTOMERS} events)
 * per invocation, on Polemos and on SSJ 3.3.2. Score: events per second. Seeds rotate, so each
 * invocation is a fresh replication.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(2 * MMcBenchmark.CUSTOMERS)
public class MMcBenchmark {

  /** Customers per replication. */
  static final int CUSTOMERS = 50_000;

  @Param({"polemos", "ssj"})
  String impl;

  private MMcModels.Model model;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    model = MMcModels.create(impl);
  }

  @Benchmark
  public double replication() {
    MMcModels.Result r = model.run(++seed, CUSTOMERS, 0);
    if (r.events() != 2L * CUSTOMERS) {
      throw new IllegalStateException("expected " + 2 * CUSTOMERS + " events, fired " + r.events());
    }
    return r.meanWait();
  }
}
