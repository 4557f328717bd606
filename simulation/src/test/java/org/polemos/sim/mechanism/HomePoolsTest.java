package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;

/** The home pools Attrition provides for external operations (issue 13). */
class HomePoolsTest {

  @Test
  void
      frustratedTravellersAreTheTurnedBackTheGivenUpAndThePreventedAndReturneesAtLargeTheUnarrested() {
    var scenario = TestScenarios.minimal();
    RunContext ctx = RunContext.forTest(scenario, 0, RandomStreams.of(1), RunListener.NONE);
    Attrition attrition = (Attrition) Attrition.FACTORY.create(scenario).orElseThrow();
    attrition.wire(ctx);
    Ports.HomePools pools = ctx.require(Ports.HomePools.class);
    People people = ctx.world().people();
    people.depart(0, PersonState.TURNED_BACK, 5);
    people.depart(0, PersonState.AT_HUB, 4);
    people.move(0, PersonState.AT_HUB, PersonState.GAVE_UP, 3);
    people.depart(0, PersonState.RETURNED, 10);
    people.returneeArrested(0);
    people.returneeArrested(0);
    people.depart(0, PersonState.ARRESTED_AT_DEPARTURE, 7); // detained: in neither pool
    people.depart(1, PersonState.TURNED_BACK, 2);
    people.prevented(1, 0, 4); // stopped by a travel instrument before departing: frustrated
    people.prevented(1, 3, 1);
    assertThat(people.accountedFor(1)).isEqualTo(people.departed(1)).isEqualTo(2);
    assertThat(pools.frustratedTravellers(0)).isEqualTo(8);
    assertThat(pools.returneesAtLarge(0)).isEqualTo(8);
    assertThat(pools.frustratedTravellers(1)).isEqualTo(7);
    assertThat(pools.returneesAtLarge(1)).isZero();
    assertThat(Ports.HomePools.NONE.frustratedTravellers(0)).isZero();
  }
}
