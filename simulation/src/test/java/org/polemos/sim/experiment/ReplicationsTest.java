package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.mechanism.Mechanism;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.random.RandomStreams;

class ReplicationsTest {
  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);

  private static TestScenarios.Collector run(int first, int count, int threads) {
    TestScenarios.Collector out = new TestScenarios.Collector();
    List<Integer> progress = new ArrayList<>();
    new Replications(ENGINE)
        .run(
            TestScenarios.minimal(),
            RandomStreams.of(99),
            first,
            count,
            threads,
            out,
            (done, total) -> progress.add(done));
    assertThat(progress).hasSize(count).isSorted();
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void outputIsTheSameInIndexOrderForAnyThreadCount(int threads) {
    TestScenarios.Collector sequential = run(0, 5, 1);
    TestScenarios.Collector parallel = run(0, 5, threads);
    assertThat(parallel.rows).isEqualTo(sequential.rows);
    assertThat(parallel.events).isEqualTo(sequential.events);
    assertThat(sequential.rows.stream().map(r -> r.replication()).distinct())
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aReplicationIsTheSameWhateverRunsBeforeIt() {
    TestScenarios.Collector all = run(0, 4, 2);
    TestScenarios.Collector third = run(3, 1, 1);
    assertThat(all.rows.stream().filter(r -> r.replication() == 3).toList()).isEqualTo(third.rows);
  }

  @Test
  void aFailingReplicationIsNamed() {
    MechanismFactory failing =
        MechanismFactory.of(
            "failing",
            scenario ->
                java.util.Optional.of(
                    new Mechanism() {
                      @Override
                      public String name() {
                        return "failing";
                      }

                      @Override
                      public void start(org.polemos.sim.RunContext ctx) {
                        if (ctx.replication() == 2) {
                          throw new IllegalStateException("boom");
                        }
                      }
                    }));
    Engine engine =
        Guice.createInjector(
                new SimulationModule(),
                binder ->
                    SimulationModule.mechanisms(binder).addBinding("failing").toInstance(failing))
            .getInstance(Engine.class);
    Scenario scenario = TestScenarios.minimal();
    assertThatThrownBy(
            () ->
                new Replications(engine)
                    .run(
                        scenario,
                        RandomStreams.of(1),
                        0,
                        4,
                        2,
                        new TestScenarios.Collector(),
                        Replications.Progress.NONE))
        .isInstanceOf(Replications.ReplicationFailedException.class)
        .hasMessageContaining("replication 2 failed")
        .hasMessageContaining("boom");
  }
}
