package org.polemos.model.process;

import java.time.LocalDate;
import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * The organisation's message to sympathisers abroad (mechanism {@code message}, issue 13): a switch
 * from "come" to "stay and attack at home", on a scheduled date or when the organisation has lost a
 * share of its peak territory, whichever comes first. After the switch the call to stay rises
 * linearly from 0 to {@code stayCall} over {@code rampDays} (never in one step); departures are
 * multiplied by {@code 1 - departureEffect x call}, and the call is offered to the
 * external-operations mechanism through the port {@code Ports.Message}. A scenario that omits the
 * section never switches.
 *
 * @param scheduledSwitch the date of the switch; none when omitted
 * @param lossTrigger the share of its peak territory whose loss triggers the switch, in [0, 1]; 1
 *     (only when everything is lost) when omitted
 * @param rampDays days for the call to reach its full strength, in [0.01, 36525]; 90 when omitted
 * @param stayCall the full strength of the call to stay, in [0, 1]; 0 (no message) when omitted
 * @param departureEffect how much the full call lowers departures, in [0, 1]; 0 when omitted
 */
public record MessageParameters(
    @Omittable LocalDate scheduledSwitch,
    @Omittable Double lossTrigger,
    @Omittable Double rampDays,
    @Omittable Double stayCall,
    @Omittable Double departureEffect)
    implements ProcessParameters {

  public MessageParameters {
    lossTrigger = lossTrigger == null ? 1.0 : lossTrigger;
    rampDays = rampDays == null ? 90.0 : rampDays;
    stayCall = stayCall == null ? 0.0 : stayCall;
    departureEffect = departureEffect == null ? 0.0 : departureEffect;
  }

  /** No message: never switches. */
  public static MessageParameters none() {
    return new MessageParameters(null, null, null, null, null);
  }

  @Override
  public void check(Checks c) {
    c.fraction(lossTrigger, "lossTrigger");
    if (c.finite(rampDays, "rampDays")) {
      if (rampDays < Limits.MIN_STEP_DAYS) {
        c.add(
            "rampDays",
            "must be >= "
                + Checks.number(Limits.MIN_STEP_DAYS)
                + " (the message never changes in one step), was "
                + Checks.number(rampDays));
      } else {
        c.atMost(true, rampDays, Limits.MAX_DAYS, "rampDays");
      }
    }
    c.fraction(stayCall, "stayCall");
    c.fraction(departureEffect, "departureEffect");
  }
}
