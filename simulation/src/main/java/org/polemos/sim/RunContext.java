package org.polemos.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.world.ScenarioIndex;
import org.polemos.sim.world.World;

/**
 * Everything a mechanism or a metric probe of one replication may touch: the scenario, the kernel,
 * the shared {@link World}, its own random stream, the event log, and two small registries (typed
 * ports that mechanisms provide to each other, and per-run attributes for extensions). One per
 * replication; never shared between threads.
 */
public final class RunContext {
  private final Scenario scenario;
  private final ScenarioIndex index;
  private final World world;
  private final Simulation simulation;
  private final int replication;
  private final RandomStreams streams;
  private final RunListener listener;
  private final Map<Class<?>, Object> ports = new HashMap<>();
  private final Map<Object, Object> attributes = new HashMap<>();
  private boolean wired;

  RunContext(
      Scenario scenario,
      ScenarioIndex index,
      World world,
      Simulation simulation,
      int replication,
      RandomStreams streams,
      RunListener listener) {
    this.scenario = scenario;
    this.index = index;
    this.world = world;
    this.simulation = simulation;
    this.replication = replication;
    this.streams = streams;
    this.listener = listener;
  }

  /** A context for tests of a single mechanism. */
  public static RunContext forTest(
      Scenario scenario, int replication, RandomStreams streams, RunListener listener) {
    ScenarioIndex index = new ScenarioIndex(scenario);
    return new RunContext(
        scenario,
        index,
        new World(index),
        new Simulation(scenario.calendar().start()),
        replication,
        streams,
        listener);
  }

  public Scenario scenario() {
    return scenario;
  }

  public ScenarioIndex index() {
    return index;
  }

  public World world() {
    return world;
  }

  public Simulation sim() {
    return simulation;
  }

  public int replication() {
    return replication;
  }

  /**
   * The random stream of ({@code replication}, {@code name}); mechanisms pass their {@code name()}.
   */
  public UniformRandomProvider random(String name) {
    return streams.stream(replication, name);
  }

  /**
   * Appends an event at the current time; {@code details} are key, value pairs in order.
   *
   * @throws IllegalArgumentException if {@code details} has odd length
   */
  public void event(String type, String subject, String... details) {
    if (details.length % 2 != 0) {
      throw new IllegalArgumentException("details must be key, value pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < details.length; i += 2) {
      map.put(details[i], details[i + 1]);
    }
    double now = simulation.now();
    listener.event(new EventRecord(replication, now, simulation.dateAt(now), type, subject, map));
  }

  /**
   * Registers the implementation of a port (e.g. where departing travellers go) for other
   * mechanisms; call it in {@link org.polemos.sim.mechanism.Mechanism#wire}.
   *
   * @throws IllegalStateException after the wiring phase, or when another mechanism provides the
   *     port
   */
  public <T> void provide(Class<T> port, T implementation) {
    if (wired) {
      throw new IllegalStateException(
          "port "
              + port.getSimpleName()
              + " provided after the wiring phase;"
              + " provide ports in Mechanism.wire, not in start or on an event");
    }
    if (ports.putIfAbsent(port, implementation) != null) {
      throw new IllegalStateException("two mechanisms provide " + port.getSimpleName());
    }
  }

  /**
   * The implementation of {@code port}. Every port is provided in the wiring phase, so mechanisms
   * look their ports up once, in {@code start}.
   *
   * @throws IllegalStateException if no mechanism provides it
   */
  public <T> T require(Class<T> port) {
    Object impl = ports.get(port);
    if (impl == null) {
      throw new IllegalStateException("no mechanism provides " + port.getSimpleName());
    }
    return port.cast(impl);
  }

  /** Ends the wiring phase: from now on {@link #provide} fails. Called by the engine. */
  void endWiring() {
    wired = true;
  }

  /** Whether some mechanism provides {@code port}. */
  public boolean provides(Class<?> port) {
    return ports.containsKey(port);
  }

  /** A per-run value shared by an extension's mechanisms and probes, created on first use. */
  public <T> T attribute(Object key, Supplier<T> initial) {
    @SuppressWarnings("unchecked")
    T value = (T) attributes.computeIfAbsent(key, k -> initial.get());
    return value;
  }
}
