package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.model.process.ExternalOperationsParameters.CapacityBasis;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;

/**
 * The branch's capacity lives on the ground held (issue 14, {@code capacityFollows}): its training
 * places are {@code floor(trainingPlaces x H / max H)}, no operative is selected beyond them, and
 * people are conserved. The organisation holds r (population 3000, area 1000) and q (population
 * 1000, area 3000); it loses q on day {@link #LOSS} and retakes it on day {@link #RETAKE}.
 */
class OperationsCapacityTest {
  private static final int PLACES = 40;
  private static final int LOSS = 30;
  private static final int RETAKE = 70;
  private static final int DAYS = 100;

  private static ExternalOperationsParameters params(CapacityBasis basis) {
    return ExternalOperationsParameters.builder()
        // training ends 0.3 days before a midday selection (4.7 days): each day's selection sees
        // the places freed since the last
        .trainingDays(new DistributionSpec.Fixed(4.7))
        .plotDays(new DistributionSpec.Fixed(30))
        .inspiredAttacksPerYear(0)
        .trainingPlaces(PLACES)
        .inspiredPlotDays(new DistributionSpec.Fixed(1))
        // ~550 wanted a day from 20,000 serving: demand far above the places
        .selectionPerYear(10.0)
        .capacityFollows(basis)
        .build();
  }

  private static Scenario scenario(ExternalOperationsParameters ops) {
    return TestScenarios.scenario(
        TestScenarios.START.plusDays(DAYS + 10),
        OutputStep.MONTHLY,
        List.of(
            TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0, "state"),
            TestScenarios.faction("state", FactionKind.STATE, FireMode.AREA, 0, "is")),
        List.of(
            TestScenarios.region("r", 3000, 1000, 0, "is", Map.of("is", 20), "q"),
            TestScenarios.region("q", 1000, 3000, 0, "is", Map.of("is", 20), "r", "k"),
            TestScenarios.region("k", 500, 500, 0, "state", Map.of("state", 20), "q")),
        List.of(TestScenarios.source("fr", 100_000, 0, "french")),
        List.of(),
        List.of(),
        TestScenarios.processes().with(ops));
  }

  private static RunContext start(ExternalOperationsParameters p, ExternalOperations ops) {
    RunContext ctx = RunContext.forTest(scenario(p), 0, RandomStreams.of(5), RunListener.NONE);
    new Interventions().start(ctx);
    ops.start(ctx);
    People people = ctx.world().people();
    int r = ctx.index().place("r");
    people.depart(0, PersonState.IN_INTAKE, 20_000);
    for (int i = 0; i < 20_000; i++) {
      ctx.world().addForeignFighter(r, 0);
    }
    int q = ctx.index().place("q");
    int state = ctx.index().faction("state");
    int is = ctx.world().organisation();
    Draw draw = new Draw(ctx.random("test"));
    // between two middays: the day's selection sees the new places
    ctx.sim().scheduleAt(LOSS + 0.2, sim -> ctx.world().changeControl(q, state, draw));
    ctx.sim().scheduleAt(RETAKE + 0.2, sim -> ctx.world().changeControl(q, is, draw));
    return ctx;
  }

  /**
   * The closed form: 40 places while both regions are held; after q is lost {@code floor(40 x 3000
   * / 4000) = 30} by population, {@code floor(40 x 1000 / 4000) = 10} by area; 40 again once q is
   * retaken (the peak is the largest held so far, which the retaking restores). Checked just after
   * every day's selection: the places equal the closed form; on a day anyone is selected the
   * operatives in training do not exceed the places (no selection beyond capacity); with demand far
   * above the places the branch is full (in training = places) whenever those trained before the
   * loss have finished (5 days); people are conserved.
   */
  @ParameterizedTest
  @EnumSource(
      value = CapacityBasis.class,
      names = {"POPULATION", "AREA"})
  void placesFollowTheGroundHeldAsTheClosedFormSays(CapacityBasis basis) {
    ExternalOperations ops = new ExternalOperations();
    RunContext ctx = start(params(basis), ops);
    int afterLoss = basis == CapacityBasis.POPULATION ? 30 : 10;
    People people = ctx.world().people();
    long previous = 0;
    for (int day = 0; day < DAYS; day++) {
      ctx.sim().runUntil(day + 0.6);
      int expected = day >= LOSS && day < RETAKE ? afterLoss : PLACES;
      assertThat(ops.trainingPlaces()).as("places on day %d", day).isEqualTo(expected);
      long selected = ops.selected(false) + ops.selected(true);
      if (selected > previous) {
        assertThat(ops.inTraining()).as("in training on day %d", day).isLessThanOrEqualTo(expected);
      }
      // demand far above the places: the branch is always full or above (while those trained
      // before the loss finish), and exactly full once they have (5 days after the loss)
      assertThat(ops.inTraining()).as("full on day %d", day).isGreaterThanOrEqualTo(expected);
      if (day < LOSS || day >= LOSS + 5) {
        assertThat(ops.inTraining()).as("exactly full on day %d", day).isEqualTo(expected);
      }
      previous = selected;
      assertThat(people.accountedFor())
          .as("people conserved, day %d", day)
          .isEqualTo(people.departed());
    }
  }

  /** With the capacity fixed (the default) the places stay at trainingPlaces whatever is lost. */
  @Test
  void fixedPlacesIgnoreTheGround() {
    ExternalOperations ops = new ExternalOperations();
    RunContext ctx = start(params(null), ops);
    for (int day = 0; day < DAYS; day++) {
      ctx.sim().runUntil(day + 0.6);
      assertThat(ops.trainingPlaces()).isEqualTo(PLACES);
      assertThat(ops.inTraining()).isEqualTo(PLACES);
    }
    assertThat(params(null).capacityFollows()).isEqualTo(CapacityBasis.FIXED);
  }

  /** The share itself: held over peak, clamped to [0, 1], 0 when nothing was ever held. */
  @Test
  void heldShareIsHeldOverPeak() {
    assertThat(ExternalOperationsParameters.heldShare(3, 4)).isEqualTo(0.75);
    assertThat(ExternalOperationsParameters.heldShare(0, 4)).isZero();
    assertThat(ExternalOperationsParameters.heldShare(0, 0)).isZero();
    assertThat(params(CapacityBasis.POPULATION).placesNow(1, 3)).isEqualTo(13);
    assertThat(params(CapacityBasis.FIXED).placesNow(0, 3)).isEqualTo(PLACES);
  }
}
