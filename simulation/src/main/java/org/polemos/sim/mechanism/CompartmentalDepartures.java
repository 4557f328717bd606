package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.process.CompartmentalParameters;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.world.World;

/**
 * Mechanism 1 of DOMAIN.md (radicalisation and departure), compartmental form after McCluskey and
 * Santoprete (2017): per source, susceptible S, radicalised I and disengaged R (cumulative), with
 *
 * <pre>
 *   dS/dt = -beta' S I / N + (gamma + delta') I
 *   dI/dt =  beta' S I / N - (gamma + delta') I
 *   dR/dt =  gamma I          (cumulative disengaged)
 * </pre>
 *
 * where beta' = beta x perceivedMomentum^momentumSensitivity x (1 - counter-messaging) and delta' =
 * delta x (1 - travel measures) x {@link Ports.Departures#openness} (0 while no corridor serving
 * the source is open or closing). The at-risk pool N = S + I is held constant: every person who
 * disengages or departs is replaced by a new susceptible (population renewal, as the constant
 * recruitment term of the cited models), which gives the threshold behaviour the literature
 * describes: with R0 = beta / (gamma + delta) below 1, I tends to 0; above 1, I tends to the
 * endemic level N (1 - 1/R0).
 *
 * <p>Integration: explicit Euler with {@value #SUBSTEPS} sub-steps per day (rates are per year, so
 * a sub-step changes I by well under 1%). Departures each day are Poisson with mean delta' I dt
 * summed over the sub-steps. Selected when {@code processes.recruitment.model} is {@code
 * compartmental}.
 */
public final class CompartmentalDepartures implements Mechanism, Action {
  public static final String NAME = "departures-compartmental";
  static final int SUBSTEPS = 8;

  private RunContext ctx;
  private World world;
  private Draw draw;
  private Ports.Departures port;
  private Ports.Message message;
  private final CompartmentalParameters p;
  private double[] n;
  private double[] s;
  private double[] i;
  private double[] r;
  private double[] sensitivity;

  CompartmentalDepartures(CompartmentalParameters p) {
    this.p = p;
  }

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, RecruitmentParameters.class, CompartmentalDepartures::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    var rec = scenario.processes().get(RecruitmentParameters.class);
    return rec.model() == RecruitmentModel.COMPARTMENTAL
        ? Optional.of(new CompartmentalDepartures(rec.compartmental()))
        : Optional.empty();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The basic reproduction number beta / (gamma + delta). */
  public double r0() {
    return p.r0();
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    this.draw = new Draw(ctx.random(NAME));
    int k = ctx.index().sourceCount();
    n = new double[k];
    s = new double[k];
    i = new double[k];
    r = new double[k];
    sensitivity = new double[k];
    for (int j = 0; j < k; j++) {
      Source source = ctx.scenario().sources().get(j);
      n[j] = source.atRiskPool();
      i[j] = n[j] * p.initialRadicalisedShare();
      s[j] = n[j] - i[j];
      sensitivity[j] = source.momentumSensitivity();
    }
    port = ctx.require(Ports.Departures.class);
    message =
        ctx.provides(Ports.Message.class) ? ctx.require(Ports.Message.class) : Ports.Message.COME;
    ctx.sim().scheduleAt(MIDDAY, this);
  }

  public double susceptible(int source) {
    return s[source];
  }

  public double radicalised(int source) {
    return i[source];
  }

  public double disengaged(int source) {
    return r[source];
  }

  @Override
  public void fire(Simulation sim) {
    double h = 1.0 / SUBSTEPS / 365.0;
    double m = world.perceivedMomentum();
    for (int j = 0; j < n.length; j++) {
      if (n[j] <= 0) {
        continue;
      }
      double beta =
          p.transmissionPerYear() * Math.pow(m, sensitivity[j]) * (1 - world.counterMessaging(j));
      boolean open = port.canDepart(j);
      double delta =
          open
              ? p.departurePerYear()
                  * (1 - world.travelMeasures(j))
                  * port.openness(j)
                  * Message.departureFactor(message)
              : 0;
      double gamma = p.disengagementPerYear();
      double expected = 0;
      for (int step = 0; step < SUBSTEPS; step++) {
        double infections = beta * s[j] * i[j] / n[j] * h;
        double disengaged = gamma * i[j] * h;
        double departures = delta * i[j] * h;
        s[j] += -infections + disengaged + departures;
        i[j] += infections - disengaged - departures;
        r[j] += disengaged;
        expected += departures;
      }
      long d = draw.poisson(expected);
      if (d > 0) {
        port.departed(j, d);
      }
    }
    sim.schedule(1.0, this);
  }
}
