package org.polemos.model;

/**
 * A country that foreign recruits come from (and that operatives and returnees go back to).
 *
 * @param id stable identifier
 * @param name display name, as used in public figures (e.g. "Saudi Arabia")
 * @param atRiskPool people susceptible to recruitment at the start
 * @param annualPropensity departures per at-risk person per year at neutral momentum, before
 *     counter-measures
 * @param momentumSensitivity elasticity of the departure rate to the organisation's momentum (0 =
 *     none)
 * @param languageGroup language of the units its recruits join (e.g. "arabic", "russian", "french")
 * @param intelligenceEffectiveness probability that a plot directed at this country is foiled, in
 *     [0,1]
 * @param notes sources and reasoning; empty when omitted
 * @param fightersAtStart the organisation's foreign fighters from this source present in its
 *     territory on the calendar's start date (they came before it: a stock, not arrivals of the
 *     run), placed in the places the organisation holds in proportion to its forces there, on top
 *     of them; in [0, {@link org.polemos.model.validation.Limits#MAX_TRAVELLERS}], 0 when omitted
 */
public record Source(
    String id,
    String name,
    long atRiskPool,
    double annualPropensity,
    double momentumSensitivity,
    String languageGroup,
    double intelligenceEffectiveness,
    @Omittable String notes,
    @Omittable Long fightersAtStart) {

  public Source {
    notes = notes == null ? "" : notes;
    fightersAtStart = fightersAtStart == null ? 0L : fightersAtStart;
  }

  /** A source without foreign fighters present at the start. */
  public Source(
      String id,
      String name,
      long atRiskPool,
      double annualPropensity,
      double momentumSensitivity,
      String languageGroup,
      double intelligenceEffectiveness,
      String notes) {
    this(
        id,
        name,
        atRiskPool,
        annualPropensity,
        momentumSensitivity,
        languageGroup,
        intelligenceEffectiveness,
        notes,
        null);
  }

  /** A builder for a source with this id: name defaults to the id, the numbers to 0. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link Source}; see {@link #builder(String)}. */
  public static final class Builder {
    private final String id;
    private String name;
    private long atRiskPool;
    private double annualPropensity;
    private double momentumSensitivity;
    private String languageGroup;
    private double intelligenceEffectiveness;
    private String notes = "";
    private long fightersAtStart;

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder atRiskPool(long pool) {
      this.atRiskPool = pool;
      return this;
    }

    public Builder annualPropensity(double propensity) {
      this.annualPropensity = propensity;
      return this;
    }

    public Builder momentumSensitivity(double sensitivity) {
      this.momentumSensitivity = sensitivity;
      return this;
    }

    public Builder languageGroup(String group) {
      this.languageGroup = group;
      return this;
    }

    public Builder intelligenceEffectiveness(double p) {
      this.intelligenceEffectiveness = p;
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Builder fightersAtStart(long n) {
      this.fightersAtStart = n;
      return this;
    }

    public Source build() {
      return new Source(
          id,
          name,
          atRiskPool,
          annualPropensity,
          momentumSensitivity,
          languageGroup,
          intelligenceEffectiveness,
          notes,
          fightersAtStart);
    }
  }
}
