package org.polemos.model.process;

import org.polemos.model.Omittable;
import org.polemos.model.validation.Checks;

/**
 * Radicalisation and departure.
 *
 * @param model which departure model runs
 * @param compartmental parameters of the compartmental model; required when {@code model} is
 *     compartmental
 */
public record RecruitmentParameters(
    RecruitmentModel model, @Omittable CompartmentalParameters compartmental)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.required(model, "model");
    if (compartmental == null && model == RecruitmentModel.COMPARTMENTAL) {
      c.add("compartmental", "is required when model is compartmental");
    }
    if (compartmental != null) {
      compartmental.check(c.at("compartmental"));
    }
  }
}
