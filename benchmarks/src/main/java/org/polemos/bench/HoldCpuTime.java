package org.polemos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A companion to {@link HoldBenchmark} for a shared, noisy machine: runs the same hold models but
 * measures the benchmark thread's CPU time (not wall time), so time the thread spends descheduled
 * while other processes run does not count. Cache pollution by other processes still does. Several
 * implementations (comma-separated) run in the same JVM, their rounds interleaved (A B C A B C
 * ...), so that a ratio between two of them is measured under the same conditions; reports the
 * minimum and median ns per hold over rounds, and for each implementation but the last the median
 * and quartiles of its per-round ratio to the last (paired rounds, so a change of load between
 * rounds cancels):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.polemos.bench.HoldCpuTime IMPL[,IMPL...] SIZE [ROUNDS] [HOLDS_PER_ROUND]
 * </pre>
 */
public final class HoldCpuTime {

  private HoldCpuTime() {}

  public static void main(String[] args) {
    String[] impls = args[0].split(",");
    int size = Integer.parseInt(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int holds = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    double[][] ns = measure(impls, size, rounds, holds);
    for (int i = 0; i < impls.length; i++) {
      double[] sorted = ns[i].clone();
      Arrays.sort(sorted);
      System.out.printf(
          "%s size=%d min %.1f median %.1f ns/hold (cpu time, %d rounds of %d)%n",
          impls[i], size, sorted[0], sorted[rounds / 2], rounds, holds);
    }
    // Paired ratios: each round of an implementation against the round of the last one that ran
    // right after it, so a change of load between rounds cancels; their median and quartiles.
    String base = impls[impls.length - 1];
    for (int i = 0; i < impls.length - 1; i++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = ns[i][r] / ns[impls.length - 1][r];
      }
      Arrays.sort(ratio);
      System.out.printf(
          "ratio %s/%s size=%d median %.3f quartiles %.3f %.3f (per-round ratios, %d rounds)%n",
          impls[i],
          base,
          size,
          ratio[rounds / 2],
          ratio[rounds / 4],
          ratio[(3 * rounds) / 4],
          rounds);
    }
  }

  /** ns of CPU time per hold, {@code [impl][round]}, rounds interleaved across implementations. */
  static double[][] measure(String[] impls, int size, int rounds, int holds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HoldBenchmark.HoldModel[] models = new HoldBenchmark.HoldModel[impls.length];
    double sink = 0;
    for (int i = 0; i < impls.length; i++) {
      models[i] = HoldBenchmark.create(impls[i]);
      models[i].prefill(size);
    }
    for (int w = 0; w < 20; w++) { // warm-up: compile and reach the steady-state key distribution
      for (HoldBenchmark.HoldModel m : models) {
        sink += m.holds(holds);
      }
    }
    double[][] ns = new double[impls.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < models.length; i++) {
        long start = threads.getCurrentThreadCpuTime();
        sink += models[i].holds(holds);
        ns[i][r] = (threads.getCurrentThreadCpuTime() - start) / (double) holds;
      }
    }
    if (sink == 42) {
      System.out.print(" ");
    }
    return ns;
  }
}
