package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;

/** Sweeps from Java: variants, validation, and resuming from any set of finished points. */
class SweepTest {
  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
  private static final Scenario BASE = TestScenarios.minimal();
  private static final List<String> PATHS =
      List.of("corridors.tal-abyad.interdiction", "processes.intake.servers");

  private static Sweep sweep() {
    return new Sweep(
        BASE,
        PATHS,
        Designs.grid(List.of(List.of(0.1, 0.5), List.of(100.0, 300.4))),
        5,
        3,
        Set.of("fighters", "territory_km2"));
  }

  /** Every cell's mean, by point and cell, for comparing runs. */
  private static Map<String, Double> means(Map<Integer, SummaryStatistics> byPoint) {
    Map<String, Double> means = new TreeMap<>();
    byPoint.forEach(
        (p, s) -> s.cells().forEach((cell, summary) -> means.put(p + " " + cell, summary.mean())));
    return means;
  }

  @Test
  void pointsAreVariantsOfTheBaseWithTheSweepsSeedAndIntegersRounded() {
    Sweep sweep = sweep();
    assertThat(sweep.size()).isEqualTo(4);
    Scenario last = sweep.scenario(3);
    assertThat(last.getDouble("corridors.tal-abyad.interdiction")).isEqualTo(0.5);
    assertThat(last.get("processes.intake.servers")).isEqualTo(300);
    assertThat(last.seed()).isEqualTo(5);
    assertThat(sweep.describe(3))
        .isEqualTo("(corridors.tal-abyad.interdiction=0.5, processes.intake.servers=300.4)");
  }

  @Test
  void aResumedSweepGivesTheSameSummariesAsAnUninterruptedOne() throws Exception {
    Map<Integer, SummaryStatistics> whole = new TreeMap<>();
    assertThat(sweep().run(ENGINE, 2, Set.of(), whole::put)).isEqualTo(4);
    assertThat(whole.keySet()).containsExactly(0, 1, 2, 3);

    // first attempt stops after point 1 (as a kill would); the second skips the finished points
    Map<Integer, SummaryStatistics> resumed = new TreeMap<>();
    Set<Integer> done = new TreeSet<>();
    assertThatThrownBy(
            () ->
                sweep()
                    .run(
                        ENGINE,
                        1,
                        done,
                        (point, summary) -> {
                          resumed.put(point, summary);
                          done.add(point);
                          if (point == 1) {
                            throw new IllegalStateException("killed");
                          }
                        }))
        .hasMessage("killed");
    assertThat(done).containsExactly(0, 1);
    assertThat(sweep().run(ENGINE, 2, done, resumed::put)).isEqualTo(2);
    assertThat(means(resumed)).isEqualTo(means(whole)).isNotEmpty();
  }

  @Test
  void anInvalidPointIsNamedBeforeAnythingRuns() {
    Sweep bad =
        new Sweep(
            BASE,
            PATHS.subList(0, 1),
            List.of(new double[] {0.2}, new double[] {1.7}),
            5,
            1,
            Set.of());
    assertThatThrownBy(
            () ->
                bad.run(
                    ENGINE,
                    1,
                    Set.of(),
                    (p, s) -> {
                      throw new AssertionError("nothing may run");
                    }))
        .isInstanceOf(Sweep.InvalidPointException.class)
        .hasMessage(
            "point 1 (corridors.tal-abyad.interdiction=1.7) gives an invalid scenario:"
                + " corridors[0].interdiction: must be in [0, 1], was 1.7");
    assertThatThrownBy(() -> new Sweep(BASE, PATHS, List.of(new double[] {0.2}), 5, 1, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("point 0 has 1 values for 2 paths");
  }
}
