package org.polemos.model.process;

/**
 * The shares of women and minors among all the travellers (men, women and minors) of one source
 * (see {@link FamiliesParameters}); each in [0, 1], together at most {@link
 * FamiliesParameters#MAX_SHARE}.
 *
 * @param womenShare the share of women
 * @param minorsShare the share of minors
 */
public record FamilyShares(double womenShare, double minorsShare) {

  /** Women per man: {@code womenShare / (1 - womenShare - minorsShare)}. */
  public double womenPerMan() {
    return womenShare / (1 - womenShare - minorsShare);
  }

  /** Minors per man: {@code minorsShare / (1 - womenShare - minorsShare)}. */
  public double minorsPerMan() {
    return minorsShare / (1 - womenShare - minorsShare);
  }
}
