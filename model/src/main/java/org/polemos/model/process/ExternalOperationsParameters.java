package org.polemos.model.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polemos.model.Omittable;
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
 * @param intelligenceServers intelligence capacity of each destination (source id -> teams that can
 *     each investigate one plot at a time: the servers of Kaplan's terror queue); a destination not
 *     listed has unlimited capacity; optional, default empty (every destination unlimited, which
 *     gives the earlier constant chance of detection)
 */
public record ExternalOperationsParameters(
    DistributionSpec trainingDays,
    DistributionSpec plotDays,
    double territorialShiftSensitivity,
    double inspiredAttacksPerYear,
    double inspiredMomentumSensitivity,
    @Omittable Map<String, Integer> intelligenceServers)
    implements ProcessParameters {

  public ExternalOperationsParameters {
    intelligenceServers =
        intelligenceServers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intelligenceServers));
  }

  /** The five original fields; every destination with unlimited intelligence capacity. */
  public ExternalOperationsParameters(
      DistributionSpec trainingDays,
      DistributionSpec plotDays,
      double territorialShiftSensitivity,
      double inspiredAttacksPerYear,
      double inspiredMomentumSensitivity) {
    this(
        trainingDays,
        plotDays,
        territorialShiftSensitivity,
        inspiredAttacksPerYear,
        inspiredMomentumSensitivity,
        null);
  }

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
    intelligenceServers.forEach(
        (source, n) -> {
          String field = "intelligenceServers." + source;
          if (n == null) {
            c.add(field, "is required");
          } else if (n < 1 || n > Limits.MAX_SERVERS) {
            c.add(field, "must be in [1, " + Limits.MAX_SERVERS + "], was " + n);
          }
        });
  }
}
