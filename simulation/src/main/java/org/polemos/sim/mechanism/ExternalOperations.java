package org.polemos.sim.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.polemos.model.Corridor;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.sampling.Draw;
import org.polemos.sim.sampling.Samplers;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.World;

/**
 * Mechanism 9 of DOMAIN.md (external operations), as counts and probabilities only, after Kaplan's
 * "terror queues". An operative assigned by {@link Intake} trains for {@code trainingDays}; is then
 * dispatched to its source country through one of the corridors serving that source (chosen by
 * weight whether or not the corridor is open to inbound travel; delay = the corridor's transit
 * delay; with no corridor, no delay and no interdiction); is stopped at the border with probability
 * {@code 1 - (1 - interdiction)(1 - border closure)}; otherwise after arriving the plot is foiled
 * with probability {@code 1 - (1 - intelligenceEffectiveness)(1 - intelligence sharing)} (at a
 * uniformly drawn time within the plot duration) or else carried out after {@code plotDays}.
 *
 * <p>Inspired (not directed) attacks: each day a Poisson number with mean {@code
 * inspiredAttacksPerYear / 365 x momentum^inspiredMomentumSensitivity}, spread over sources in
 * proportion to their initial at-risk pools.
 */
public final class ExternalOperations implements Mechanism, Ports.Operations, Action {
  public static final String NAME = "external-operations";

  private World world;
  private People people;
  private Simulation sim;
  private Draw draw;
  private ExternalOperationsParameters p;
  private ContinuousSampler training;
  private ContinuousSampler plot;
  private int[][] corridorsOf;
  private double[] scratch;
  private double[] weights;
  private double[] interdiction;
  private ContinuousSampler[] delay;
  private double[] intelligence;
  private double[] poolShare;

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, ExternalOperationsParameters.class, ExternalOperations::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    return Optional.of(new ExternalOperations());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Operations.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    world = ctx.world();
    people = world.people();
    sim = ctx.sim();
    draw = new Draw(ctx.random(NAME));
    p = ctx.scenario().processes().get(ExternalOperationsParameters.class);
    training = Samplers.of(p.trainingDays(), draw.rng());
    plot = Samplers.of(p.plotDays(), draw.rng());
    List<Corridor> corridors = ctx.scenario().corridors();
    int c = corridors.size();
    weights = new double[c];
    interdiction = new double[c];
    delay = new ContinuousSampler[c];
    scratch = new double[c];
    int sources = ctx.index().sourceCount();
    List<List<Integer>> of = new ArrayList<>();
    for (int s = 0; s < sources; s++) {
      of.add(new ArrayList<>());
    }
    for (int k = 0; k < c; k++) {
      Corridor corridor = corridors.get(k);
      weights[k] = corridor.weight();
      interdiction[k] = corridor.interdiction();
      delay[k] = Samplers.of(corridor.transitDelayDays(), draw.rng());
      for (String s : corridor.sources()) {
        of.get(ctx.index().source(s)).add(k);
      }
    }
    corridorsOf = new int[sources][];
    intelligence = new double[sources];
    poolShare = new double[sources];
    double pool = 0;
    for (int s = 0; s < sources; s++) {
      corridorsOf[s] = of.get(s).stream().mapToInt(Integer::intValue).toArray();
      Source source = ctx.scenario().sources().get(s);
      intelligence[s] = source.intelligenceEffectiveness();
      poolShare[s] = source.atRiskPool();
      pool += source.atRiskPool();
    }
    for (int s = 0; s < sources; s++) {
      poolShare[s] = pool > 0 ? poolShare[s] / pool : 0;
    }
    sim.scheduleAt(MIDDAY, this);
  }

  @Override
  public void assigned(int source) {
    sim.schedule(training.sample(), new Operative(source));
  }

  /** Inspired attacks, daily. */
  @Override
  public void fire(Simulation sim) {
    double mean =
        p.inspiredAttacksPerYear()
            / 365.0
            * Math.pow(world.momentum(), p.inspiredMomentumSensitivity());
    for (int s = 0; s < poolShare.length; s++) {
      // one call for the day's count, not one per attack: a count is all the world keeps
      world.inspiredAttacks(s, draw.poisson(mean * poolShare[s]));
    }
    sim.schedule(1.0, this);
  }

  /** One operative, as its own kernel action moving through phases. */
  private final class Operative implements Action {
    private static final int TRAINING = 0;
    private static final int TRAVELLING = 1;
    private static final int FOILED = 2;
    private static final int EXECUTED = 3;
    private final int source;
    private int corridor = -1;
    private int phase = TRAINING;

    Operative(int source) {
      this.source = source;
    }

    @Override
    public void fire(Simulation sim) {
      switch (phase) {
        case TRAINING -> dispatch(sim);
        case TRAVELLING -> arrive(sim);
        case FOILED -> people.move(source, PersonState.OPERATIVE, PersonState.PLOT_FOILED, 1);
        case EXECUTED -> people.move(source, PersonState.OPERATIVE, PersonState.PLOT_EXECUTED, 1);
        default -> throw new IllegalStateException("phase " + phase);
      }
    }

    private void dispatch(Simulation sim) {
      people.operativeDispatched(source);
      int[] ks = corridorsOf[source];
      for (int j = 0; j < ks.length; j++) {
        scratch[j] = weights[ks[j]];
      }
      int j = draw.pick(scratch, ks.length);
      phase = TRAVELLING;
      if (j < 0) {
        arrive(sim);
        return;
      }
      corridor = ks[j];
      sim.schedule(delay[corridor].sample(), this);
    }

    private void arrive(Simulation sim) {
      if (corridor >= 0) {
        double stop = 1 - (1 - interdiction[corridor]) * (1 - world.borderClosure(corridor));
        if (draw.bernoulli(stop)) {
          people.move(source, PersonState.OPERATIVE, PersonState.OPERATIVE_INTERDICTED, 1);
          world.interdicted(corridor);
          return;
        }
      }
      double duration = plot.sample();
      double foil = 1 - (1 - intelligence[source]) * (1 - world.intelligenceSharing(source));
      if (draw.bernoulli(foil)) {
        phase = FOILED;
        sim.schedule(duration * draw.uniform(), this);
      } else {
        phase = EXECUTED;
        sim.schedule(duration, this);
      }
    }
  }
}
