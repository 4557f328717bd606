package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.AttritionParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 8 of DOMAIN.md (desertion and return). Each day every fighter of the organisation
 * deserts with probability {@code desertionPerYear / 365 x momentum^-desertionMomentumSensitivity x
 * (1 + (desertionUnpaidMultiplier - 1) x unfunded share)} (so the full multiplier applies when the
 * payroll is entirely unfunded, none when it is funded). Local deserters are an aggregate flow;
 * foreign deserters are drawn per region (binomial), each returns home with {@code
 * foreignReturnShare} (a returnee of its source, arrested with {@code returneeArrestProbability})
 * or else stays (deserted). Foreign support staff (issue 13, item 8) desert with the same daily
 * probability and return or stay with the same shares (see {@link #supportDesertion}); they are not
 * placed, so combat does not kill them. Combat deaths are recorded by {@link Combat}.
 *
 * <p>Returnees are arrested with {@link Ports.Instruments#arrestOnReturn} of their source (the base
 * {@code returneeArrestProbability}, raised by prosecution of returnees in force, see {@link
 * TravelInstruments}).
 *
 * <p>It provides {@link Ports.HomePools}: the frustrated travellers of a source are those turned
 * back at a crossing or who gave up waiting at a hub (states {@code TURNED_BACK} and {@code
 * GAVE_UP}: at home, not detained) plus those the states' travel instruments stopped before they
 * departed ({@link org.polemos.sim.world.People#prevented(int)}); its returnees at large are the
 * returnees not arrested on return.
 */
public final class Attrition implements Mechanism, Action, Ports.HomePools {
  public static final String NAME = "attrition";

  private World world;
  private Draw draw;
  private Draw supportDraw;
  private AttritionParameters p;
  private int regions;
  private Ports.Instruments instruments;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, AttritionParameters.class, Attrition::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.factions().stream().noneMatch(f -> f.kind() == FactionKind.ORGANISATION)
        ? Optional.empty()
        : Optional.of(new Attrition());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    world = ctx.world();
    ctx.provide(Ports.HomePools.class, this);
  }

  @Override
  public double frustratedTravellers(int source) {
    var people = world.people();
    return people.count(PersonState.TURNED_BACK, source)
        + people.count(PersonState.GAVE_UP, source)
        + people.prevented(source);
  }

  @Override
  public double returneesAtLarge(int source) {
    var people = world.people();
    return people.count(PersonState.RETURNED, source) - people.returneesArrested(source);
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    draw = new Draw(ctx.random(NAME));
    supportDraw = new Draw(ctx.random(NAME + "-support"));
    p = ctx.scenario().processes().get(AttritionParameters.class);
    regions = ctx.index().placeCount();
    instruments =
        ctx.provides(Ports.Instruments.class)
            ? ctx.require(Ports.Instruments.class)
            : Ports.Instruments.NONE;
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** Daily desertion probability per fighter in the current state. */
  public double dailyProbability() {
    double m = world.momentum();
    double unpaid = 1 + (p.desertionUnpaidMultiplier() - 1) * world.unfundedShare();
    return Math.min(
        1, p.desertionPerYear() / 365.0 * Math.pow(m, -p.desertionMomentumSensitivity()) * unpaid);
  }

  @Override
  public void fire(Simulation sim) {
    int org = world.organisation();
    double q = dailyProbability();
    for (int r = 0; r < regions; r++) {
      double total = world.fighters(r, org);
      if (!(total > 0)) {
        continue;
      }
      long foreign = world.foreignFighters(r);
      double local = Math.max(0, total - foreign);
      double localDeserters = local * q;
      world.addFighters(r, org, -localDeserters);
      world.addLocalDeserters(localDeserters);
      long k = draw.binomial(foreign, q);
      if (k > 0) {
        long back = draw.binomial(k, p.foreignReturnShare());
        world.removeForeign(
            r,
            back,
            PersonState.RETURNED,
            s -> instruments.arrestOnReturn(s, p.returneeArrestProbability()),
            draw);
        world.removeForeign(r, k - back, PersonState.DESERTED, 0, draw);
      }
    }
    supportDesertion(q);
    sim.schedule(1.0, this);
  }

  /**
   * Foreign support staff (state {@code SUPPORT}, not placed) desert with the fighters' daily
   * probability {@code q}: Binomial(support, q) per source, of whom Binomial(k, foreignReturnShare)
   * return home (arrested with the source's arrest probability on return) and the rest stay
   * (deserted). Drawn from a stream of their own so that the fighters' draws are as before.
   */
  private void supportDesertion(double q) {
    var people = world.people();
    double base = p.returneeArrestProbability();
    for (int s = 0; s < people.sources(); s++) {
      long k = supportDraw.binomial(people.count(PersonState.SUPPORT, s), q);
      if (k <= 0) {
        continue;
      }
      long back = supportDraw.binomial(k, p.foreignReturnShare());
      people.move(s, PersonState.SUPPORT, PersonState.RETURNED, back);
      people.move(s, PersonState.SUPPORT, PersonState.DESERTED, k - back);
      long arrested = supportDraw.binomial(back, instruments.arrestOnReturn(s, base));
      for (long j = 0; j < arrested; j++) {
        people.returneeArrested(s);
      }
    }
  }
}
