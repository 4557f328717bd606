package org.polemos.sim.mechanism;

import java.util.List;
import java.util.Optional;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.sim.RunContext;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.World;

/**
 * States' tools as instruments (issue 13, build item 4): travel bans, passport revocation and
 * seizure, watchlists and no-fly lists, departure screening, and prosecution of returnees, each an
 * intervention kind targeting sources (see {@link InterventionKind}); several interventions of one
 * kind on one source combine as {@code 1 - prod(1 - intensity)} ({@link World#instrument}).
 *
 * <p><b>Departures.</b> The departure mechanisms draw the would-be travellers of a day as before;
 * {@link Transit} hands them to {@link #letThrough} before they depart. Each meets the departure
 * instruments in force on its source in a fixed order: a travel ban and passport revocation before
 * leaving, then a watchlist and departure screening at the exit. Of n would-be travellers the first
 * instrument (intensity x1) stops Binomial(n, x1), the next stops Binomial(n - stopped, x2), and so
 * on, so each instrument's count is the people it stopped first and the share stopped in all is
 * {@code 1 - prod(1 - xi)}. Those stopped are <i>prevented departures</i>: they never depart, so
 * they are in no {@link org.polemos.sim.world.PersonState} and People conservation (every departed
 * person in exactly one state) is untouched; they are counted in {@link People#prevented} by source
 * and instrument, have left the departure mechanism's pool (they were mobilised and drawn; the
 * pool's initial size = pool now + departed + prevented), and are at home, not detained: part of
 * the frustrated travellers that {@link Attrition} provides as {@link Ports.HomePools}. The
 * corridor field {@code departureScreening} is separate: it arrests travellers who already departed
 * (state {@code ARRESTED_AT_DEPARTURE}).
 *
 * <p><b>Returns.</b> Prosecution of returnees raises the probability that a returnee of a target
 * source is arrested on return from the base {@code returneeArrestProbability} b to {@code 1 - (1 -
 * b)(1 - x)} ({@link #arrestOnReturn}, read by {@link Attrition}); it moves returnees from at large
 * to arrested and nothing else.
 *
 * <p>The draws come from this mechanism's own stream and only while an instrument is in force on
 * the source, so a scenario without instruments runs draw for draw as before. Present when the
 * scenario has an intervention of one of these kinds.
 */
public final class TravelInstruments implements Mechanism, Ports.Instruments {
  public static final String NAME = "travel-instruments";

  private static final List<InterventionKind> ORDER = InterventionKind.DEPARTURE_INSTRUMENTS;

  private World world;
  private Draw draw;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, TravelInstruments::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.interventions().stream()
            .anyMatch(
                iv ->
                    ORDER.contains(iv.kind()) || iv.kind() == InterventionKind.RETURNEE_PROSECUTION)
        ? Optional.of(new TravelInstruments())
        : Optional.empty();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Instruments.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    draw = new Draw(ctx.random(NAME));
  }

  @Override
  public long letThrough(int source, long count) {
    long left = count;
    People people = world.people();
    for (int i = 0; i < ORDER.size() && left > 0; i++) {
      double x = world.instrument(ORDER.get(i), source);
      if (x > 0) {
        long stopped = draw.binomial(left, x);
        if (stopped > 0) {
          people.prevented(source, i, stopped);
          left -= stopped;
        }
      }
    }
    return left;
  }

  @Override
  public double arrestOnReturn(int source, double base) {
    double x = world.instrument(InterventionKind.RETURNEE_PROSECUTION, source);
    return x > 0 ? 1 - (1 - base) * (1 - x) : base;
  }
}
