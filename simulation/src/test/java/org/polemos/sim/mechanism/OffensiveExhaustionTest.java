package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.OutputStep;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.process.CombatParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.TerritoryParameters;
import org.polemos.model.result.EventRecord;
import org.polemos.model.validation.ScenarioValidator;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;

/**
 * When an offensive's assault ends ({@code processes.territory.offensiveExhaustion}, issue 12): the
 * window is when reinforcements arrive; with exhaustion below 1 the assault goes on after it until
 * the target falls or the attacker is exhausted, so the end date neither forces nor cuts short the
 * fall. Deterministic combat (no loss noise, no battle fortunes), so every date follows from the
 * forces alone.
 */
class OffensiveExhaustionTest {
  private static final LocalDate START = TestScenarios.START;

  /**
   * Red (a state) assaults blue's place b from a with {@code force} fighters arriving over 10 days;
   * blue (the organisation) holds b with {@code garrison}. {@code kRed} and {@code kBlue} are the
   * sides' aimed-fire effectiveness.
   */
  private static Scenario assault(
      double exhaustion, int force, int garrison, double kRed, double kBlue) {
    List<Faction> factions =
        List.of(
            TestScenarios.faction("red", FactionKind.STATE, FireMode.AIMED, kRed, "blue"),
            TestScenarios.faction("blue", FactionKind.ORGANISATION, FireMode.AIMED, kBlue, "red"));
    List<Region> regions =
        List.of(
            TestScenarios.region("a", 1000, 100, 0, "red", Map.of("red", 5000), "b"),
            TestScenarios.region("b", 1000, 100, 0, "blue", Map.of("blue", garrison), "a"));
    Intervention offensive =
        new Intervention(
            "push",
            "push",
            InterventionKind.GROUND_OFFENSIVE,
            List.of("b"),
            "red",
            START.plusDays(1),
            START.plusDays(10),
            force,
            null);
    Processes p =
        TestScenarios.processes()
            .with(new CombatParameters(0.02, 0.5, 50, 0, 1, 1))
            .with(TerritoryParameters.builder().offensiveExhaustion(exhaustion).build());
    return TestScenarios.scenario(
        START.plusDays(119),
        OutputStep.MONTHLY,
        factions,
        regions,
        List.of(),
        List.of(),
        List.of(offensive),
        p);
  }

  private static List<EventRecord> events(Scenario s) {
    assertThat(ScenarioValidator.validate(s)).isEmpty();
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    List<EventRecord> events = new ArrayList<>();
    engine.run(
        s,
        0,
        RandomStreams.of(1),
        new RunListener() {
          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {}

          @Override
          public void event(EventRecord e) {
            events.add(e);
          }
        });
    return events;
  }

  private static EventRecord first(List<EventRecord> events, String type) {
    return events.stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
  }

  /**
   * Red kills blue slowly (b falls when blue is below half the committed attackers, about three
   * weeks in) and blue barely hurts red: with exhaustion 0.7 the assault goes on after the 10-day
   * window and b falls after it; with 1 (the default, the old rule) the assault ends with the
   * window and b holds to the end of the run, so the end date decided the outcome.
   */
  @Test
  void theTargetFallsAfterTheWindowWhenTheAssaultGoesOn() {
    List<EventRecord> goesOn = events(assault(0.7, 3000, 2000, 0.01, 0.0005));
    EventRecord ended = first(goesOn, "intervention-ended");
    EventRecord fell = first(goesOn, "control-changed");
    assertThat(ended).isNotNull();
    assertThat(fell).as("b falls").isNotNull();
    assertThat(fell.date()).isAfter(ended.date());
    assertThat(fell.details()).containsEntry("to", "red");
    assertThat(first(goesOn, "offensive-exhausted")).isNull();

    List<EventRecord> stops = events(assault(1.0, 3000, 2000, 0.01, 0.0005));
    assertThat(first(stops, "control-changed")).as("b holds once the assault stops").isNull();
    assertThat(first(stops, "offensive-exhausted")).isNull();
  }

  /**
   * Blue's garrison cannot be beaten (red does no damage) and kills 10 of red's committed attackers
   * a day: after the window the assault goes on until red has lost 30% of what it committed, then
   * it is called off (event {@code offensive-exhausted}, its committed fighters at most 0.7 of
   * those delivered and within one day's losses of it); with exhaustion 1 it ends with the window
   * and nothing is reported.
   */
  @Test
  void anAssaultThatCannotWinIsCalledOffWhenTheAttackerIsExhausted() {
    List<EventRecord> events = events(assault(0.7, 1000, 10_000, 0.0, 0.001));
    EventRecord ended = first(events, "intervention-ended");
    EventRecord exhausted = first(events, "offensive-exhausted");
    assertThat(first(events, "control-changed")).isNull();
    assertThat(exhausted).isNotNull();
    assertThat(exhausted.subject()).isEqualTo("push");
    assertThat(exhausted.details()).containsEntry("target", "b");
    assertThat(exhausted.date()).isAfter(ended.date());
    double committed = Double.parseDouble(exhausted.details().get("committed"));
    double delivered = Double.parseDouble(exhausted.details().get("delivered"));
    assertThat(delivered).isBetween(990.0, 1000.0); // all of it, less rounding
    assertThat(committed).isLessThanOrEqualTo(0.7 * delivered + 0.5);
    assertThat(committed).isGreaterThan(0.7 * delivered - 10 - 1); // one day's losses
    // red loses 10 a day from the first day (blue engages its whole garrison of 10,000 against
    // the assault at 0.001): the ~300 lost fighters take about 30 days from the start
    long days = exhausted.date().toEpochDay() - START.plusDays(1).toEpochDay();
    assertThat(days).isBetween(25L, 40L);

    assertThat(first(events(assault(1.0, 1000, 10_000, 0.0, 0.001)), "offensive-exhausted"))
        .isNull();
  }
}
