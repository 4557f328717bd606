package org.polemos.model;

import java.time.LocalDate;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.Processes;

/** A small valid scenario: 3 regions, 2 factions, 1 source, 1 corridor, 1 intervention. */
public final class Fixtures {
  private Fixtures() {}

  /** The builder of the base scenario, so tests can add to it. */
  public static ScenarioBuilder baseBuilder() {
    return Scenario.builder("minimal")
        .name("Minimal")
        .description("Three regions on one front line.")
        .calendar(LocalDate.of(2014, 1, 1), LocalDate.of(2017, 12, 31), OutputStep.MONTHLY)
        .seed(42)
        .faction(
            Faction.builder("islamic-state", FactionKind.ORGANISATION)
                .fire(FireMode.AREA, 0.0001)
                .enemies("iraqi-forces"))
        .faction(
            Faction.builder("iraqi-forces", FactionKind.STATE)
                .name("Iraqi forces")
                .fire(FireMode.AIMED, 0.02)
                .morale(0.8)
                .enemies("islamic-state"))
        .region(
            Region.builder("raqqa")
                .name("Ar-Raqqa")
                .country("SY")
                .population(944_000)
                .areaKm2(19_616)
                .oilCapacityBblPerDay(5_000)
                .defensibility(1.2)
                .neighbours("mosul")
                .controller("islamic-state")
                .forces("islamic-state", 5_000))
        .region(
            Region.builder("mosul")
                .name("Nineveh")
                .country("IQ")
                .population(3_270_000)
                .areaKm2(37_323)
                .oilCapacityBblPerDay(10_000)
                .defensibility(1.5)
                .neighbours("raqqa", "baghdad")
                .controller("islamic-state")
                .forces("islamic-state", 8_000)
                .forces("iraqi-forces", 0))
        .region(
            Region.builder("baghdad")
                .name("Baghdad")
                .country("IQ")
                .population(7_180_000)
                .areaKm2(4_555)
                .neighbours("mosul")
                .controller("iraqi-forces")
                .forces("iraqi-forces", 20_000)
                .forces("islamic-state", 500))
        .source(
            Source.builder("tunisia")
                .name("Tunisia")
                .atRiskPool(100_000)
                .annualPropensity(0.01)
                .momentumSensitivity(1.0)
                .languageGroup("arabic")
                .intelligenceEffectiveness(0.3))
        .corridor(
            Corridor.builder("tal-abyad")
                .name("Tal Abyad")
                .sources("tunisia")
                .hub("Gaziantep")
                .entryRegion("raqqa")
                .transitDelayDays(new DistributionSpec.LogNormal(1.5, 0.5))
                .departureScreening(0.05)
                .interdiction(0.1))
        .intervention(
            Intervention.builder("mosul-offensive", InterventionKind.GROUND_OFFENSIVE)
                .targets("mosul")
                .faction("iraqi-forces")
                .dates(LocalDate.of(2016, 10, 17), LocalDate.of(2017, 7, 20))
                .intensity(30_000))
        .processes(Processes.defaults());
  }

  /** The base scenario, validated. */
  public static Scenario base() {
    return baseBuilder().build();
  }
}
