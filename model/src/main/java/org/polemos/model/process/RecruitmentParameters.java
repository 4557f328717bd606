package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;

/**
 * Radicalisation and departure.
 *
 * @param model which departure model runs
 * @param compartmental parameters of the compartmental model; required when {@code model} is
 *     compartmental
 * @param bass parameters of the Bass diffusion model; required when {@code model} is bass
 */
public record RecruitmentParameters(
    RecruitmentModel model,
    @Omittable CompartmentalParameters compartmental,
    @Omittable BassParameters bass)
    implements ProcessParameters {

  /**
   * The section a scenario gets when it omits {@code processes.recruitment} (registered by {@link
   * BuiltInProcesses}): Poisson departures, without compartmental or Bass parameters.
   */
  public static RecruitmentParameters defaults() {
    return new RecruitmentParameters(RecruitmentModel.POISSON, null, null);
  }

  @Override
  public void check(Checks c) {
    c.required(model, "model");
    if (compartmental == null && model == RecruitmentModel.COMPARTMENTAL) {
      c.add("compartmental", "is required when model is compartmental");
    }
    if (compartmental != null) {
      compartmental.check(c.at("compartmental"));
    }
    if (bass == null && model == RecruitmentModel.BASS) {
      c.add("bass", "is required when model is bass");
    }
    if (bass != null) {
      bass.check(c.at("bass"));
    }
  }
}
