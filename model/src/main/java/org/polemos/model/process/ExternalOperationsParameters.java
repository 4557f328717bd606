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
 * @param territorialShiftSensitivity no longer used (issue 14: the share of recruits assigned to
 *     operations abroad no longer rises with the area lost; a shift toward attacks abroad must come
 *     out of mechanisms); optional, accepted so that older files load, default 0
 * @param inspiredAttacksPerYear inspired (not directed) attacks per year across all sources at
 *     neutral momentum
 * @param inspiredMomentumSensitivity elasticity of inspired attacks to momentum
 * @param intelligenceServers intelligence capacity of each destination (source id -> teams that can
 *     each investigate one plot at a time: the servers of Kaplan's terror queue); a destination not
 *     listed has unlimited capacity; optional, default empty (every destination unlimited, which
 *     gives the earlier constant chance of detection)
 * @param trainingPlaces the branch's capacity: operatives in training at once (handlers and
 *     training places); a recruit assigned to operations abroad while every place is taken serves
 *     as a fighter instead; optional, default 10,000,000 (in effect unlimited)
 * @param cellSize the size of a cell (rounded to a whole number, at least 1): trained operatives of
 *     the same destination wait until a cell of the drawn size is complete, travel together and
 *     make one plot; optional, default fixed 1 (one operative, one plot)
 * @param borderClosureStopsOperatives whether border closures (meant for incoming fighters) also
 *     stop outgoing cells; optional, default false (only the corridor's own interdiction applies)
 */
public record ExternalOperationsParameters(
    DistributionSpec trainingDays,
    DistributionSpec plotDays,
    @Omittable Double territorialShiftSensitivity,
    double inspiredAttacksPerYear,
    double inspiredMomentumSensitivity,
    @Omittable Map<String, Integer> intelligenceServers,
    @Omittable Integer trainingPlaces,
    @Omittable DistributionSpec cellSize,
    @Omittable Boolean borderClosureStopsOperatives)
    implements ProcessParameters {

  /** Largest mean cell size accepted. */
  public static final int MAX_CELL_SIZE = 100;

  public ExternalOperationsParameters {
    territorialShiftSensitivity =
        territorialShiftSensitivity == null ? 0.0 : territorialShiftSensitivity;
    trainingPlaces = trainingPlaces == null ? Limits.MAX_SERVERS : trainingPlaces;
    cellSize = cellSize == null ? new DistributionSpec.Fixed(1) : cellSize;
    borderClosureStopsOperatives =
        borderClosureStopsOperatives != null && borderClosureStopsOperatives;
    intelligenceServers =
        intelligenceServers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intelligenceServers));
  }

  /** The five original fields; every later field at its default. */
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
        null,
        null,
        null,
        null);
  }

  /** The original fields and intelligence servers; every later field at its default. */
  public ExternalOperationsParameters(
      DistributionSpec trainingDays,
      DistributionSpec plotDays,
      double territorialShiftSensitivity,
      double inspiredAttacksPerYear,
      double inspiredMomentumSensitivity,
      Map<String, Integer> intelligenceServers) {
    this(
        trainingDays,
        plotDays,
        territorialShiftSensitivity,
        inspiredAttacksPerYear,
        inspiredMomentumSensitivity,
        intelligenceServers,
        null,
        null,
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
    if (trainingPlaces < 1 || trainingPlaces > Limits.MAX_SERVERS) {
      c.add("trainingPlaces", "must be in [1, " + Limits.MAX_SERVERS + "], was " + trainingPlaces);
    }
    c.distribution(cellSize, "cellSize");
    if (cellSize != null && Double.isFinite(cellSize.mean()) && cellSize.mean() > MAX_CELL_SIZE) {
      c.add(
          "cellSize",
          "mean must be <= "
              + MAX_CELL_SIZE
              + " (cells are small groups), was "
              + Checks.number(cellSize.mean()));
    }
  }
}
