package org.polemos.model.process;

import org.polemos.model.validation.Checks;

/**
 * How foreign recruits leaving intake are assigned; the three shares sum to 1.
 *
 * @param fighter share sent to the front
 * @param support share in support and administration
 * @param externalOperations share trained for operations abroad
 */
public record RoleShares(double fighter, double support, double externalOperations) {

  /** Tolerance on the sum of the shares. */
  public static final double SUM_TOLERANCE = 1e-9;

  /** Each share in [0, 1], and the three sum to 1. */
  public void check(Checks c) {
    boolean ok = c.fraction(fighter, "fighter");
    ok &= c.fraction(support, "support");
    ok &= c.fraction(externalOperations, "externalOperations");
    double sum = fighter + support + externalOperations;
    if (ok && Math.abs(sum - 1) > SUM_TOLERANCE) {
      c.add("", "shares must sum to 1, sum was " + Checks.number(sum));
    }
  }
}
