package org.polemos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.process.MomentumParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.model.validation.InvalidScenarioException;
import org.polemos.model.validation.Problem;

class ScenarioBuilderTest {

  @Test
  void equalInputsGiveEqualRecords() {
    Scenario a = Fixtures.base();
    Scenario b = Fixtures.base();
    assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Fixtures.baseBuilder().seed(43).build()).isNotEqualTo(a);
  }

  @Test
  void theBuilderFillsTheRecordsAsWritten() {
    Scenario s = Fixtures.base();
    assertThat(s.id()).isEqualTo("minimal");
    assertThat(s.calendar())
        .isEqualTo(
            new Calendar(LocalDate.of(2014, 1, 1), LocalDate.of(2017, 12, 31), OutputStep.MONTHLY));
    assertThat(s.factions())
        .extracting(Faction::id)
        .containsExactly("islamic-state", "iraqi-forces");
    assertThat(s.factions().get(0).name()).isEqualTo("islamic-state");
    assertThat(s.factions().get(1).parameters())
        .isEqualTo(new FactionParameters(FireMode.AIMED, 0.02, 0.8));
    assertThat(s.regions().get(1))
        .isEqualTo(
            new Region(
                "mosul",
                "Nineveh",
                "IQ",
                3_270_000,
                37_323,
                10_000,
                1.5,
                List.of("raqqa", "baghdad"),
                "islamic-state",
                java.util.Map.of("islamic-state", 8_000, "iraqi-forces", 0),
                ""));
    assertThat(s.regions().get(2).defensibility()).isEqualTo(1.0);
    assertThat(s.corridors().get(0))
        .isEqualTo(
            new Corridor(
                "tal-abyad",
                "Tal Abyad",
                List.of("tunisia"),
                "Gaziantep",
                "raqqa",
                new DistributionSpec.LogNormal(1.5, 0.5),
                0.05,
                0.1,
                1.0,
                ""));
    assertThat(s.interventions().get(0).faction()).isEqualTo("iraqi-forces");
    assertThat(s.processes()).isEqualTo(Processes.defaults());
  }

  @Test
  void buildThrowsWithEveryProblem() {
    ScenarioBuilder builder =
        Fixtures.baseBuilder()
            .region(Region.builder("raqqa").country("Syria").areaKm2(-1).controller("isis"))
            .calendar(null);
    InvalidScenarioException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidScenarioException.class, builder::build);
    assertThat(e.problems())
        .containsExactly(
            new Problem("calendar", "is required"),
            new Problem("regions[3].id", "duplicate id \"raqqa\" (first used at regions[0])"),
            new Problem(
                "regions[3].country",
                "must be an ISO 3166-1 alpha-2 code such as \"SY\", was \"Syria\""),
            new Problem("regions[3].areaKm2", "must be > 0, was -1"),
            new Problem(
                "regions[3].controller",
                "unknown faction \"isis\" (did you mean \"islamic-state\"?)"));
    assertThat(e).hasMessageStartingWith("scenario \"minimal\" has 5 problems:");
    for (Problem problem : e.problems()) {
      assertThat(e.getMessage()).contains(problem.toString());
    }
    assertThat(builder.buildUnchecked().regions()).hasSize(4);
  }

  @Test
  void anEmptyBuilderReportsWhatIsMissing() {
    assertThatThrownBy(() -> Scenario.builder("empty").build())
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("calendar: is required")
        .hasMessageContaining("factions: must include a faction of kind organisation")
        .hasMessageContaining("regions: must list at least one region");
  }

  @Test
  void processesDefaultsAreValidAndDocumentedValuesHold() {
    Processes defaults = Processes.defaults();
    assertThat(defaults).isEqualTo(Processes.defaults());
    assertThat(defaults.get(IntakeParameters.class).serviceDays())
        .isEqualTo(new DistributionSpec.Exponential(21));
    assertThat(defaults.get(MomentumParameters.class).minimum())
        .isLessThanOrEqualTo(1)
        .isPositive();
    assertThat(defaults.get(RecruitmentParameters.class).compartmental()).isNull();
  }
}
