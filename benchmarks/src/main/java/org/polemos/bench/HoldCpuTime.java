package org.polemos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A companion to {@link HoldBenchmark} for a shared, noisy machine: runs the same hold models but measures the
 * benchmark thread's CPU time (not wall time), so time the thread spends descheduled while other processes run
 * does not count. Cache pollution by other processes still does. Reports the minimum and median ns per hold over
 * rounds. Run one implementation per JVM:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.polemos.bench.HoldCpuTime IMPL SIZE [ROUNDS] [HOLDS_PER_ROUND]</pre>
 */
public final class HoldCpuTime {

    private HoldCpuTime() {
    }

    public static void main(String[] args) {
        String impl = args[0];
        int size = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int holds = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        HoldBenchmark.HoldModel model = HoldBenchmark.create(impl);
        model.prefill(size);
        double sink = 0;
        for (int i = 0; i < 20; i++) { // warm-up: compile and reach the steady-state key distribution
            sink += model.holds(holds);
        }
        double[] nsPerHold = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += model.holds(holds);
            nsPerHold[r] = (threads.getCurrentThreadCpuTime() - start) / (double) holds;
        }
        Arrays.sort(nsPerHold);
        System.out.printf("%s size=%d min %.1f median %.1f ns/hold (cpu time, %d rounds of %d)%s%n", impl, size,
                nsPerHold[0], nsPerHold[rounds / 2], rounds, holds, sink == 42 ? " " : "");
    }
}
