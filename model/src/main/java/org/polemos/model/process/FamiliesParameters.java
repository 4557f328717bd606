package org.polemos.model.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Women and minors who travel to the organisation with or alongside its foreign recruits (mechanism
 * {@code families}, issue 13, item 7). They arrive in proportion to the men of their source (the
 * recruits the departure mechanisms send), live where the organisation holds ground, do not fight,
 * die at a daily hazard that rises where the organisation's fighters are dying, are detained when
 * the place they live in is taken, and return home at a rate that the organisation's exit control
 * gates. A scenario that omits the section has no women or minors (every share 0).
 *
 * @param womenShare the share of women among all the travellers (men, women and minors) of a source
 *     not listed in {@code bySource}, in [0, 1]; 0 when omitted
 * @param minorsShare the share of minors among all the travellers of a source not listed in {@code
 *     bySource}, in [0, 1]; 0 when omitted. {@code womenShare + minorsShare} is at most {@link
 *     #MAX_SHARE} (so there is always at least one man in ten travellers and the women and minors
 *     drawn per man stay bounded)
 * @param bySource the shares of the sources listed (source id to shares), overriding the two above;
 *     empty when omitted
 * @param deathsPerYear the hazard of death per woman or minor per year wherever they live (illness,
 *     accidents, strikes far from a front), in [0, 365]; 0 when omitted
 * @param warExposure the multiple of the organisation's fighters' daily death rate that a woman or
 *     minor living in a front place (one bordering a place held by an enemy that holds ground) dies
 *     at in addition, in [0, 100]; 0 when omitted
 * @param detainedOnCapture the share of the women and minors living in a place taken from the
 *     organisation who are detained by the taker, in [0, 1]; the others move with the retreat to a
 *     place it still holds (all are detained when it holds none); 0 when omitted
 * @param returnPerYear attempts to go home per woman or minor per year, in [0, 365], made only
 *     while the organisation's exit control leaves a way out, and stopped with its stop
 *     probability; 0 when omitted
 */
public record FamiliesParameters(
    @Omittable Double womenShare,
    @Omittable Double minorsShare,
    @Omittable Map<String, FamilyShares> bySource,
    @Omittable Double deathsPerYear,
    @Omittable Double warExposure,
    @Omittable Double detainedOnCapture,
    @Omittable Double returnPerYear)
    implements ProcessParameters {

  /** Largest share of women and minors together among a source's travellers. */
  public static final double MAX_SHARE = 0.9;

  public FamiliesParameters {
    womenShare = womenShare == null ? 0.0 : womenShare;
    minorsShare = minorsShare == null ? 0.0 : minorsShare;
    bySource =
        bySource == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    deathsPerYear = deathsPerYear == null ? 0.0 : deathsPerYear;
    warExposure = warExposure == null ? 0.0 : warExposure;
    detainedOnCapture = detainedOnCapture == null ? 0.0 : detainedOnCapture;
    returnPerYear = returnPerYear == null ? 0.0 : returnPerYear;
  }

  /** No women or minors. */
  public static FamiliesParameters none() {
    return new FamiliesParameters(null, null, null, null, null, null, null);
  }

  /** The shares of the source with id {@code source}: its own when listed, else the defaults. */
  public FamilyShares shares(String source) {
    FamilyShares own = bySource.get(source);
    return own != null ? own : new FamilyShares(womenShare, minorsShare);
  }

  @Override
  public void check(Checks c) {
    shares(c, womenShare, minorsShare, "womenShare", "minorsShare", "minorsShare");
    for (Map.Entry<String, FamilyShares> e : bySource.entrySet()) {
      String field = "bySource." + e.getKey();
      if (c.required(e.getValue(), field)) {
        shares(
            c,
            e.getValue().womenShare(),
            e.getValue().minorsShare(),
            field + ".womenShare",
            field + ".minorsShare",
            field);
      }
    }
    c.nonNegativeAtMost(deathsPerYear, Limits.MAX_RATE_PER_YEAR, "deathsPerYear");
    c.nonNegativeAtMost(warExposure, Limits.MAX_MULTIPLIER, "warExposure");
    c.fraction(detainedOnCapture, "detainedOnCapture");
    c.nonNegativeAtMost(returnPerYear, Limits.MAX_RATE_PER_YEAR, "returnPerYear");
  }

  private static void shares(
      Checks c, double women, double minors, String womenField, String minorsField, String sum) {
    if (c.fraction(women, womenField) & c.fraction(minors, minorsField)
        && women + minors > MAX_SHARE) {
      c.add(
          sum,
          "womenShare + minorsShare must be at most "
              + Checks.number(MAX_SHARE)
              + " (at least one traveller in ten is a man), was "
              + Checks.number(women)
              + " + "
              + Checks.number(minors));
    }
  }
}
