package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.FactionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.AttritionParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 8 of DOMAIN.md (desertion and return), the organisation's grip on its foreigners and
 * the deaths of its support staff (issue 13, items 5, 6 and 8). Runs daily at mid-day.
 *
 * <p><b>Desire to leave.</b> Each day every fighter of the organisation wants to desert with
 * probability {@code q = desertionPerYear / 365 x momentum^-desertionMomentumSensitivity x (1 +
 * (desertionUnpaidMultiplier - 1) x unfunded share)} (so the full multiplier applies when the
 * payroll is entirely unfunded, none when it is funded; losses act through momentum). Local
 * deserters are an aggregate flow. Foreign fighters are drawn per place, Binomial(foreign, q), and
 * foreign support staff (state {@code SUPPORT}, not placed) per source, Binomial(support, q), from
 * a stream of their own ({@code attrition-support}). A foreigner of source s who wants out wants to
 * go home with the source's return share r_s ({@code returnShareBySource}, else {@code
 * foreignReturnShare}), else to desert and stay in the region.
 *
 * <p><b>Feasibility: the grip (exit control, item 5).</b> This mechanism provides {@link
 * Ports.ExitControl}: the stop probability {@code pi = min(1, exitStopBase +
 * exitStopLossSensitivity x L)}, L the share of its peak territory the organisation has lost
 * ({@code 1 - held / peak}), the same for every source; and a way out for source s while some
 * corridor serving s is open or still closing ({@link Ports.Departures#canDepart}: the organisation
 * holds its entry, or lost it less than {@code closureDays x ln 100} ago). It reads the port back
 * from the run (so a replacement provider is honoured). A foreigner who wants to go home and has no
 * way out does not try (stays in service). Every attempt to leave, home or not, is stopped with
 * probability pi; a stopped attempt ends in death with {@code exitStoppedKilledShare} ({@code
 * DEAD}), otherwise in the organisation's detention ({@code DETAINED_BY_ORGANISATION}); counted by
 * source ({@link People#exitStopped(int)}). The others leave: home ({@code RETURNED}, arrested on
 * return with {@link Ports.Instruments#arrestOnReturn} of the source's base, {@code
 * returneeArrestBySource} else {@code returneeArrestProbability}, raised by prosecution in force,
 * see {@link TravelInstruments}) or stay ({@code DESERTED}). When pi is 0, no per-source value is
 * set and every source has a way out, the day is drawn exactly as before issue 13's item 5
 * (Binomial(k, foreignReturnShare) return, sources drawn as they leave), so an older scenario runs
 * as before.
 *
 * <p><b>Support staff deaths (item 8).</b> With {@code supportDeathRatio} = c > 0, each day every
 * support staff member dies with probability {@code min(1, c x m)}, m the organisation's fighters'
 * death rate that day (its deaths since the previous day, combat, air strikes and the underground's
 * losses, over its visible and underground fighters plus those deaths): support staff live where
 * the organisation holds ground and die of what kills its fighters there, chiefly air strikes on
 * held towns; with no deaths among the fighters none die. Drawn from the support stream.
 *
 * <p>It also provides {@link Ports.HomePools}: the frustrated travellers of a source are those
 * turned back at a crossing or who gave up waiting at a hub (states {@code TURNED_BACK} and {@code
 * GAVE_UP}: at home, not detained) plus those the states' travel instruments stopped before they
 * departed ({@link People#prevented(int)}); its returnees at large are the returnees not arrested
 * on return.
 */
public final class Attrition implements Mechanism, Action, Ports.HomePools, Ports.ExitControl {
  public static final String NAME = "attrition";

  private World world;
  private Draw draw;
  private Draw supportDraw;
  private AttritionParameters p;
  private int regions;
  private Ports.Instruments instruments;
  private Ports.ExitControl exit;
  private Ports.Departures departures;
  private double[] returnShare;
  private double[] arrestBase;
  private boolean perSource;
  private double lastDeaths;

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
    p = ctx.scenario().processes().get(AttritionParameters.class);
    ctx.provide(Ports.HomePools.class, this);
    ctx.provide(Ports.ExitControl.class, this);
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
  public double stopProbability(int source) {
    double peak = world.peakOrganisationArea();
    int org = world.organisation();
    double lost = peak > 0 && org >= 0 ? Math.max(0, 1 - world.areaHeld(org) / peak) : 0;
    return Math.min(1, p.exitStopBase() + p.exitStopLossSensitivity() * lost);
  }

  @Override
  public boolean wayOut(int source) {
    return departures == null || departures.canDepart(source);
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
    exit =
        ctx.provides(Ports.ExitControl.class)
            ? ctx.require(Ports.ExitControl.class)
            : Ports.ExitControl.OPEN;
    departures = ctx.provides(Ports.Departures.class) ? ctx.require(Ports.Departures.class) : null;
    int sources = ctx.index().sourceCount();
    returnShare = new double[sources];
    arrestBase = new double[sources];
    for (int s = 0; s < sources; s++) {
      String id = ctx.index().sourceId(s);
      returnShare[s] = p.returnShare(id);
      arrestBase[s] = p.arrestProbability(id);
    }
    perSource = !p.returnShareBySource().isEmpty() || !p.returneeArrestBySource().isEmpty();
    lastDeaths = world.organisation() >= 0 ? world.deaths(world.organisation()) : 0;
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** Daily desertion probability per fighter in the current state. */
  public double dailyProbability() {
    double m = world.momentum();
    double unpaid = 1 + (p.desertionUnpaidMultiplier() - 1) * world.unfundedShare();
    return Math.min(
        1, p.desertionPerYear() / 365.0 * Math.pow(m, -p.desertionMomentumSensitivity()) * unpaid);
  }

  /** Whether today's exits are drawn as before exit control: nobody stopped, every way out open. */
  private boolean ungripped() {
    if (perSource) {
      return false;
    }
    for (int s = 0; s < returnShare.length; s++) {
      if (exit.stopProbability(s) > 0 || !exit.wayOut(s)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void fire(Simulation sim) {
    int org = world.organisation();
    double q = dailyProbability();
    boolean plain = ungripped();
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
      if (k <= 0) {
        continue;
      }
      if (plain) {
        long back = draw.binomial(k, p.foreignReturnShare());
        world.removeForeign(
            r,
            back,
            PersonState.RETURNED,
            s -> instruments.arrestOnReturn(s, p.returneeArrestProbability()),
            draw);
        world.removeForeign(r, k - back, PersonState.DESERTED, 0, draw);
      } else {
        world.forces().removeForeignEach(r, k, this::fighterExit, draw);
      }
    }
    supportExits(q, plain);
    supportDeaths(org);
    sim.schedule(1.0, this);
  }

  /** Where a foreign fighter of {@code s} who wants out ends up today (FIGHTER: stays). */
  private PersonState fighterExit(int s) {
    var people = world.people();
    boolean home = draw.bernoulli(returnShare[s]);
    if (home && !exit.wayOut(s)) {
      return PersonState.FIGHTER; // no route home: does not try
    }
    if (draw.bernoulli(exit.stopProbability(s))) {
      boolean killed = draw.bernoulli(p.exitStoppedKilledShare());
      // counted as stopped here; the move itself is done by Forces (one person)
      people.exitStoppedCounted(s, killed);
      return killed ? PersonState.DEAD : PersonState.DETAINED_BY_ORGANISATION;
    }
    if (home) {
      if (draw.bernoulli(instruments.arrestOnReturn(s, arrestBase[s]))) {
        people.returneeArrested(s);
      }
      return PersonState.RETURNED;
    }
    return PersonState.DESERTED;
  }

  /**
   * Foreign support staff who want out (Binomial(support, q) per source) go home, stay or are
   * stopped as fighters do (see the class comment); drawn from the support stream so that the
   * fighters' draws do not depend on them.
   */
  private void supportExits(double q, boolean plain) {
    People people = world.people();
    for (int s = 0; s < people.sources(); s++) {
      long k = supportDraw.binomial(people.count(PersonState.SUPPORT, s), q);
      if (k <= 0) {
        continue;
      }
      long back = supportDraw.binomial(k, plain ? p.foreignReturnShare() : returnShare[s]);
      long stay = k - back;
      if (!plain) {
        if (!exit.wayOut(s)) {
          back = 0; // no route home: those who wanted to go home do not try
        }
        double pi = exit.stopProbability(s);
        long stoppedBack = supportDraw.binomial(back, pi);
        long stoppedStay = supportDraw.binomial(stay, pi);
        long stopped = stoppedBack + stoppedStay;
        if (stopped > 0) {
          long killed = supportDraw.binomial(stopped, p.exitStoppedKilledShare());
          people.exitStopped(s, PersonState.SUPPORT, stopped, killed);
        }
        back -= stoppedBack;
        stay -= stoppedStay;
      }
      people.move(s, PersonState.SUPPORT, PersonState.RETURNED, back);
      people.move(s, PersonState.SUPPORT, PersonState.DESERTED, stay);
      long arrested =
          supportDraw.binomial(
              back,
              instruments.arrestOnReturn(s, plain ? p.returneeArrestProbability() : arrestBase[s]));
      for (long j = 0; j < arrested; j++) {
        people.returneeArrested(s);
      }
    }
  }

  /**
   * Support staff die at {@code supportDeathRatio} times the fighters' death rate of the day (see
   * the class comment).
   */
  private void supportDeaths(int org) {
    double deaths = world.deaths(org);
    double died = deaths - lastDeaths;
    lastDeaths = deaths;
    if (!(p.supportDeathRatio() > 0) || !(died > 0)) {
      return;
    }
    double exposed = world.fighters(org) + world.forces().underground() + died;
    double hazard = Math.min(1, p.supportDeathRatio() * died / exposed);
    People people = world.people();
    for (int s = 0; s < people.sources(); s++) {
      long d = supportDraw.binomial(people.count(PersonState.SUPPORT, s), hazard);
      if (d > 0) {
        people.supportDied(s, d);
      }
    }
  }
}
