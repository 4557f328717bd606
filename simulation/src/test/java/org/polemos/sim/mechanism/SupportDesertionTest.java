package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;

/** Foreign support staff desert and return like fighters (issue 13, item 8), people conserved. */
class SupportDesertionTest {

  /**
   * 1,000,000 support staff of tn for 30 days at the minimal scenario's daily probability q (held
   * constant: nothing else runs): deserters Binomial(n, 1 - (1 - q)^30) in mean, checked to 5
   * standard deviations (a false failure about once in 1.7 million seeds); returned share of the
   * deserters 0.3 to +-0.1 (at least 5 sd for the ~8,000 deserters); fr, with no support staff, has
   * none; people conserved (departed = sum over states) throughout.
   */
  @Test
  void supportStaffDesertAtTheFightersRateAndAreConserved() {
    var scenario = TestScenarios.minimal();
    RunContext ctx = RunContext.forTest(scenario, 0, RandomStreams.of(4), RunListener.NONE);
    Attrition attrition = (Attrition) Attrition.FACTORY.create(scenario).orElseThrow();
    attrition.wire(ctx);
    attrition.start(ctx);
    People people = ctx.world().people();
    long n = 1_000_000;
    people.depart(0, PersonState.SUPPORT, n);
    double q = attrition.dailyProbability();
    assertThat(q).isPositive();
    ctx.sim().runUntil(30.0);
    long left = people.count(PersonState.SUPPORT, 0);
    long returned = people.count(PersonState.RETURNED, 0);
    long deserted = people.count(PersonState.DESERTED, 0);
    assertThat(left + returned + deserted).isEqualTo(n);
    assertThat(people.accountedFor()).isEqualTo(people.departed());
    double pr = 1 - Math.pow(1 - q, 30);
    double mean = n * pr;
    double sd = Math.sqrt(n * pr * (1 - pr));
    assertThat((double) (returned + deserted)).isBetween(mean - 5 * sd, mean + 5 * sd);
    assertThat((double) returned / (returned + deserted)).isBetween(0.2, 0.4);
    assertThat(people.returneesArrested(0)).isBetween(0L, returned);
    assertThat(people.deserted(0)).isEqualTo(returned + deserted);
    assertThat(people.count(PersonState.RETURNED, 1) + people.count(PersonState.DESERTED, 1))
        .isZero();
  }
}
