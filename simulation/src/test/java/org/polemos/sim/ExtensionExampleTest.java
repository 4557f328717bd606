package org.polemos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.metric.MetricProbe;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.world.World;

/**
 * The worked example of docs/EXTENDING.md: a developer adds a mechanism and a metric in their own
 * Guice module, without editing the engine.
 */
class ExtensionExampleTest {

  /** Per-run state shared by the new mechanism and the new metric. */
  static final class Reach {
    double total;
  }

  /**
   * A toy propaganda mechanism: each day the organisation's messaging reaches {@code population
   * held x 0.001 x momentum} people (an aggregate count, no content).
   */
  static final class PropagandaReach implements Mechanism, Action {
    static final String NAME = "propaganda-reach";
    private World world;
    private Reach reach;

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(RunContext ctx) {
      world = ctx.world();
      reach = ctx.attribute(Reach.class, Reach::new);
      ctx.sim().scheduleAt(MIDDAY, this);
    }

    @Override
    public void fire(Simulation sim) {
      int org = world.organisation();
      reach.total += world.populationHeld(org) * 0.001 * world.momentum();
      sim.schedule(1.0, this);
    }
  }

  /** The developer's module: one mechanism binding and one metric binding. */
  static final class PropagandaModule extends AbstractModule {
    @Override
    protected void configure() {
      SimulationModule.mechanisms(binder())
          .addBinding(PropagandaReach.NAME)
          .toInstance(
              MechanismFactory.of(
                  PropagandaReach.NAME, scenario -> Optional.of(new PropagandaReach())));
      SimulationModule.metrics(binder())
          .addBinding()
          .toInstance(
              MetricProbe.of(
                  "recruiter-propaganda-reach",
                  (ctx, out) -> out.emit("all", ctx.attribute(Reach.class, Reach::new).total)));
    }
  }

  @Test
  void aMechanismAndAMetricAddedInAnotherModuleAppearInTheOutput() {
    Engine engine =
        Guice.createInjector(new SimulationModule(), new PropagandaModule())
            .getInstance(Engine.class);
    assertThat(engine.metrics()).contains("recruiter-propaganda-reach", "territory_km2");
    Scenario scenario = TestScenarios.minimal();
    TestScenarios.Collector out = new TestScenarios.Collector();
    engine.run(scenario, 0, RandomStreams.of(1), out);
    // first sample: end of day 1, one daily firing with momentum 1 and the initial 600,000 people
    // held
    assertThat(out.value(scenario.calendar().start(), "recruiter-propaganda-reach", "all"))
        .isEqualTo(600.0);
    assertThat(out.value(scenario.calendar().end(), "recruiter-propaganda-reach", "all"))
        .isGreaterThan(600.0);
    // the built-in outputs are unchanged by the extension (it draws no random numbers of the
    // others' streams)
    TestScenarios.Collector plain = new TestScenarios.Collector();
    Guice.createInjector(new SimulationModule())
        .getInstance(Engine.class)
        .run(scenario, 0, RandomStreams.of(1), plain);
    assertThat(
            out.rows.stream()
                .filter(r -> !r.metric().equals("recruiter-propaganda-reach"))
                .toList())
        .isEqualTo(plain.rows);
  }
}
