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
import org.polemos.sim.kernel.EventQueue;

/**
 * Chooses the arity of {@link EventQueue}'s heap: the hold model (see {@link HoldBenchmark}) on the
 * queue itself, poll then add, for a binary ({@code log2Arity = 1}), 4-ary (2) and 8-ary (3) heap.
 * The same code is measured as is shipped: the arity is a constructor argument, the default is the
 * winner.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(HeapArityBenchmark.BATCH)
public class HeapArityBenchmark {

  static final int BATCH = 1000;

  @Param({"10", "1000", "100000", "1000000"})
  int size;

  @Param({"1", "2", "3"})
  int log2Arity;

  private HoldBenchmark.HoldModel model;

  @Setup(Level.Trial)
  public void setUp() {
    model = HoldBenchmark.create("eventqueue-" + (1 << log2Arity) + "ary");
    model.prefill(size);
  }

  @Benchmark
  public double hold() {
    return model.holds(BATCH);
  }
}
