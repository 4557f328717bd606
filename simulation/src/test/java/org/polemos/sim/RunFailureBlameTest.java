package org.polemos.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polemos.model.Corridor;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.process.CombatParameters;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.validation.ScenarioFieldException;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.random.RandomStreams;

/**
 * Issue 10, "report any failure inside a run as one line naming the scenario field when one is to
 * blame": a failure a mechanism blames on a field, or a distribution that cannot be sampled, leaves
 * the engine as a {@link ScenarioFieldException} naming the field's parameter path and the
 * simulated day.
 */
class RunFailureBlameTest {

  private static Engine engine(com.google.inject.Module... extra) {
    List<com.google.inject.Module> modules = new ArrayList<>(List.of(new SimulationModule()));
    modules.addAll(List.of(extra));
    return Guice.createInjector(modules).getInstance(Engine.class);
  }

  private static Scenario withDelay(Scenario s, DistributionSpec delay) {
    List<Corridor> corridors = new ArrayList<>();
    for (Corridor c : s.corridors()) {
      corridors.add(
          new Corridor(
              c.id(),
              c.name(),
              c.sources(),
              c.hub(),
              c.entryRegion(),
              delay,
              c.departureScreening(),
              c.interdiction(),
              c.weight(),
              c.notes()));
    }
    return s.withCorridors(corridors);
  }

  @Test
  void aDistributionThatGivesInfinityIsBlamedOnItsField() {
    // exp(800) overflows: validation refuses mu = 800, but a scenario built in code may skip it,
    // and
    // the run must then still say which field, not only the day
    Scenario s = withDelay(TestScenarios.minimal(), new DistributionSpec.LogNormal(800, 1));
    assertThat(s.validate()).anyMatch(p -> p.path().endsWith("transitDelayDays.mu"));
    assertThatThrownBy(() -> engine().run(s, 0, RandomStreams.of(1), (r, d, m, k, v) -> {}))
        .isInstanceOf(ScenarioFieldException.class)
        .satisfies(
            e -> {
              ScenarioFieldException f = (ScenarioFieldException) e;
              assertThat(f.path()).isEqualTo("corridors.tal-abyad.transitDelayDays");
              assertThat(f.problem()).contains("simulated day").contains("Infinity");
            });
  }

  @Test
  void aDistributionTheSamplerRefusesIsBlamedOnItsFieldAtTheStart() {
    // a gamma of shape 0 is refused by the sampler when the intake mechanism builds it
    Scenario base = TestScenarios.minimal();
    IntakeParameters intake = base.processes().get(IntakeParameters.class);
    Scenario s =
        base.withProcesses(
            base.processes()
                .with(
                    new IntakeParameters(
                        intake.servers(), new DistributionSpec.Gamma(0, 1), intake.roles())));
    assertThatThrownBy(() -> engine().run(s, 0, RandomStreams.of(1), (r, d, m, k, v) -> {}))
        .isInstanceOf(ScenarioFieldException.class)
        .satisfies(
            e -> {
              ScenarioFieldException f = (ScenarioFieldException) e;
              assertThat(f.path()).isEqualTo("processes.intake.serviceDays");
              assertThat(f.problem()).startsWith("at the start of the run: the sampler refuses");
            });
  }

  @Test
  void theSameScenarioWithAFiniteDistributionRuns() {
    // the control of the test above: only the distribution differs
    Scenario s = withDelay(TestScenarios.minimal(), new DistributionSpec.LogNormal(2, 1));
    assertThat(s.validate()).isEmpty();
    engine().run(s, 0, RandomStreams.of(1), (r, d, m, k, v) -> {});
  }

  /** Blames processes.combat.stepDays on day 3, as a mechanism checking a derived rate would. */
  static final class Blaming implements Mechanism {
    @Override
    public String name() {
      return "blaming";
    }

    @Override
    public void start(RunContext ctx) {
      ctx.sim()
          .scheduleAt(
              3.5,
              sim -> {
                throw new ScenarioFieldException(
                    ScenarioFieldException.processField(CombatParameters.class, "stepDays"),
                    "the derived rate is not finite");
              });
    }
  }

  @Test
  void aMechanismBlamingAFieldIsReportedWithTheDay() {
    Engine engine =
        engine(
            new AbstractModule() {
              @Override
              protected void configure() {
                SimulationModule.mechanisms(binder())
                    .addBinding("blaming")
                    .toInstance(MechanismFactory.of("blaming", s -> Optional.of(new Blaming())));
              }
            });
    Scenario s = TestScenarios.minimal();
    assertThatThrownBy(() -> engine.run(s, 0, RandomStreams.of(1), (r, d, m, k, v) -> {}))
        .isInstanceOf(ScenarioFieldException.class)
        .hasMessage(
            "processes.combat.stepDays: simulated day 3 (2014-06-04): the derived rate is not"
                + " finite");
  }

  @Test
  void processFieldsArePathsOfRegisteredSections() {
    assertThat(ScenarioFieldException.processField(IntakeParameters.class, "servers"))
        .isEqualTo("processes.intake.servers");
    assertThatThrownBy(() -> ScenarioFieldException.processField(IntakeParameters.class, "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no field nope");
  }

  @Test
  void pathOfFindsTheVeryObject() {
    Scenario s = TestScenarios.minimal();
    DistributionSpec service = s.processes().get(IntakeParameters.class).serviceDays();
    assertThat(ScenarioPaths.pathOf(s, service)).contains("processes.intake.serviceDays");
    assertThat(ScenarioPaths.pathOf(s, s.corridors().get(0).transitDelayDays()))
        .contains("corridors.tal-abyad.transitDelayDays");
    // an equal but distinct object is not part of the scenario
    assertThat(ScenarioPaths.pathOf(s, new DistributionSpec.Gamma(4, 1))).isEmpty();
  }
}
