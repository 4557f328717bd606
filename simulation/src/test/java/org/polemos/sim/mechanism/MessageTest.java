package org.polemos.sim.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.model.FactionKind;
import org.polemos.model.FireMode;
import org.polemos.model.OutputStep;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.MessageParameters;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.RunContext;
import org.polemos.sim.RunListener;
import org.polemos.sim.TestScenarios;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.sampling.Draw;

/** The organisation's message (issue 13): the switch, its ramp, and its effect on departures. */
class MessageTest {

  record Setup(RunContext ctx, Message message, long[] departed, List<EventRecord> events) {}

  /** One source (pool 10 million, propensity 0.01/yr) into place a; the organisation holds a, b. */
  static Setup setup(MessageParameters p) {
    Scenario s =
        TestScenarios.scenario(
            TestScenarios.START.plusDays(3 * 365L),
            OutputStep.MONTHLY,
            List.of(
                TestScenarios.faction("is", FactionKind.ORGANISATION, FireMode.AREA, 0, "gov"),
                TestScenarios.faction("gov", FactionKind.STATE, FireMode.AREA, 0, "is")),
            List.of(
                TestScenarios.region("a", 1000, 10, 0, "is", Map.of(), "b", "z"),
                TestScenarios.region("b", 1000, 10, 0, "is", Map.of(), "a", "z"),
                TestScenarios.region("z", 1000, 10, 0, "gov", Map.of("gov", 100), "a", "b")),
            List.of(TestScenarios.source("tn", 10_000_000, 0.01, "arabic")),
            List.of(TestScenarios.corridor("c", "a", new DistributionSpec.Fixed(1), 0, 0, "tn")),
            List.of(),
            TestScenarios.processes().with(p));
    List<EventRecord> events = new ArrayList<>();
    RunContext ctx =
        RunContext.forTest(
            s,
            0,
            RandomStreams.of(4),
            new RunListener() {
              @Override
              public void series(
                  int rep, java.time.LocalDate date, String metric, String key, double value) {}

              @Override
              public void event(EventRecord e) {
                events.add(e);
              }
            });
    long[] departed = new long[1];
    ctx.provide(
        Ports.Departures.class,
        new Ports.Departures() {
          @Override
          public void departed(int source, long count) {
            departed[0] += count;
          }

          @Override
          public boolean canDepart(int source) {
            return true;
          }
        });
    Message message = (Message) Message.FACTORY.create(s).orElseThrow();
    message.wire(ctx);
    Departures departures = (Departures) Departures.FACTORY.create(s).orElseThrow();
    departures.start(ctx);
    message.start(ctx);
    return new Setup(ctx, message, departed, events);
  }

  /**
   * Scheduled on day 365, ramping over 60 days to a call of 0.8 that halves departures at full
   * strength: the call is 0 before, 0.4 half-way, 0.8 after; departures in the year after the ramp
   * are 1 - 0.5 x 0.8 = 0.6 of those in the year before the switch (the pool of 10 million loses
   * under 1% a year; Poisson noise sd 0.3% of 100,000; tolerance 0.015).
   */
  @Test
  void aScheduledSwitchRampsTheCallAndLowersDeparturesByItsEffect() {
    Setup s = setup(new MessageParameters(TestScenarios.START.plusDays(365), null, 60.0, 0.8, 0.5));
    s.ctx().sim().runUntil(364);
    assertThat(s.message().stayAndAttackCall()).isZero();
    long before = s.departed()[0];
    s.ctx().sim().runUntil(365 + 30);
    assertThat(s.message().stayAndAttackCall()).isCloseTo(0.4, within(1e-9));
    s.ctx().sim().runUntil(365 + 60 + 1);
    assertThat(s.message().stayAndAttackCall()).isCloseTo(0.8, within(1e-9));
    assertThat(s.message().departureFactor()).isCloseTo(0.6, within(1e-9));
    long start = s.departed()[0];
    s.ctx().sim().runUntil(365 + 60 + 1 + 364);
    double ratio = (double) (s.departed()[0] - start) / before;
    assertThat(ratio).isCloseTo(0.6 * (1 - 0.01), within(0.015));
    assertThat(s.events())
        .filteredOn(e -> e.type().equals("message-switched"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("cause", "scheduled"));
  }

  /** Triggered by losses: the switch comes at the first daily check after half the area is lost. */
  @Test
  void losingTheTriggerShareOfTerritorySwitchesTheMessage() {
    Setup s = setup(new MessageParameters(null, 0.4, 30.0, 1.0, 1.0));
    s.ctx().sim().runUntil(100);
    assertThat(s.message().switchedAt()).isNaN();
    int a = s.ctx().index().place("a");
    int gov = s.ctx().index().faction("gov");
    s.ctx()
        .sim()
        .scheduleAt(
            100.2, sim -> s.ctx().world().changeControl(a, gov, new Draw(s.ctx().random("t"))));
    s.ctx().sim().runUntil(102);
    assertThat(s.message().switchedAt()).isEqualTo(100.5);
    s.ctx().sim().runUntil(100.5 + 15);
    assertThat(s.message().stayAndAttackCall()).isCloseTo(0.5, within(1e-9));
    s.ctx().sim().runUntil(200);
    assertThat(s.message().departureFactor()).isZero();
    long after = s.departed()[0];
    s.ctx().sim().runUntil(300);
    assertThat(s.departed()[0])
        .as("a full call with full effect stops departures")
        .isEqualTo(after);
    assertThat(s.events())
        .filteredOn(e -> e.type().equals("message-switched"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("cause", "losses"));
  }

  /** Without the section nothing switches and departures are untouched. */
  @Test
  void noMessageByDefault() {
    Setup s = setup(MessageParameters.none());
    s.ctx().sim().runUntil(3 * 365 - 1);
    assertThat(s.message().switchedAt()).isNaN();
    assertThat(s.message().departureFactor()).isEqualTo(1.0);
    assertThat(Ports.Message.COME.stayAndAttackCall()).isZero();
  }
}
