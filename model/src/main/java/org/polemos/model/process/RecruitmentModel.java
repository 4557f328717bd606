package org.polemos.model.process;

import org.polemos.model.Coded;

/** How departures from source countries are generated. */
public enum RecruitmentModel implements Coded {
  /**
   * Non-homogeneous Poisson departures: pool x propensity x momentum effect x (1 -
   * counter-measures).
   */
  POISSON("poisson"),
  /**
   * SIR-style radicalisation: susceptible, radicalised, disengaged; departures drawn from the
   * radicalised.
   */
  COMPARTMENTAL("compartmental"),
  /**
   * Bass diffusion on a finite pool that is never refilled: spontaneous departures (innovation)
   * plus departures caused by those already gone (imitation), so each source saturates.
   */
  BASS("bass");

  private final String code;

  RecruitmentModel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
