package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Mechanism 1 of DOMAIN.md (radicalisation and departure), Poisson form: each source emits
 * departures as a non-homogeneous Poisson process with rate {@code pool x annualPropensity / 365 x
 * momentum^momentumSensitivity x (1 - travel measures) x (1 - counter-messaging)} per day, where
 * momentum is the organisation's momentum as perceived in the sources ({@link
 * World#perceivedMomentum()}, which lags the actual momentum by {@code momentum.perceptionDays}).
 *
 * <p>Step choice: the rate is recomputed once a day (at mid-day) and held for the day, so the
 * process is a piecewise-constant-rate Poisson process; its daily count is drawn exactly (Poisson).
 * {@link Transit} spreads a day's departures uniformly over the next 24 hours, so departure times
 * are those of the piecewise-constant process (no thinning is needed, and no bias beyond the
 * one-day step of the rate). The pool shrinks by the departures. Departures happen only while some
 * corridor serving the source is open or closing, and the rate is multiplied by {@link
 * Ports.Departures#openness} (1 while one is open, falling as the last ones close: travellers with
 * no way in stay home and remain in the pool). Selected when {@code processes.recruitment.model} is
 * {@code poisson}.
 */
public final class Departures implements Mechanism, Action {
  public static final String NAME = "departures";

  private RunContext ctx;
  private World world;
  private Draw draw;
  private Ports.Departures port;
  private Ports.Message message;
  private long[] pool;
  private double[] dailyPropensity;
  private double[] sensitivity;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, RecruitmentParameters.class, Departures::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    RecruitmentModel model = scenario.processes().get(RecruitmentParameters.class).model();
    return model == null || model == RecruitmentModel.POISSON
        ? Optional.of(new Departures())
        : Optional.empty();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    this.draw = new Draw(ctx.random(NAME));
    int n = ctx.index().sourceCount();
    pool = new long[n];
    dailyPropensity = new double[n];
    sensitivity = new double[n];
    for (int s = 0; s < n; s++) {
      Source source = ctx.scenario().sources().get(s);
      pool[s] = source.atRiskPool();
      dailyPropensity[s] = source.annualPropensity() / 365.0;
      sensitivity[s] = source.momentumSensitivity();
    }
    port = ctx.require(Ports.Departures.class);
    message =
        ctx.provides(Ports.Message.class) ? ctx.require(Ports.Message.class) : Ports.Message.COME;
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** The departure rate of {@code source} per day in the current state. */
  public double rate(int source) {
    return pool[source]
        * dailyPropensity[source]
        * Math.pow(world.perceivedMomentum(), sensitivity[source])
        * (1 - world.travelMeasures(source))
        * (1 - world.counterMessaging(source));
  }

  /** People still at risk in {@code source}. */
  public long pool(int source) {
    return pool[source];
  }

  @Override
  public void fire(Simulation sim) {
    for (int s = 0; s < pool.length; s++) {
      if (pool[s] <= 0 || !port.canDepart(s)) {
        continue;
      }
      long n =
          Math.min(
              pool[s], draw.poisson(rate(s) * port.openness(s) * Message.departureFactor(message)));
      if (n > 0) {
        pool[s] -= n;
        port.departed(s, n);
      }
    }
    sim.schedule(1.0, this);
  }
}
