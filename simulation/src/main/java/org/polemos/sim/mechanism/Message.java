package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.process.MessageParameters;
import org.polemos.sim.RunContext;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import org.polemos.sim.world.World;

/**
 * The organisation's message (issue 13, build item 2): from "come" to "stay and attack at home".
 * The switch happens on {@code scheduledSwitch} (start of that day) or, checked daily at mid-day,
 * when the organisation has lost {@code lossTrigger} of its peak territory ({@code 1 - held / peak
 * >= lossTrigger}, with lossTrigger < 1), whichever comes first; it is never undone. From the
 * switch at time s the call to stay is {@code stayCall x min(1, (t - s) / rampDays)}: it never
 * changes in one step. The departure mechanisms multiply their rate by {@link #departureFactor()},
 * {@code 1 - departureEffect x call}; the call itself is provided as {@link Ports.Message} for the
 * external-operations mechanism to read (no coupling between the two files). Event {@code
 * message-switched} (subject {@code stay-and-attack}, detail {@code cause}: {@code scheduled} or
 * {@code losses}).
 */
public final class Message implements Mechanism, Ports.Message, Action {
  public static final String NAME = "message";

  private final MessageParameters p;
  private RunContext ctx;
  private World world;
  private double switchedAt = Double.NaN;

  Message(MessageParameters p) {
    this.p = p;
  }

  public static final MechanismFactory FACTORY =
      MechanismFactory.of(NAME, MessageParameters.class, Message::create);

  private static Optional<Mechanism> create(Scenario scenario) {
    MessageParameters p = scenario.processes().get(MessageParameters.class);
    return Optional.of(new Message(p == null ? MessageParameters.none() : p));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void wire(RunContext ctx) {
    ctx.provide(Ports.Message.class, this);
  }

  @Override
  public void start(RunContext ctx) {
    this.ctx = ctx;
    this.world = ctx.world();
    if (p.scheduledSwitch() != null) {
      double day = ctx.scenario().calendar().dayOf(p.scheduledSwitch());
      if (day < ctx.scenario().calendar().horizonDays()) {
        ctx.sim().scheduleAt(Math.max(0, day), sim -> switchNow("scheduled"));
      }
    }
    if (p.lossTrigger() < 1) {
      ctx.sim().scheduleAt(MIDDAY, this);
    }
  }

  /** Checks the loss trigger once a day until the switch. */
  @Override
  public void fire(Simulation sim) {
    if (!Double.isNaN(switchedAt)) {
      return;
    }
    double peak = world.peakOrganisationArea();
    int org = world.organisation();
    double lost = peak > 0 && org >= 0 ? Math.max(0, 1 - world.areaHeld(org) / peak) : 0;
    if (lost >= p.lossTrigger()) {
      switchNow("losses");
      return;
    }
    sim.schedule(1.0, this);
  }

  private void switchNow(String cause) {
    if (!Double.isNaN(switchedAt)) {
      return;
    }
    switchedAt = ctx.sim().now();
    ctx.event("message-switched", "stay-and-attack", "cause", cause);
  }

  /** The time of the switch, days, or NaN before it. */
  public double switchedAt() {
    return switchedAt;
  }

  @Override
  public double stayAndAttackCall() {
    if (Double.isNaN(switchedAt)) {
      return 0;
    }
    return p.stayCall() * Math.min(1, (ctx.sim().now() - switchedAt) / p.rampDays());
  }

  /** The factor on departure rates now: {@code 1 - departureEffect x call}. */
  public double departureFactor() {
    return 1 - p.departureEffect() * stayAndAttackCall();
  }

  /**
   * The factor on departures that {@code ctx}'s message gives now; 1 when no mechanism models it or
   * it is not this one.
   */
  static double departureFactor(Ports.Message message) {
    return message instanceof Message m ? m.departureFactor() : 1;
  }
}
