package org.polemos.model.process;

import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.validation.Checks;

/**
 * Intake and integration of arriving foreign recruits as a multi-server queue.
 *
 * @param servers recruits that can be in intake (registration, vetting, course, training) at once
 * @param serviceDays time one recruit spends in intake
 * @param roles assignment on leaving intake
 */
public record IntakeParameters(int servers, DistributionSpec serviceDays, RoleShares roles)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    if (servers < 1) {
      c.add("servers", "must be >= 1, was " + servers);
    }
    c.distribution(serviceDays, "serviceDays");
    if (c.required(roles, "roles")) {
      roles.check(c.at("roles"));
    }
  }
}
