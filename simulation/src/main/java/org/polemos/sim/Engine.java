package org.polemos.sim;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.polemos.model.Calendar;
import org.polemos.model.Scenario;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.process.ProcessRegistry;
import org.polemos.model.validation.ScenarioFieldException;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.metric.MetricProbe;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.ScenarioIndex;
import org.polemos.sim.world.World;

/**
 * Runs one replication of a scenario: builds the {@link World}, creates the mechanisms bound by
 * name in {@link SimulationModule}, wires them (each provides its ports, in name order), starts
 * them (in name order), schedules the samples, runs to the end of the horizon and writes series
 * rows and events to a {@link RunListener}.
 *
 * <p>Sampling: the sample dated D is taken at the end of D (simulation time {@code dayOf(D) + 1}),
 * for D = start, start + step, ... up to the end date, plus the end date itself when the step does
 * not land on it. Samples are scheduled before any mechanism starts, so at equal times they fire
 * first: a sample never sees the events of the following day.
 *
 * <p>Thread-safe: an engine holds only its immutable lists of factories and probes; every run
 * builds its own state, so several threads may call {@link #run} at once.
 */
public final class Engine {
  private final List<MechanismFactory> factories;
  private final List<MetricProbe> probes;

  /**
   * The engine of the mechanisms bound by name in {@link SimulationModule#mechanisms}, with those
   * of {@link SimulationModule#replace} put in place of the built-in (or other) mechanism of the
   * same name.
   *
   * @throws IllegalArgumentException when a factory's name differs from its key, a replacement
   *     names no bound mechanism, a mechanism's parameter type is not registered, or two probes
   *     write one metric
   */
  @Inject
  public Engine(
      Map<String, MechanismFactory> mechanisms,
      @SimulationModule.Replacements Map<String, MechanismFactory> replacements,
      Set<MetricProbe> probes) {
    Map<String, MechanismFactory> merged = new TreeMap<>(checked(mechanisms, "bound"));
    for (Map.Entry<String, MechanismFactory> e : checked(replacements, "replacement").entrySet()) {
      if (!merged.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "replacement for unknown mechanism \""
                + e.getKey()
                + "\""
                + Suggestions.didYouMean(e.getKey(), merged.keySet())
                + "; bound: "
                + String.join(", ", merged.keySet()));
      }
      merged.put(e.getKey(), e.getValue());
    }
    this.factories = List.copyOf(merged.values());
    List<MetricProbe> sorted = new ArrayList<>(probes);
    sorted.sort(Comparator.comparing(MetricProbe::metric));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).metric().equals(sorted.get(i - 1).metric())) {
        throw new IllegalArgumentException("two probes for metric " + sorted.get(i).metric());
      }
    }
    this.probes = List.copyOf(sorted);
  }

  /** An engine of {@code mechanisms} (by name) and {@code probes}, with no replacements. */
  public Engine(Map<String, MechanismFactory> mechanisms, Set<MetricProbe> probes) {
    this(mechanisms, Map.of(), probes);
  }

  private static Map<String, MechanismFactory> checked(
      Map<String, MechanismFactory> factories, String what) {
    for (Map.Entry<String, MechanismFactory> e : factories.entrySet()) {
      MechanismFactory f = e.getValue();
      if (!e.getKey().equals(f.name())) {
        throw new IllegalArgumentException(
            what
                + " mechanism key \""
                + e.getKey()
                + "\" differs from its"
                + " factory's name \""
                + f.name()
                + "\"");
      }
      f.parameters()
          .ifPresent(
              type -> {
                if (ProcessRegistry.byType(type).isEmpty()) {
                  throw new IllegalArgumentException(
                      "mechanism \""
                          + f.name()
                          + "\" reads "
                          + type.getName()
                          + ", which no ProcessProvider registers (see docs/EXTENDING.md, \"Giving a mechanism parameters\")");
                }
              });
    }
    return factories;
  }

  /** The names of the mechanisms this engine may run, in start order. */
  public List<String> mechanismNames() {
    return factories.stream().map(MechanismFactory::name).toList();
  }

  /** The metric names this engine writes, in output order. */
  public List<String> metrics() {
    return probes.stream().map(MetricProbe::metric).toList();
  }

  /**
   * Runs replication {@code replication} of {@code scenario} with the streams of {@code streams}.
   */
  public RunSummary run(
      Scenario scenario, int replication, RandomStreams streams, RunListener out) {
    long t0 = System.nanoTime();
    Calendar calendar = scenario.calendar();
    ScenarioIndex index = new ScenarioIndex(scenario);
    World world = new World(index);
    Simulation sim = new Simulation(calendar.start(), 1024);
    RunContext ctx = new RunContext(scenario, index, world, sim, replication, streams, out);

    List<LocalDate> dates = sampleDates(calendar);
    for (LocalDate date : dates) {
      sim.scheduleAt(calendar.dayOf(date) + 1, s -> sample(ctx, date, out));
    }
    List<Mechanism> mechanisms = mechanisms(scenario);
    try {
      for (Mechanism m : mechanisms) {
        m.wire(ctx);
      }
      ctx.endWiring();
      for (Mechanism m : mechanisms) {
        m.start(ctx);
      }
    } catch (ScenarioFieldException e) {
      throw e.withContext("at the start of the run");
    } catch (Samplers.SampleException e) {
      throw blamed(scenario, e, "at the start of the run");
    }
    try {
      sim.runUntil(calendar.horizonDays());
    } catch (ScenarioFieldException e) {
      // a failure a scenario field is to blame for (a rate or derived quantity that is not finite):
      // named by its path, with the day
      throw e.withContext(day(sim));
    } catch (Samplers.SampleException e) {
      throw blamed(scenario, e, day(sim));
    } catch (RuntimeException e) {
      // Say when: with the scenario's bounds (docs/SCENARIO-FORMAT.md) no run should fail, so a
      // failure no field is blamed for is a bug or an extension's, and its date is the first thing
      // to look at.
      throw new IllegalStateException(
          day(sim)
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
    return new RunSummary(replication, sim.eventsFired(), dates.size(), System.nanoTime() - t0);
  }

  /** A distribution that cannot be sampled, blamed on its field (found by identity). */
  private static ScenarioFieldException blamed(
      Scenario scenario, Samplers.SampleException e, String when) {
    return new ScenarioFieldException(
        ScenarioPaths.pathOf(scenario, e.spec()).orElse("a distribution (" + e.spec() + ")"),
        when + ": " + e.getMessage(),
        e);
  }

  private static String day(Simulation sim) {
    return "simulated day " + (long) Math.floor(sim.now()) + " (" + sim.date() + ")";
  }

  /** The mechanisms of one replication, in name order. */
  List<Mechanism> mechanisms(Scenario scenario) {
    List<Mechanism> list = new ArrayList<>();
    for (MechanismFactory f : factories) {
      Optional<Mechanism> m = f.create(scenario);
      if (m.isPresent() && !m.get().name().equals(f.name())) {
        throw new IllegalStateException(
            "factory \"" + f.name() + "\" created a mechanism named \"" + m.get().name() + "\"");
      }
      m.ifPresent(list::add);
    }
    list.sort(Comparator.comparing(Mechanism::name));
    Set<String> names = new HashSet<>();
    for (Mechanism m : list) {
      if (!names.add(m.name())) {
        throw new IllegalStateException("two mechanisms named " + m.name());
      }
    }
    return list;
  }

  /** The sample dates of {@code calendar}: start, start + step, ..., and the end date. */
  public static List<LocalDate> sampleDates(Calendar calendar) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate d = calendar.start();
    while (!d.isAfter(calendar.end())) {
      dates.add(d);
      d = calendar.outputStep().next(d);
    }
    if (!dates.isEmpty() && !dates.get(dates.size() - 1).equals(calendar.end())) {
      dates.add(calendar.end());
    }
    return dates;
  }

  private void sample(RunContext ctx, LocalDate date, RunListener out) {
    int replication = ctx.replication();
    for (MetricProbe probe : probes) {
      String metric = probe.metric();
      probe.sample(ctx, (key, value) -> out.series(replication, date, metric, key, value));
    }
    ctx.world().startSamplePeriod();
  }
}
