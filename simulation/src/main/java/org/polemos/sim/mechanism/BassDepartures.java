package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.process.BassParameters;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Mechanism 1 of DOMAIN.md (radicalisation and departure), mobilisation with depletion: the Bass
 * (1969) diffusion model on a finite pool, never refilled. Per source s with pool m (its {@code
 * atRiskPool}), innovation p (its {@code annualPropensity}) and imitation q ({@code
 * processes.recruitment.bass.imitationPerYear}), the adopted A (people gone, plus the {@code
 * initialAdoptedShare} x m gone before the start) grow at
 *
 * <pre>
 *   dA/dt = (p + q A / m) (m - A) x momentum^sensitivity x (1 - travel measures)
 *                                 x (1 - counter-messaging)   per year,
 * </pre>
 *
 * with momentum the perceived momentum ({@link World#perceivedMomentum()}), as in {@link
 * Departures}. Without the modifiers, the adopted share F = A / m has the closed form {@code F(t) =
 * (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})} from F(0) = 0; departures peak when F = (q - p) / 2q
 * (if q > p) and then fall as the pool empties, whatever momentum does. The rate is recomputed once
 * a day (at mid-day) and the day's count drawn as a Poisson variable (a piecewise-constant-rate
 * pure birth process whose mean follows the equation above to O(1/m) and O(1 day)). The rate is
 * multiplied by {@link Ports.Departures#openness} (1 while a corridor serving the source is open,
 * falling while its last ones close); while none is open or closing, nobody adopts (would-be
 * travellers with no way in stay in the pool). Selected when {@code processes.recruitment.model} is
 * {@code bass}.
 */
public final class BassDepartures implements Mechanism, Action {
  public static final String NAME = "departures-bass";

  private World world;
  private Draw draw;
  private Ports.Departures port;
  private Ports.Message message;
  private final BassParameters p;
  private double[] potential;
  private long[] adopted;
  private double[] innovation;
  private double[] sensitivity;

  BassDepartures(BassParameters p) {
    this.p = p;
  }

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, RecruitmentParameters.class, BassDepartures::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    var rec = scenario.processes().get(RecruitmentParameters.class);
    return rec.model() == RecruitmentModel.BASS
        ? Optional.of(new BassDepartures(rec.bass()))
        : Optional.empty();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(RunContext ctx) {
    this.world = ctx.world();
    this.draw = new Draw(ctx.random(NAME));
    int n = ctx.index().sourceCount();
    potential = new double[n];
    adopted = new long[n];
    innovation = new double[n];
    sensitivity = new double[n];
    for (int s = 0; s < n; s++) {
      Source source = ctx.scenario().sources().get(s);
      potential[s] = source.atRiskPool();
      adopted[s] = Math.round(source.atRiskPool() * p.initialAdoptedShare());
      innovation[s] = source.annualPropensity();
      sensitivity[s] = source.momentumSensitivity();
    }
    port = ctx.require(Ports.Departures.class);
    message =
        ctx.provides(Ports.Message.class) ? ctx.require(Ports.Message.class) : Ports.Message.COME;
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  /** The departure rate of {@code source} per day in the current state. */
  public double rate(int source) {
    double m = potential[source];
    if (m <= 0) {
      return 0;
    }
    double a = adopted[source];
    return (innovation[source] + p.imitationPerYear() * a / m)
        * (m - a)
        / 365.0
        * Math.pow(world.perceivedMomentum(), sensitivity[source])
        * (1 - world.travelMeasures(source))
        * (1 - world.counterMessaging(source));
  }

  /** People of {@code source} still in the pool (not yet gone). */
  public long remaining(int source) {
    return Math.max(0, Math.round(potential[source]) - adopted[source]);
  }

  /** People of {@code source} gone, including those gone before the start. */
  public long adopted(int source) {
    return adopted[source];
  }

  @Override
  public void fire(Simulation sim) {
    for (int s = 0; s < potential.length; s++) {
      long left = remaining(s);
      if (left <= 0 || !port.canDepart(s)) {
        continue;
      }
      long n =
          Math.min(
              left, draw.poisson(rate(s) * port.openness(s) * Message.departureFactor(message)));
      if (n > 0) {
        adopted[s] += n;
        port.departed(s, n);
      }
    }
    sim.schedule(1.0, this);
  }
}
