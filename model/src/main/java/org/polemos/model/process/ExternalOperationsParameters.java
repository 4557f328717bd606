package org.polemos.model.process;

import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Operations abroad, as counts and probabilities only (after Kaplan's "terror queues").
 *
 * @param trainingDays time from assignment to external operations until dispatch
 * @param plotDays time from an operative's arrival home until the plot would be carried out
 * @param territorialShiftSensitivity how much the external-operations share grows as the
 *     organisation loses territory (0 = constant share)
 * @param inspiredAttacksPerYear inspired (not directed) attacks per year across all sources at
 *     neutral momentum
 * @param inspiredMomentumSensitivity elasticity of inspired attacks to momentum
 */
public record ExternalOperationsParameters(
    DistributionSpec trainingDays,
    DistributionSpec plotDays,
    double territorialShiftSensitivity,
    double inspiredAttacksPerYear,
    double inspiredMomentumSensitivity)
    implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.distribution(trainingDays, "trainingDays");
    c.distribution(plotDays, "plotDays");
    c.atMost(
        c.nonNegative(territorialShiftSensitivity, "territorialShiftSensitivity"),
        territorialShiftSensitivity,
        Limits.MAX_WEIGHT_FACTOR,
        "territorialShiftSensitivity");
    c.atMost(
        c.nonNegative(inspiredAttacksPerYear, "inspiredAttacksPerYear"),
        inspiredAttacksPerYear,
        Limits.MAX_EVENTS_PER_YEAR,
        "inspiredAttacksPerYear");
    c.between(
        inspiredMomentumSensitivity,
        -Limits.MAX_ELASTICITY,
        Limits.MAX_ELASTICITY,
        "inspiredMomentumSensitivity");
  }
}
