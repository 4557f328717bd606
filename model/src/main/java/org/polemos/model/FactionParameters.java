package org.polemos.model;

/**
 * Combat behaviour of a faction.
 *
 * @param fireMode aimed or area fire
 * @param effectiveness Lanchester attrition coefficient: for aimed fire, enemy fighters put out of
 *     action per own fighter engaged per day; for area fire, the same per enemy fighter engaged (so
 *     per fighter^2 per day)
 * @param morale multiplier on effectiveness (1 = nominal)
 */
public record FactionParameters(FireMode fireMode, double effectiveness, @Omittable Double morale) {

  public FactionParameters {
    if (morale == null) {
      morale = 1.0;
    }
  }
}
