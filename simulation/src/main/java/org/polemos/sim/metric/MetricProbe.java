package org.polemos.sim.metric;

import org.polemos.sim.RunContext;

/**
 * Reads one metric from the state of a run at each sample date; bound into the engine with a Guice
 * {@code Multibinder} (the built-in ones too, see {@link BuiltInProbes}). Probes are shared between
 * threads, so they must be stateless: keep per-run state in the {@link org.polemos.sim.world.World}
 * or in {@link RunContext#attribute}. The engine runs probes in the order of their metric names;
 * each probe emits its keys in a fixed order.
 */
public interface MetricProbe {

  /** The metric name written in the {@code metric} column. */
  String metric();

  /** Emits this metric's rows for the current sample. */
  void sample(RunContext ctx, Emitter out);

  /** Receives one probe's rows for one sample date. */
  @FunctionalInterface
  interface Emitter {
    void emit(String key, double value);
  }

  /** A probe from a name and a function. */
  static MetricProbe of(String metric, java.util.function.BiConsumer<RunContext, Emitter> body) {
    return new MetricProbe() {
      @Override
      public String metric() {
        return metric;
      }

      @Override
      public void sample(RunContext ctx, Emitter out) {
        body.accept(ctx, out);
      }

      @Override
      public String toString() {
        return "MetricProbe[" + metric + "]";
      }
    };
  }
}
