package org.polemos.model.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * The border strip (mechanism {@code transit}): the crossings the organisation holds have a
 * throughput; travellers who cannot cross wait at the corridor's hub, reroute or give up. A
 * scenario that omits the section gets unlimited crossings, a 14-day closure, and the give-up and
 * reroute rates below.
 *
 * @param capacityPerDay crossings per day of each listed corridor (by corridor id) while it is
 *     open; a corridor not listed has no limit. Each value in [0, 1e6]; empty when omitted
 * @param closureDays time constant, days, of the throughput of a crossing whose entry the
 *     organisation lost: it decays as {@code e^{-t / closureDays}} (smugglers still get some people
 *     through a strip just lost), so a closing corridor never stops the flow in one step; in [0.01,
 *     36525], 14 when omitted
 * @param giveUpPerDay probability per day that a traveller waiting at a hub gives up and goes home,
 *     in [0, 1]; 0.02 when omitted
 * @param reroutePerDay probability per day that a traveller waiting at the hub of a corridor whose
 *     entry is lost moves to another corridor of its source that the organisation holds, in [0, 1];
 *     0.1 when omitted
 */
public record TransitParameters(
    @Omittable Map<String, Double> capacityPerDay,
    @Omittable Double closureDays,
    @Omittable Double giveUpPerDay,
    @Omittable Double reroutePerDay)
    implements ProcessParameters {

  /** Largest throughput of one crossing, people per day. */
  public static final double MAX_CAPACITY_PER_DAY = 1e6;

  public TransitParameters {
    capacityPerDay =
        capacityPerDay == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capacityPerDay));
    closureDays = closureDays == null ? 14.0 : closureDays;
    giveUpPerDay = giveUpPerDay == null ? 0.02 : giveUpPerDay;
    reroutePerDay = reroutePerDay == null ? 0.1 : reroutePerDay;
  }

  /** The defaults: no capacity limit anywhere. */
  public static TransitParameters defaults() {
    return new TransitParameters(null, null, null, null);
  }

  @Override
  public void check(Checks c) {
    for (Map.Entry<String, Double> e : capacityPerDay.entrySet()) {
      String field = "capacityPerDay." + e.getKey();
      if (c.required(e.getValue(), field)) {
        c.nonNegativeAtMost(e.getValue(), MAX_CAPACITY_PER_DAY, field);
      }
    }
    if (c.finite(closureDays, "closureDays")) {
      if (closureDays < Limits.MIN_STEP_DAYS) {
        c.add(
            "closureDays",
            "must be >= "
                + Checks.number(Limits.MIN_STEP_DAYS)
                + " (a closing corridor never stops the flow in one step), was "
                + Checks.number(closureDays));
      } else {
        c.atMost(true, closureDays, Limits.MAX_DAYS, "closureDays");
      }
    }
    c.fraction(giveUpPerDay, "giveUpPerDay");
    c.fraction(reroutePerDay, "reroutePerDay");
  }
}
