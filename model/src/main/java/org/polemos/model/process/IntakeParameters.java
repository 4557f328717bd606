package org.polemos.model.process;

import org.polemos.model.distribution.DistributionSpec;

/**
 * Intake and integration of arriving foreign recruits as a multi-server queue.
 *
 * @param servers recruits that can be in intake (registration, vetting, course, training) at once
 * @param serviceDays time one recruit spends in intake
 * @param roles assignment on leaving intake
 */
public record IntakeParameters(int servers, DistributionSpec serviceDays, RoleShares roles) {
}
