package org.polemos.bench;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.RunSummary;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.random.RandomStreams;

/**
 * One whole replication of a bundled scenario through the engine, with every built-in mechanism and
 * metric, its output rows consumed by a blackhole (no file writing: that is measured by the CLI
 * timing in docs/PERFORMANCE.md). Replications rotate through indices 0..999, so each invocation
 * draws fresh streams as a real multi-replication run does. Reports replications per second (wall
 * time per replication is its inverse) and, as the auxiliary counter {@code events}, kernel events
 * fired per second, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScenarioBenchmark {

  @Param({"levant-2014", "minimal"})
  String scenario;

  private Engine engine;
  private Scenario loaded;
  private RandomStreams streams;
  private int replication;

  /** Kernel events fired, reported by JMH as a rate per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    loaded = BundledScenarios.load(scenario);
    streams = RandomStreams.of(loaded.seed());
  }

  @Benchmark
  public RunSummary replication(Events events, Blackhole blackhole) {
    RunListener sink =
        new RunListener() {
          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {
            blackhole.consume(value);
          }

          @Override
          public void event(EventRecord event) {
            blackhole.consume(event);
          }
        };
    RunSummary summary = engine.run(loaded, replication, streams, sink);
    replication = (replication + 1) % 1000;
    events.events += summary.eventsFired();
    return summary;
  }
}
