package org.polemos.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polemos.model.Fixtures;
import org.polemos.model.Scenario;

/**
 * Issue 10: the values that used to validate and then crash, hang or overflow a run are refused,
 * each at its path. (Every numeric path with extreme values: cli's ExtremeValuesPropertyTest.)
 */
class BoundsTest {
  private static final Scenario BASE = Fixtures.base();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // path; value; the path of the problem; what it says
        "calendar.end; 9999-12-31; calendar.end; the horizon must be at most 100 years",
        "calendar.start; 0001-01-01; calendar.start; must be in the years 1900 to 2200",
        "sources.tunisia.atRiskPool; 1e15; sources[0].atRiskPool; must be <= 1000000000",
        "processes.combat.stepDays; 1e-300; processes.combat.stepDays; must be >= 0.01",
        "processes.externalOperations.inspiredAttacksPerYear; 1e300; "
            + "processes.externalOperations.inspiredAttacksPerYear; must be <= 1000000",
        "regions.raqqa.areaKm2; 1e308; regions[0].areaKm2; must be <= 20000000",
        "processes.economy.payUsdPerFighterPerDay; 1e308; processes.economy.payUsdPerFighterPerDay; must be <= 1000000",
        "corridors.tal-abyad.transitDelayDays.mu; 500; corridors[0].transitDelayDays.mu; must be in [-20, 20]",
        "corridors.tal-abyad.transitDelayDays.sigma; 300; corridors[0].transitDelayDays.sigma; must be <= 5",
        "processes.territory.offensiveExhaustion; 1.5; processes.territory.offensiveExhaustion; must be in [0, 1]",
        "processes.territory.offensiveExhaustion; -0.1; processes.territory.offensiveExhaustion; must be in [0, 1]",
        "name; x; ; ",
      })
  void valuesThatBrokeRunsAreRefusedAtTheirPath(
      String path, String value, String problemPath, String message) {
    Object v;
    try {
      v = new java.math.BigDecimal(value);
    } catch (NumberFormatException e) {
      v = value; // a date or a text
    }
    List<Problem> problems = BASE.with(path, v).validate();
    if (problemPath == null) {
      assertThat(problems).isEmpty();
      return;
    }
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.path()).isEqualTo(problemPath);
              assertThat(p.message()).contains(message);
            });
  }

  @ParameterizedTest(name = "pool {0}, propensity {1}")
  @CsvSource({"1000000000, 1, true", "1000000000, 0.0001, false", "100000, 1, false"})
  void thePeopleARunFollowsAreBoundedTogether(long pool, double propensity, boolean refused) {
    Scenario s =
        BASE.with("sources.tunisia.atRiskPool", pool)
            .with("sources.tunisia.annualPropensity", propensity);
    List<Problem> problems = s.validate();
    if (refused) {
      assertThat(problems)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.path()).isEqualTo("sources[0].atRiskPool");
                assertThat(p.message()).contains("more than the 2000000 a run follows one by one");
              });
    } else {
      assertThat(problems).isEmpty();
    }
  }
}
