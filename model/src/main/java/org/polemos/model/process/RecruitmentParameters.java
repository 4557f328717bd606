package org.polemos.model.process;

import org.polemos.model.Omittable;

/**
 * Radicalisation and departure.
 *
 * @param model which departure model runs
 * @param compartmental parameters of the compartmental model; required when {@code model} is compartmental
 */
public record RecruitmentParameters(RecruitmentModel model, @Omittable CompartmentalParameters compartmental) {
}
