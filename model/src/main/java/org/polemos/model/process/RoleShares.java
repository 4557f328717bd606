package org.polemos.model.process;

/**
 * How foreign recruits leaving intake are assigned; the three shares sum to 1.
 *
 * @param fighter share sent to the front
 * @param support share in support and administration
 * @param externalOperations share trained for operations abroad
 */
public record RoleShares(double fighter, double support, double externalOperations) {
}
