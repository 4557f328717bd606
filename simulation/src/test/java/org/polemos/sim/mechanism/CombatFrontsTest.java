package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.process.CombatParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Combat keeps its list of active fronts between steps and rebuilds it only when a place has
 * changed hands (docs/PERFORMANCE.md, "Issue 12's budget: the combat step"): a change of control
 * made outside combat (an offensive, the underground, a test) must end or open fronts at the next
 * step, exactly as if the fronts were found anew every step.
 */
class CombatFrontsTest {

  @Test
  void aChangeOfControlOutsideCombatEndsAndOpensFrontsAtTheNextStep() {
    // a (red) - b (blue) - c (red): two fronts; captureRatio 0 and minimumGarrison 0, so no place
    // is taken in combat and only the test changes control
    Scenario s =
        TestScenarios.scenario(
            TestScenarios.START.plusDays(30),
            OutputStep.DAILY,
            List.of(
                TestScenarios.faction("red", FactionKind.STATE, FireMode.AIMED, 0.05, "blue"),
                TestScenarios.faction("blue", FactionKind.NON_STATE, FireMode.AIMED, 0.05, "red")),
            List.of(
                TestScenarios.region("a", 1000, 100, 0, "red", Map.of("red", 1000), "b"),
                TestScenarios.region("b", 1000, 100, 0, "blue", Map.of("blue", 1000), "a", "c"),
                TestScenarios.region("c", 1000, 100, 0, "red", Map.of("red", 1000), "b")),
            List.of(),
            List.of(),
            List.of(),
            TestScenarios.processes().with(new CombatParameters(0.5, 0.0, 0, 0, 1, 1)));
    RunContext ctx = RunContext.forTest(s, 0, RandomStreams.of(3), RunListener.NONE);
    World w = ctx.world();
    Draw draw = new Draw(ctx.random("test"));
    Combat combat = new Combat();
    combat.start(ctx);

    combat.step(); // two fronts: both sides lose
    assertThat(w.deaths(0)).isPositive();
    assertThat(w.deaths(1)).isPositive();
    assertThat(w.controller(1)).isEqualTo(1);

    // b handed to red outside combat: no front is left, so the next steps kill no one (a list of
    // fronts kept stale would make red fight itself across a-b and b-c)
    w.changeControl(1, 0, draw);
    double red = w.deaths(0);
    double blue = w.deaths(1);
    double redFighters = w.fighters(0);
    combat.step();
    combat.step();
    assertThat(w.deaths(0)).isEqualTo(red);
    assertThat(w.deaths(1)).isEqualTo(blue);
    assertThat(w.fighters(0)).isEqualTo(redFighters);

    // blue given c (with fighters of its own) outside combat: a new front b-c fights at the next
    // step, and a-b stays quiet (both red)
    w.addFighters(2, 1, 500);
    w.changeControl(2, 1, draw);
    double aBefore = w.fighters(0, 0);
    combat.step();
    assertThat(w.deaths(0)).isGreaterThan(red);
    assertThat(w.deaths(1)).isGreaterThan(blue);
    assertThat(w.fighters(0, 0)).isEqualTo(aBefore); // a has no front: its fighters untouched
  }
}
