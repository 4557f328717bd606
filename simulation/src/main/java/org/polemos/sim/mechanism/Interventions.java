package org.polemos.sim.mechanism;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.polemos.model.Calendar;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.model.process.TerritoryParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Mechanism 10 of DOMAIN.md (interventions): each intervention is switched on at the start of its
 * first day and off at the end of its last day (events {@code intervention-started} and {@code
 * intervention-ended}, subject = intervention id, details {@code kind}, {@code intensity}). While
 * on, the {@link World}'s levers combine the interventions in force on the same target as {@code 1
 * - prod(1 - intensity)}; air campaigns are read by {@link Combat}.
 *
 * <p>Ground offensives: {@code intensity} fighters of the intervention's faction arrive over the
 * days from start to end, {@code intensity (F((k + 1) / D) - F(k / D))} on day k of D, with {@code
 * F(s) = s^tempo}; the tempo is drawn once per offensive from this mechanism's stream, lognormal of
 * median 1 and log-sd {@code processes.territory.offensiveTempoSigma} (0, the default: tempo 1, the
 * same number every day), so the whole force arrives by the end in every replication but when most
 * of it is in place (early: an offensive that rolls; late: one that assembles slowly) varies. Each
 * day's reinforcements are split equally over the target regions; a target's share goes to the
 * target itself if the faction holds it, otherwise equally to the places the faction holds next to
 * it (its fronts). A target with neither gets nothing that day, except for the organisation, whose
 * fighters then infiltrate the target and join its underground there (cells that rise and take the
 * place when they outnumber the garrison, see {@link Combat}): how the organisation took cities far
 * from its own ground in 2014. Targets are places (a region's id names the rest of the region; a
 * locality's id the locality).
 *
 * <p>When an assault ends ({@code processes.territory.offensiveExhaustion} x, default 1): the
 * window is when reinforcements arrive, not when the battle stops. With x = 1 the fighters
 * committed toward the targets return to their places' ordinary pool at the end of the window (as
 * before the field existed). With x < 1 they keep assaulting a target after the window, checked
 * each day at mid-day, until it falls ({@link Combat} releases them on capture) or the fighters
 * still committed toward it number at most x times those the offensive committed toward it (the
 * rest were lost, or the places they attacked from were lost): then they are released (event {@code
 * offensive-exhausted}, subject = intervention id, details {@code target}, {@code committed} the
 * fighters still committed, {@code delivered} those committed in all). So no date in the scenario
 * says when, or whether, the target falls. Several offensives of one faction on one target share
 * their committed fighters (as in {@link World#commit}): the first to end releases them all.
 */
public final class Interventions implements Mechanism {
  public static final String NAME = "interventions";

  private RunContext ctx;
  private World world;
  private double tempoSigma;
  private double exhaustion;
  private Draw draw;

  public static final MechanismFactory FACTORY = MechanismFactory.of(NAME, Interventions::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return scenario.interventions().isEmpty() ? Optional.empty() : Optional.of(new Interventions());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    TerritoryParameters tp = ctx.scenario().processes().get(TerritoryParameters.class);
    tempoSigma = tp.offensiveTempoSigma();
    exhaustion = tp.offensiveExhaustion();
    draw = new Draw(ctx.random(NAME));
    Calendar cal = ctx.scenario().calendar();
    List<Intervention> all = ctx.scenario().interventions();
    for (int i = 0; i < all.size(); i++) {
      Intervention iv = all.get(i);
      double on = cal.dayOf(iv.start());
      double off = cal.dayOf(iv.end()) + 1;
      if (off <= 0 || on >= cal.horizonDays()) {
        continue;
      }
      int index = i;
      ctx.sim().scheduleAt(Math.max(0, on), sim -> switchOn(index));
      ctx.sim().scheduleAt(off, sim -> switchOff(index));
      if (iv.kind() == InterventionKind.GROUND_OFFENSIVE) {
        double days = ChronoUnit.DAYS.between(iv.start(), iv.end()) + 1.0;
        double first = Math.max(0, on) + MIDDAY;
        // the offensive's tempo, drawn for every offensive in scenario order so that one's draw
        // never depends on another's timing
        double tempo = tempoSigma > 0 ? Math.exp(tempoSigma * draw.gaussian()) : 1;
        ctx.sim().scheduleAt(first, new Offensive(index, iv, iv.intensity(), days, on, off, tempo));
      }
    }
  }

  private void switchOn(int i) {
    Intervention iv = ctx.scenario().interventions().get(i);
    world.interventionActive(i, true);
    ctx.event(
        "intervention-started",
        iv.id(),
        "kind",
        iv.kind().code(),
        "intensity",
        Double.toString(iv.intensity()));
  }

  private void switchOff(int i) {
    Intervention iv = ctx.scenario().interventions().get(i);
    world.interventionActive(i, false);
    if (iv.kind() == InterventionKind.GROUND_OFFENSIVE && exhaustion >= 1) {
      // the assault ends with the window; with offensiveExhaustion < 1 the Offensive ends it
      int faction = ctx.index().faction(iv.faction());
      for (String t : iv.targets()) {
        world.releaseCommitted(faction, ctx.index().place(t));
      }
    }
    ctx.event(
        "intervention-ended",
        iv.id(),
        "kind",
        iv.kind().code(),
        "intensity",
        Double.toString(iv.intensity()));
  }

  /**
   * The share of an offensive's force that arrives on day {@code k} (0 first) of a window of {@code
   * days} days at tempo {@code tempo}: {@code F((k + 1) / days) - F(k / days)} with {@code F(s) =
   * s^tempo} on [0, 1], so the shares of the window's days sum to 1 for any tempo.
   */
  static double dayShare(double k, double days, double tempo) {
    return arrived((k + 1) / days, tempo) - arrived(k / days, tempo);
  }

  private static double arrived(double s, double tempo) {
    double x = Math.min(1, Math.max(0, s));
    return Math.pow(x, tempo);
  }

  /**
   * The daily reinforcements of one ground offensive and, after its window, the daily check of
   * whether its assault is exhausted.
   */
  private final class Offensive implements Action {
    private final String id;
    private final int faction;
    private final int[] targets;
    private final double[] delivered;
    private final boolean[] over;
    private final double total;
    private final double days;
    private final double on;
    private final double off;
    private final double tempo;

    Offensive(
        int index,
        Intervention iv,
        double total,
        double days,
        double on,
        double off,
        double tempo) {
      this.id = iv.id();
      this.faction = ctx.index().faction(iv.faction());
      this.targets = iv.targets().stream().mapToInt(ctx.index()::place).toArray();
      this.delivered = new double[targets.length];
      this.over = new boolean[targets.length];
      this.total = total;
      this.days = days;
      this.on = on;
      this.off = off;
      this.tempo = tempo;
    }

    @Override
    public void fire(Simulation sim) {
      if (sim.now() >= off) {
        if (exhaustion < 1 && assaultGoesOn()) {
          sim.schedule(1.0, this);
        }
        return;
      }
      double k = Math.floor(sim.now()) - on; // day k of the window, 0 first
      double perDay = tempo == 1 ? total / days : total * dayShare(k, days, tempo);
      double share = perDay / targets.length;
      for (int j = 0; j < targets.length; j++) {
        int t = targets[j];
        if (world.controller(t) == faction) {
          world.addFighters(t, faction, share);
          continue;
        }
        int fronts = 0;
        for (int n : world.neighbours(t)) {
          if (world.controller(n) == faction) {
            fronts++;
          }
        }
        if (fronts == 0 && faction == world.organisation()) {
          world.forces().addUnderground(t, share); // infiltration: see the class comment
          continue;
        }
        for (int n : world.neighbours(t)) {
          if (world.controller(n) == faction) {
            world.addFighters(n, faction, share / fronts);
            delivered[j] += world.commit(n, faction, t, share / fronts);
          }
        }
      }
      sim.schedule(1.0, this);
    }

    /**
     * After the window: ends the assault on each target that fell or whose committed fighters are
     * at most {@code offensiveExhaustion} of those delivered; whether any assault goes on.
     */
    private boolean assaultGoesOn() {
      boolean goesOn = false;
      for (int j = 0; j < targets.length; j++) {
        if (over[j]) {
          continue;
        }
        int t = targets[j];
        double committed = world.forces().committedToward(faction, t);
        if (world.controller(t) == faction || !(committed > 0)) {
          over[j] = true; // taken (Combat released the attackers), or nothing committed is left
          continue;
        }
        if (committed <= exhaustion * delivered[j]) {
          world.releaseCommitted(faction, t);
          over[j] = true;
          ctx.event(
              "offensive-exhausted",
              id,
              "target",
              ctx.index().placeId(t),
              "committed",
              Long.toString(Math.round(committed)),
              "delivered",
              Long.toString(Math.round(delivered[j])));
          continue;
        }
        goesOn = true;
      }
      return goesOn;
    }
  }
}
