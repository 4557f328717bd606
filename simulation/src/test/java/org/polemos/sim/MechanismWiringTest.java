package org.polemos.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.model.process.MomentumParameters;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.validation.Checks;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.mechanism.Momentum;
import org.polemos.sim.mechanism.Ports;
import org.polemos.sim.metric.MetricProbe;
import org.polemos.sim.random.RandomStreams;

/** Named, replaceable mechanisms and the wiring phase. */
class MechanismWiringTest {

  /** A stand-in for the built-in momentum: keeps momentum neutral and records that it ran. */
  static final class NeutralMomentum implements Mechanism {
    static final List<String> STARTED = new ArrayList<>();

    @Override
    public String name() {
      return Momentum.NAME;
    }

    @Override
    public void start(RunContext ctx) {
      synchronized (STARTED) {
        STARTED.add(
            "neutral " + ctx.scenario().processes().get(MomentumParameters.class).memoryDays());
      }
    }
  }

  private static Engine engine(com.google.inject.Module... extra) {
    List<com.google.inject.Module> modules = new ArrayList<>(List.of(new SimulationModule()));
    modules.addAll(List.of(extra));
    return Guice.createInjector(modules).getInstance(Engine.class);
  }

  @Test
  void theBuiltInMechanismsAreBoundByName() {
    assertThat(engine().mechanismNames())
        .containsExactly(
            "attrition",
            "combat",
            "departures",
            "departures-bass",
            "departures-compartmental",
            "economy",
            "external-operations",
            "families",
            "intake",
            "interventions",
            "local-recruitment",
            "message",
            "momentum",
            "transit",
            "travel-instruments");
  }

  @Test
  void replacingOneBuiltInByNameKeepsTheOthers() {
    Engine replaced =
        engine(
            binder ->
                SimulationModule.replace(binder, Momentum.NAME)
                    .toInstance(
                        MechanismFactory.of(
                            Momentum.NAME,
                            MomentumParameters.class,
                            s -> Optional.of(new NeutralMomentum()))));
    assertThat(replaced.mechanismNames()).isEqualTo(engine().mechanismNames());
    Scenario scenario = TestScenarios.minimal();
    NeutralMomentum.STARTED.clear();
    TestScenarios.Collector out = new TestScenarios.Collector();
    replaced.run(scenario, 0, RandomStreams.of(1), out);
    assertThat(NeutralMomentum.STARTED).containsExactly("neutral 90.0");
    // no built-in momentum ran: momentum stays at its neutral 1 on every sample
    assertThat(out.rows)
        .filteredOn(r -> r.metric().equals("momentum"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.value()).isEqualTo(1.0));
  }

  @Test
  void replacingAnUnknownNameFailsWithASuggestion() {
    assertThatThrownBy(
            () ->
                engine(
                    binder ->
                        SimulationModule.replace(binder, "momentun")
                            .toInstance(
                                MechanismFactory.of(
                                    "momentun", s -> Optional.of(new NeutralMomentum())))))
        .isInstanceOf(ProvisionException.class)
        .hasMessageContaining(
            "replacement for unknown mechanism \"momentun\" (did you mean \"momentum\"?)");
  }

  @Test
  void addingASecondMechanismUnderABuiltInNameIsAnError() {
    assertThatThrownBy(
            () ->
                engine(
                    binder ->
                        SimulationModule.mechanisms(binder)
                            .addBinding(Momentum.NAME)
                            .toInstance(
                                MechanismFactory.of(
                                    Momentum.NAME, s -> Optional.of(new NeutralMomentum())))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("momentum");
  }

  @Test
  void aFactoryMustBeBoundUnderItsOwnNameAndCreateThatName() {
    assertThatThrownBy(
            () ->
                new Engine(Map.of("a", MechanismFactory.of("b", s -> Optional.empty())), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\" differs from its factory's name");
    Engine misnamed =
        new Engine(
            Map.of("other", MechanismFactory.of("other", s -> Optional.of(new NeutralMomentum()))),
            Set.of());
    assertThatThrownBy(
            () ->
                misnamed.run(
                    TestScenarios.minimal(), 0, RandomStreams.of(1), new TestScenarios.Collector()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("factory \"other\" created a mechanism named \"momentum\"");
  }

  /** Parameters nobody registered. */
  record Unregistered(double x) implements ProcessParameters {
    @Override
    public void check(Checks checks) {}
  }

  @Test
  void aMechanismWhoseParametersAreNotRegisteredIsRefused() {
    assertThatThrownBy(
            () ->
                new Engine(
                    Map.of(
                        "x", MechanismFactory.of("x", Unregistered.class, s -> Optional.empty())),
                    Set.<MetricProbe>of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("which no ProcessProvider registers");
  }

  /** Provides a port in the wrong phase. */
  static final class LateProvider implements Mechanism {
    @Override
    public String name() {
      return "late";
    }

    @Override
    public void start(RunContext ctx) {
      ctx.provide(Ports.Operations.class, source -> {});
    }
  }

  @Test
  void portsAreProvidedInTheWiringPhaseOnly() {
    Injector injector =
        Guice.createInjector(
            new SimulationModule(),
            binder ->
                SimulationModule.mechanisms(binder)
                    .addBinding("late")
                    .toInstance(MechanismFactory.of("late", s -> Optional.of(new LateProvider()))));
    assertThatThrownBy(
            () ->
                injector
                    .getInstance(Engine.class)
                    .run(
                        TestScenarios.minimal(),
                        0,
                        RandomStreams.of(1),
                        new TestScenarios.Collector()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("provided after the wiring phase");
  }

  /**
   * Uses the arrivals port from start: it must already be there, although "arrivals-user" starts
   * first.
   */
  static final class EarlyUser implements Mechanism {
    static Object seen;

    @Override
    public String name() {
      return "arrivals-user";
    }

    @Override
    public void start(RunContext ctx) {
      seen = ctx.require(Ports.Arrivals.class);
    }
  }

  @Test
  void everyPortIsAvailableInStartWhateverTheNameOrder() {
    EarlyUser.seen = null;
    engine(
            binder ->
                SimulationModule.mechanisms(binder)
                    .addBinding("arrivals-user")
                    .toInstance(
                        MechanismFactory.of("arrivals-user", s -> Optional.of(new EarlyUser()))))
        .run(TestScenarios.minimal(), 0, RandomStreams.of(1), new TestScenarios.Collector());
    assertThat(EarlyUser.seen).isInstanceOf(org.polemos.sim.mechanism.Intake.class);
  }
}
