package org.polemos.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A fixed arithmetic loop that does not depend on any Polemos code: the machine yardstick of the
 * performance-tracking suite ({@code benchmarks/track.py}), which divides other scores by it so
 * that runs on different or differently loaded machines can be compared. One operation is one step
 * of a dependent chain (a xorshift step, an integer multiply and a floating-point multiply-add), so
 * it measures the core's speed, not memory; the chain cannot be vectorised or folded away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BaselineBenchmark.STEPS)
public class BaselineBenchmark {

  static final int STEPS = 10_000;

  private long state = 0x9E3779B97F4A7C15L;
  private double acc = 1.0;

  @Benchmark
  public double arithmetic() {
    long x = state;
    double a = acc;
    for (int i = 0; i < STEPS; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      a = a * 0.999999 + (x * 0x2545F4914F6CDD1DL >>> 11) * 0x1.0p-53;
    }
    state = x;
    acc = a;
    return a;
  }
}
