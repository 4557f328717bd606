package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * The external operations branch as an organisation (issue 14): capacity-limited training, cells
 * with one plot each, a way out only by a corridor open at the time, and border closures that do
 * not stop outgoing cells unless the scenario says so. People are conserved throughout.
 */
class OperationsBranchTest {

  private static ExternalOperationsParameters params(
      int places, DistributionSpec cell, boolean closureStops) {
    return ExternalOperationsParameters.builder()
        .trainingDays(new DistributionSpec.Fixed(10))
        .plotDays(new DistributionSpec.Fixed(30))
        .inspiredAttacksPerYear(0)
        .trainingPlaces(places)
        .cellSize(cell)
        .borderClosureStopsOperatives(closureStops)
        .build();
  }

  /**
   * One source, one corridor into {@code entry}: "r" (held by the organisation, so open) or "k"
   * (held by another faction, so never open); a border closure on it from the start.
   */
  private static Scenario scenario(ExternalOperationsParameters ops, String entry) {
    return TestScenarios.scenario(
        TestScenarios.START.plusDays(199),
        OutputStep.MONTHLY,
        List.of(
            TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0),
            TestScenarios.faction("state", FactionKind.STATE, FireMode.AREA, 0)),
        List.of(
            TestScenarios.region("r", 1000, 10, 0, "is", Map.of("is", 20)),
            TestScenarios.region("k", 1000, 10, 0, "state", Map.of("state", 20))),
        List.of(TestScenarios.source("fr", 1000, 0, "french")),
        List.of(TestScenarios.corridor("c", entry, new DistributionSpec.Fixed(2), 0, 0, "fr")),
        List.of(
            new Intervention(
                "closed",
                "closed",
                InterventionKind.BORDER_CLOSURE,
                List.of("c"),
                null,
                TestScenarios.START,
                TestScenarios.START.plusDays(199),
                1.0,
                null)),
        TestScenarios.processes().with(ops));
  }

  private static RunContext start(Scenario s, ExternalOperations ops) {
    RunContext ctx = RunContext.forTest(s, 0, RandomStreams.of(5), RunListener.NONE);
    new Interventions().start(ctx);
    ops.start(ctx);
    return ctx;
  }

  /** Assigns {@code n} recruits of source 0 the way Intake does, while the branch has places. */
  private static int assign(RunContext ctx, ExternalOperations ops, int n) {
    People people = ctx.world().people();
    int accepted = 0;
    for (int i = 0; i < n; i++) {
      if (ops.hasPlace(0)) {
        people.depart(0, PersonState.OPERATIVE, 1);
        ops.assigned(0);
        accepted++;
      }
    }
    return accepted;
  }

  @Test
  void trainingIsCapacityLimitedAndCellsMakeOnePlotEach() {
    ExternalOperations ops = new ExternalOperations();
    RunContext ctx = start(scenario(params(6, new DistributionSpec.Fixed(3), false), "r"), ops);
    ctx.sim().runUntil(1); // the border closure is on
    assertThat(assign(ctx, ops, 10)).isEqualTo(6);
    assertThat(ops.inTraining()).isEqualTo(6);
    ctx.sim().runUntil(150);
    World w = ctx.world();
    People people = w.people();
    assertThat(ops.inTraining()).isZero();
    assertThat(people.dispatched(0)).isEqualTo(6);
    // two cells of three: two plots; the six people all reached an outcome
    assertThat(w.plotsFoiled(0) + w.plotsExecuted(0)).isEqualTo(2);
    assertThat(
            people.count(PersonState.PLOT_FOILED, 0) + people.count(PersonState.PLOT_EXECUTED, 0))
        .isEqualTo(6);
    assertThat(people.count(PersonState.PLOT_FOILED, 0)).isEqualTo(3 * w.plotsFoiled(0));
    // a border closure of intensity 1 did not stop the outgoing cells
    assertThat(people.count(PersonState.OPERATIVE_INTERDICTED, 0)).isZero();
    assertThat(people.accountedFor()).isEqualTo(people.departed());
  }

  @Test
  void aBorderClosureStopsOutgoingCellsOnlyWhenTheScenarioSaysSo() {
    ExternalOperations ops = new ExternalOperations();
    RunContext ctx = start(scenario(params(100, new DistributionSpec.Fixed(2), true), "r"), ops);
    ctx.sim().runUntil(1);
    assign(ctx, ops, 8);
    ctx.sim().runUntil(150);
    People people = ctx.world().people();
    assertThat(people.count(PersonState.OPERATIVE_INTERDICTED, 0)).isEqualTo(8);
    assertThat(ctx.world().interdictedCount(0)).isEqualTo(8);
    assertThat(ctx.world().plotsFoiled(0) + ctx.world().plotsExecuted(0)).isZero();
  }

  @Test
  void cellsLeaveOnlyByACorridorOpenAtTheTime() {
    ExternalOperations ops = new ExternalOperations();
    RunContext ctx = start(scenario(params(100, new DistributionSpec.Fixed(1), false), "k"), ops);
    ctx.sim().runUntil(1);
    assign(ctx, ops, 5);
    ctx.sim().runUntil(100);
    World w = ctx.world();
    People people = w.people();
    // the corridor was never open: nobody set out, nobody was interdicted on it
    assertThat(people.dispatched(0)).isZero();
    assertThat(w.interdictedCount(0)).isZero();
    assertThat(people.count(PersonState.OPERATIVE, 0)).isEqualTo(5);
    // it opens: the waiting cells set out within a day and reach an outcome
    w.corridorOpen(0, true);
    ctx.sim().runUntil(180);
    assertThat(people.dispatched(0)).isEqualTo(5);
    assertThat(w.plotsFoiled(0) + w.plotsExecuted(0)).isEqualTo(5);
    assertThat(people.accountedFor()).isEqualTo(people.departed());
  }
}
