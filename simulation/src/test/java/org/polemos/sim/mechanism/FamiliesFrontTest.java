package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * {@link Families} keeps, per place, whether it borders a place held by an enemy of the
 * organisation that holds ground (the families' deaths there take the war hazard), and finds it
 * again only after a place has changed hands (docs/PERFORMANCE.md, "Issue 12's budget: last pass"):
 * a change of control must end and open fronts at once, exactly as if the neighbours were read anew
 * every day.
 */
class FamiliesFrontTest {

  @Test
  void aChangeOfControlEndsAndOpensTheFamiliesFrontAtOnce() {
    // a (red) - b (org) - c (org), and d (blue, not red's or the organisation's enemy) next to c
    Scenario s =
        TestScenarios.scenario(
            TestScenarios.START.plusDays(30),
            OutputStep.DAILY,
            List.of(
                TestScenarios.faction("org", FactionKind.ORGANISATION, FireMode.AIMED, 0.05, "red"),
                TestScenarios.faction("red", FactionKind.STATE, FireMode.AIMED, 0.05, "org"),
                TestScenarios.faction("blue", FactionKind.STATE, FireMode.AIMED, 0.05)),
            List.of(
                TestScenarios.region("a", 1000, 100, 0, "red", Map.of("red", 1000), "b"),
                TestScenarios.region("b", 1000, 100, 0, "org", Map.of("org", 1000), "a", "c"),
                TestScenarios.region("c", 1000, 100, 0, "org", Map.of("org", 1000), "b", "d"),
                TestScenarios.region("d", 1000, 100, 0, "blue", Map.of("blue", 1000), "c")),
            List.of(),
            List.of(),
            List.of(),
            TestScenarios.processes());
    RunContext ctx = RunContext.forTest(s, 0, RandomStreams.of(3), RunListener.NONE);
    World w = ctx.world();
    Draw draw = new Draw(ctx.random("test"));
    Families families = new Families();
    families.wire(ctx);
    families.start(ctx);
    int a = 0;
    int b = 1;
    int c = 2;
    int d = 3;
    int org = 0;
    int red = 1;

    assertThat(families.onFront(b)).isTrue(); // next to red's a
    assertThat(families.onFront(c)).isFalse(); // next to b (org) and d (blue, no enemy)

    // a taken by the organisation: b's front is gone (a kept flag not found again stays true)
    w.changeControl(a, org, draw);
    assertThat(families.onFront(b)).isFalse();
    assertThat(families.onFront(c)).isFalse();

    // c taken by red: b borders an enemy again
    w.changeControl(c, red, draw);
    assertThat(families.onFront(b)).isTrue();
  }
}
