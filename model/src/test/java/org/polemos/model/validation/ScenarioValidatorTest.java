package org.polemos.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.Fixtures;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.AttritionParameters;
import org.polemos.model.process.BassParameters;
import org.polemos.model.process.CompartmentalParameters;
import org.polemos.model.process.EconomyParameters;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.model.process.FamiliesParameters;
import org.polemos.model.process.FamilyShares;
import org.polemos.model.process.MessageParameters;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.model.process.RoleShares;
import org.polemos.model.process.TransitParameters;

class ScenarioValidatorTest {
  private static final Scenario BASE = Fixtures.base();

  /**
   * Asserts that {@code scenario} has exactly one problem, at {@code path}, whose message contains
   * the fragment.
   */
  private static void assertOnly(Scenario scenario, String path, String fragment) {
    List<Problem> problems = ScenarioValidator.validate(scenario);
    assertThat(problems).as(problems.toString()).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo(path);
    assertThat(problems.get(0).message()).contains(fragment);
  }

  private static void assertOnlyExactly(Scenario scenario, String path, String message) {
    assertThat(ScenarioValidator.validate(scenario)).containsExactly(new Problem(path, message));
  }

  @Test
  void theValidBaseHasNoProblems() {
    assertThat(ScenarioValidator.validate(BASE)).isEmpty();
    assertThat(BASE.validate()).isEmpty();
  }

  @Test
  void aNullScenarioIsOneProblem() {
    assertThat(ScenarioValidator.validate(null))
        .containsExactly(new Problem("", "scenario is required"));
  }

  // ------------------------------------------------------------------------------------ required
  // fields

  @ParameterizedTest
  @CsvSource({
    "calendar, calendar",
    "calendar.start, calendar.start",
    "description, description",
    "regions.raqqa.country, regions[0].country",
    "sources.tunisia.languageGroup, sources[0].languageGroup",
    "corridors.tal-abyad.hub, corridors[0].hub",
    "corridors.tal-abyad.transitDelayDays, corridors[0].transitDelayDays",
    "factions.iraqi-forces.parameters, factions[1].parameters",
    "factions.iraqi-forces.parameters.fireMode, factions[1].parameters.fireMode",
    "interventions.mosul-offensive.end, interventions[0].end",
    "processes.intake.roles, processes.intake.roles",
    "processes.externalOperations.plotDays, processes.externalOperations.plotDays",
    "processes, processes",
  })
  void missingRequiredFieldsAreReported(String setPath, String problemPath) {
    assertOnlyExactly(BASE.with(setPath, null), problemPath, "is required");
  }

  @Test
  void aProcessSectionCannotBeUnsetSinceEverySectionHasDefaults() {
    assertThatThrownBy(() -> BASE.with("processes.combat", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("processes.combat must be a CombatParameters, was null");
  }

  @Test
  void aMissingControllerIsReported() {
    assertOnlyExactly(
        BASE.with("regions.mosul.controller", null), "regions[1].controller", "is required");
  }

  @Test
  void aMissingRegionIdIsReportedAndItsReferencesAreUnknown() {
    List<Problem> problems = BASE.with("regions.baghdad.id", null).validate();
    assertThat(problems)
        .first()
        .isEqualTo(new Problem("regions[1].neighbours[1]", "unknown region \"baghdad\""));
    assertThat(problems).contains(new Problem("regions[2].id", "is required"));
  }

  // ------------------------------------------------------------------------------------------------ ids

  @Test
  void idsMustMatchThePattern() {
    assertOnly(
        BASE.with("interventions.mosul-offensive.id", "Mosul Offensive"),
        "interventions[0].id",
        "must match [a-z0-9][a-z0-9-]*");
    assertOnly(BASE.with("id", "-minimal"), "id", "was \"-minimal\"");
  }

  @Test
  void idsMustNotBeBlank() {
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.id", " "),
        "interventions[0].id",
        "must not be blank");
  }

  @Test
  void idsMustBeUniqueWithinTheirList() {
    Intervention second =
        Intervention.builder("mosul-offensive", InterventionKind.GROUND_OFFENSIVE)
            .targets("raqqa")
            .faction("iraqi-forces")
            .dates(LocalDate.of(2017, 6, 1), LocalDate.of(2017, 10, 17))
            .intensity(10_000)
            .build();
    Scenario scenario = Fixtures.baseBuilder().intervention(second).buildUnchecked();
    assertOnlyExactly(
        scenario,
        "interventions[1].id",
        "duplicate id \"mosul-offensive\" (first used at" + " interventions[0])");
  }

  // --------------------------------------------------------------------------------- references

  @Test
  void anUnknownEntryRegionSuggestsTheClosestRegion() {
    assertOnlyExactly(
        BASE.with("corridors.tal-abyad.entryRegion", "raqa"),
        "corridors[0].entryRegion",
        "unknown region \"raqa\" (did you mean \"raqqa\"?)");
  }

  @Test
  void anUnknownReferenceFarFromEveryIdHasNoSuggestion() {
    assertOnlyExactly(
        BASE.with("corridors.tal-abyad.entryRegion", "aleppo"),
        "corridors[0].entryRegion",
        "unknown region \"aleppo\"");
  }

  @Test
  void anUnknownCorridorSourceIsReported() {
    List<Problem> problems = BASE.with("corridors.tal-abyad.sources", List.of("tunisa")).validate();
    assertThat(problems)
        .containsExactly(
            new Problem(
                "sources[0]",
                "no corridor serves source \"tunisia\", so its departures can never arrive"),
            new Problem(
                "corridors[0].sources[0]",
                "unknown source \"tunisa\" (did you mean \"tunisia\"?)"));
  }

  @Test
  void anUnknownEnemyIsReportedWithTheMissingSymmetry() {
    List<Problem> problems = BASE.with("factions.iraqi-forces.enemies", List.of("isis")).validate();
    assertThat(problems)
        .containsExactly(
            new Problem(
                "factions[1].enemies[0]",
                "unknown faction \"isis\" (did you mean \"islamic-state\"?)"),
            new Problem(
                "factions[1].enemies",
                "factions \"islamic-state\" and \"iraqi-forces\": \"iraqi-forces\""
                    + " does not list \"islamic-state\" as an enemy"));
  }

  @Test
  void anUnknownControllerIsReported() {
    assertOnlyExactly(
        BASE.with("regions.baghdad.controller", "iraqi-force"),
        "regions[2].controller",
        "unknown faction \"iraqi-force\" (did you mean \"iraqi-forces\"?)");
  }

  @Test
  void anUnknownForceKeyIsReportedAtItsKey() {
    assertOnlyExactly(
        BASE.with("regions.raqqa.forces", Map.of("islamic-state", 5000, "Iraqi-Forces", 10)),
        "regions[0].forces.Iraqi-Forces",
        "unknown faction \"Iraqi-Forces\" (did you mean \"iraqi-forces\"?)");
  }

  @Test
  void interventionTargetsAreResolvedByTheKindsTargetKind() {
    Scenario scenario =
        Fixtures.baseBuilder()
            .intervention(
                Intervention.builder("close-border", InterventionKind.BORDER_CLOSURE)
                    .targets("raqqa")
                    .dates(LocalDate.of(2015, 6, 1), LocalDate.of(2017, 12, 31))
                    .intensity(0.5))
            .buildUnchecked();
    assertOnlyExactly(scenario, "interventions[1].targets[0]", "unknown corridor \"raqqa\"");
  }

  @Test
  void interventionsMustListATarget() {
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.targets", List.of()),
        "interventions[0].targets",
        "must list at least one target");
  }

  @Test
  void aFactionIsRequiredWhenTheKindNeedsOne() {
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.faction", ""),
        "interventions[0].faction",
        "is required for kind ground-offensive");
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.faction", "iraqi"),
        "interventions[0].faction",
        "unknown faction \"iraqi\" (did you mean \"iraqi-forces\"?)");
  }

  @Test
  void aFactionMustBeEmptyWhenTheKindNeedsNone() {
    Scenario scenario =
        Fixtures.baseBuilder()
            .intervention(
                Intervention.builder("ban", InterventionKind.TRAVEL_MEASURES)
                    .targets("tunisia")
                    .faction("iraqi-forces")
                    .dates(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31))
                    .intensity(0.2))
            .buildUnchecked();
    assertOnlyExactly(
        scenario,
        "interventions[1].faction",
        "must be empty for kind travel-measures, was \"iraqi-forces\"");
  }

  // ------------------------------------------------------------------------------------- symmetry

  @Test
  void adjacencyMustBeSymmetricAndIsReportedOnTheMissingSide() {
    assertOnlyExactly(
        BASE.with("regions.baghdad.neighbours", List.of()),
        "regions[2].neighbours",
        "regions \"mosul\" and \"baghdad\": \"baghdad\" does not list \"mosul\" as a neighbour");
  }

  @Test
  void aRegionIsNotItsOwnNeighbour() {
    assertOnlyExactly(
        BASE.with("regions.baghdad.neighbours", List.of("mosul", "baghdad")),
        "regions[2].neighbours[1]",
        "\"baghdad\" cannot be its own neighbour");
  }

  @Test
  void listsHaveNoDuplicates() {
    assertOnlyExactly(
        BASE.with("regions.baghdad.neighbours", List.of("mosul", "mosul")),
        "regions[2].neighbours[1]",
        "duplicate entry \"mosul\"");
  }

  @Test
  void hostilityMustBeSymmetric() {
    assertOnlyExactly(
        BASE.with("factions.iraqi-forces.enemies", List.of()),
        "factions[1].enemies",
        "factions \"islamic-state\" and \"iraqi-forces\": \"iraqi-forces\" does not list \"islamic-state\" as an"
            + " enemy");
  }

  @Test
  void noFactionIsItsOwnEnemy() {
    assertOnlyExactly(
        BASE.with("factions.iraqi-forces.enemies", List.of("islamic-state", "iraqi-forces")),
        "factions[1].enemies[1]",
        "\"iraqi-forces\" cannot be an enemy of itself");
  }

  // ------------------------------------------------------------------------------------ coalition

  private static Scenario withCoalition() {
    return Fixtures.baseBuilder()
        .faction(Faction.builder("coalition", FactionKind.COALITION))
        .buildUnchecked();
  }

  @Test
  void aCoalitionWithoutGroundIsValid() {
    assertThat(withCoalition().validate()).isEmpty();
  }

  @Test
  void aCoalitionCannotControlARegion() {
    assertOnly(
        withCoalition().with("regions.baghdad.controller", "coalition"),
        "regions[2].controller",
        "faction \"coalition\" is a coalition and holds no ground");
  }

  @Test
  void aCoalitionHasNoForcesInRegions() {
    assertOnly(
        withCoalition().with("regions.baghdad.forces", Map.of("iraqi-forces", 100, "coalition", 5)),
        "regions[2].forces.coalition",
        "can have no forces in regions");
  }

  @Test
  void atLeastOneOrganisationIsRequired() {
    assertOnlyExactly(
        BASE.with("factions.islamic-state.kind", "state"),
        "factions",
        "must include a faction of kind organisation");
  }

  // -------------------------------------------------------------------------------- numeric ranges

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "regions.raqqa.population | -1 | regions[0].population | must be >= 0, was -1",
        "regions.raqqa.areaKm2 | 0 | regions[0].areaKm2 | must be > 0, was 0",
        "regions.raqqa.oilCapacityBblPerDay | -5 | regions[0].oilCapacityBblPerDay | must be >= 0, was -5",
        "regions.raqqa.defensibility | 0 | regions[0].defensibility | must be > 0, was 0",
        "regions.mosul.forces.iraqi-forces | -3 | regions[1].forces.iraqi-forces | must be >= 0, was -3",
        "sources.tunisia.atRiskPool | -1 | sources[0].atRiskPool | must be >= 0, was -1",
        "sources.tunisia.annualPropensity | -0.5 | sources[0].annualPropensity | must be >= 0, was -0.5",
        "factions.islamic-state.parameters.effectiveness | -1 | factions[0].parameters.effectiveness"
            + " | must be >= 0, was -1",
        "processes.intake.servers | 0 | processes.intake.servers | must be >= 1, was 0",
        "processes.combat.stepDays | 0 | processes.combat.stepDays | must be > 0, was 0",
        "processes.momentum.memoryDays | -1 | processes.momentum.memoryDays | must be > 0, was -1",
        "processes.momentum.perceptionDays | -1 | processes.momentum.perceptionDays | must be >= 0, was -1",
        "processes.momentum.minimum | 0 | processes.momentum.minimum | must be > 0, was 0",
        "processes.momentum.minimum | 1.5 | processes.momentum.minimum | must be <= 1 (momentum 1 is neutral), was 1.5",
        "processes.momentum.maximum | 0.9 | processes.momentum.maximum | must be >= 1 (momentum 1 is neutral), was 0.9",
        "corridors.tal-abyad.weight | 0 | corridors[0].weight | must be > 0, was 0",
        "processes.economy.oilPriceUsdPerBbl | -20 | processes.economy.oilPriceUsdPerBbl | must be >= 0, was -20",
        "processes.economy.warUsdPerFighterLost | -1 | processes.economy.warUsdPerFighterLost | must be >= 0, was -1",
        "processes.economy.oilDecayPerYear | 400 | processes.economy.oilDecayPerYear | must be <= 365 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was 400",
        "processes.attrition.desertionUnpaidMultiplier | 0.5 | processes.attrition.desertionUnpaidMultiplier"
            + " | must be >= 1, was 0.5",
        "processes.combat.engagedShare | 0 | processes.combat.engagedShare | must be in (0, 1], was 0",
        "processes.combat.engagedShare | 1.01 | processes.combat.engagedShare | must be in (0, 1], was 1.01",
        "interventions.mosul-offensive.intensity | -1 | interventions[0].intensity | must be >= 0, was -1",
      })
  void outOfRangeNumbersAreReported(
      String setPath, double value, String problemPath, String message) {
    assertOnlyExactly(BASE.with(setPath, value), problemPath, message);
  }

  @ParameterizedTest
  @CsvSource({
    "corridors.tal-abyad.departureScreening, corridors[0].departureScreening",
    "corridors.tal-abyad.interdiction, corridors[0].interdiction",
    "sources.tunisia.intelligenceEffectiveness, sources[0].intelligenceEffectiveness",
    "processes.localRecruitment.payDependence, processes.localRecruitment.payDependence",
    "processes.economy.oilOutputShare, processes.economy.oilOutputShare",
    "processes.economy.cashLossOnFall, processes.economy.cashLossOnFall",
    "processes.economy.displacementOnCapture, processes.economy.displacementOnCapture",
    "processes.attrition.foreignReturnShare, processes.attrition.foreignReturnShare",
    "processes.attrition.returneeArrestProbability, processes.attrition.returneeArrestProbability",
  })
  void probabilitiesMustLieInTheUnitInterval(String setPath, String problemPath) {
    assertOnlyExactly(BASE.with(setPath, 1.2), problemPath, "must be in [0, 1], was 1.2");
    assertOnlyExactly(BASE.with(setPath, -0.1), problemPath, "must be in [0, 1], was -0.1");
    assertThat(BASE.with(setPath, 0.0).validate()).isEmpty();
    assertThat(BASE.with(setPath, 1.0).validate()).isEmpty();
  }

  @Test
  void theOilPriceSeriesMustRunForwardInTimeWithPricesInBounds() {
    EconomyParameters base = BASE.processes().get(EconomyParameters.class);
    EconomyParameters series =
        base.toBuilder()
            .oilPrice(
                List.of(
                    new EconomyParameters.OilPrice(LocalDate.of(2015, 6, 1), 40),
                    new EconomyParameters.OilPrice(LocalDate.of(2015, 1, 1), -3)))
            .build();
    assertThat(BASE.with("processes.economy", series).validate())
        .containsExactly(
            new Problem(
                "processes.economy.oilPrice[1].from",
                "dates must be strictly increasing, was 2015-01-01 after 2015-06-01"),
            new Problem("processes.economy.oilPrice[1].usdPerBbl", "must be >= 0, was -3"));
    EconomyParameters valid =
        EconomyParameters.builder()
            .taxUsdPerCapitaPerDay(0)
            .oilPriceUsdPerBbl(30)
            .oilOutputShare(0.5)
            .otherUsdPerDay(0)
            .payUsdPerFighterPerDay(0)
            .administrationUsdPerCapitaPerDay(0)
            .initialTreasuryUsd(0)
            .oilPrice(
                List.of(
                    new EconomyParameters.OilPrice(LocalDate.of(2015, 1, 1), 40),
                    new EconomyParameters.OilPrice(LocalDate.of(2015, 6, 1), 20)))
            .build();
    assertThat(valid.oilPriceOn(LocalDate.of(2014, 12, 31))).isEqualTo(30);
    assertThat(valid.oilPriceOn(LocalDate.of(2015, 1, 1))).isEqualTo(40);
    assertThat(valid.oilPriceOn(LocalDate.of(2015, 5, 31))).isEqualTo(40);
    assertThat(valid.oilPriceOn(LocalDate.of(2016, 1, 1))).isEqualTo(20);
    assertThat(BASE.with("processes.economy", valid).validate()).isEmpty();
  }

  @Test
  void intelligenceServersNameKnownSourcesAndAreAtLeastOne() {
    ExternalOperationsParameters base = BASE.processes().get(ExternalOperationsParameters.class);
    ExternalOperationsParameters servers =
        base.toBuilder().intelligenceServers(Map.of("tunsia", 3)).build();
    assertThat(BASE.with("processes.externalOperations", servers).validate())
        .containsExactly(
            new Problem(
                "processes.externalOperations.intelligenceServers.tunsia",
                "unknown source \"tunsia\" (did you mean \"tunisia\"?)"));
    ExternalOperationsParameters zero =
        base.toBuilder().intelligenceServers(Map.of("tunisia", 0)).build();
    assertThat(BASE.with("processes.externalOperations", zero).validate())
        .containsExactly(
            new Problem(
                "processes.externalOperations.intelligenceServers.tunisia",
                "must be in [1, 10000000], was 0"));
  }

  @Test
  void trainingPlacesAndCellSizeAreBounded() {
    ExternalOperationsParameters bad =
        ExternalOperationsParameters.builder()
            .trainingPlaces(0)
            .cellSize(new DistributionSpec.Fixed(500))
            .build();
    assertThat(BASE.with("processes.externalOperations", bad).validate())
        .containsExactly(
            new Problem(
                "processes.externalOperations.trainingPlaces", "must be in [1, 10000000], was 0"),
            new Problem(
                "processes.externalOperations.cellSize",
                "mean must be <= 100 (cells are small groups), was 500"));
    assertThat(bad.territorialShiftSensitivity()).isZero();
    assertThat(bad.borderClosureStopsOperatives()).isFalse();
  }

  @Test
  void inspiredAndRemoteGuidedFieldsAreBoundedAndDefaulted() {
    ExternalOperationsParameters base = BASE.processes().get(ExternalOperationsParameters.class);
    ExternalOperationsParameters bad =
        ExternalOperationsParameters.builder()
            .frustratedWeight(-1.0)
            .returneeWeight(2000.0)
            .callGain(Double.NaN)
            .handlers(-1)
            .guidedPlotsPerHandlerPerYear(2e6)
            .attackFailure(1.5)
            .build();
    assertThat(BASE.with("processes.externalOperations", bad).validate())
        .containsExactly(
            new Problem("processes.externalOperations.frustratedWeight", "must be >= 0, was -1"),
            new Problem(
                "processes.externalOperations.returneeWeight",
                "must be <= 1000 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was"
                    + " 2000"),
            new Problem(
                "processes.externalOperations.callGain", "must be a finite number, was NaN"),
            new Problem(
                "processes.externalOperations.handlers", "must be in [0, 10000000], was -1"),
            new Problem(
                "processes.externalOperations.guidedPlotsPerHandlerPerYear",
                "must be <= 1000000 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was"
                    + " 2000000"),
            new Problem(
                "processes.externalOperations.attackFailure", "must be in [0, 1], was 1.5"));
    // omitted: the defaults, which leave older files as they were
    assertThat(bad.inspiredMomentumSensitivity()).isZero();
    assertThat(bad.inspiredPlotDays()).isEqualTo(base.plotDays());
  }

  private static ExternalOperationsParameters selection(
      double selectionPerYear,
      Map<String, List<String>> languages,
      List<ExternalOperationsParameters.ExitRoute> routes,
      double reachDecayPerYear,
      double reachUsedPerPlot) {
    return ExternalOperationsParameters.builder()
        .selectionPerYear(selectionPerYear)
        .languages(languages)
        .exitRoutes(routes)
        .reachDecayPerYear(reachDecayPerYear)
        .reachUsedPerPlot(reachUsedPerPlot)
        .build();
  }

  private static ExternalOperationsParameters.ExitRoute route(
      String id,
      List<String> destinations,
      List<String> via,
      java.time.LocalDate opens,
      java.time.LocalDate closes,
      double interdiction,
      double weight) {
    return new ExternalOperationsParameters.ExitRoute(
        id,
        destinations,
        via,
        opens,
        closes,
        new org.polemos.model.distribution.DistributionSpec.Fixed(10),
        interdiction,
        weight);
  }

  /** Issue 14 steps 1-2 and the depleting reach: every new field's bounds and references. */
  @Test
  void selectionLanguagesExitRoutesAndReachAreBoundedAndReferToKnownIds() {
    java.time.LocalDate opens = java.time.LocalDate.of(2015, 7, 1);
    assertThat(
            BASE.with(
                    "processes.externalOperations",
                    selection(
                        400,
                        Map.of("tunsia", List.of("french")),
                        List.of(
                            route(
                                "tal-abyad",
                                List.of("frnace"),
                                List.of("tal-abyd"),
                                opens,
                                java.time.LocalDate.of(2015, 6, 1),
                                1.5,
                                -1)),
                        -0.1,
                        2000))
                .validate())
        .containsExactly(
            new Problem(
                "processes.externalOperations.selectionPerYear",
                "must be <= 365 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was 400"),
            new Problem("processes.externalOperations.reachDecayPerYear", "must be >= 0, was -0.1"),
            new Problem(
                "processes.externalOperations.reachUsedPerPlot",
                "must be <= 1000 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was 2000"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].closes",
                "must be after opens (2015-07-01), was 2015-06-01"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].interdiction",
                "must be in [0, 1], was 1.5"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].weight", "must be >= 0, was -1"),
            new Problem(
                "processes.externalOperations.languages.tunsia",
                "unknown source \"tunsia\" (did you mean \"tunisia\"?)"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].id",
                "\"tal-abyad\" is already a corridor id (exit routes and corridors share the keys of"
                    + " cells_departed_cumulative)"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].destinations[0]",
                "unknown source \"frnace\""),
            new Problem(
                "processes.externalOperations.exitRoutes[0].via[0]",
                "unknown corridor \"tal-abyd\" (did you mean \"tal-abyad\"?)"));
    // empty lists, a missing date, a duplicate id
    ExternalOperationsParameters.ExitRoute empty =
        route("aegean", List.of(), List.of(), null, null, 0, 1);
    assertThat(
            BASE.with(
                    "processes.externalOperations",
                    selection(0, Map.of("tunisia", List.of()), List.of(empty, empty), 0, 0))
                .validate())
        .containsExactly(
            new Problem(
                "processes.externalOperations.languages.tunisia",
                "must list at least one language"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].destinations",
                "must list at least one source"),
            new Problem(
                "processes.externalOperations.exitRoutes[0].via",
                "must list at least one corridor"),
            new Problem("processes.externalOperations.exitRoutes[0].opens", "is required"),
            new Problem(
                "processes.externalOperations.exitRoutes[1].id",
                "duplicate exit route id 'aegean'"),
            new Problem(
                "processes.externalOperations.exitRoutes[1].destinations",
                "must list at least one source"),
            new Problem(
                "processes.externalOperations.exitRoutes[1].via",
                "must list at least one corridor"),
            new Problem("processes.externalOperations.exitRoutes[1].opens", "is required"));
    // valid, and the defaults switch everything off
    ExternalOperationsParameters ok =
        selection(
            0.05,
            Map.of("tunisia", List.of("french")),
            List.of(
                route(
                    "aegean",
                    List.of("tunisia"),
                    List.of("tal-abyad"),
                    opens,
                    java.time.LocalDate.of(2016, 3, 20),
                    0.05,
                    1)),
            0.5,
            10);
    assertThat(BASE.with("processes.externalOperations", ok).validate()).isEmpty();
    ExternalOperationsParameters defaults = selection(0, null, null, 0, 0);
    assertThat(defaults.languages()).isEmpty();
    assertThat(defaults.exitRoutes()).isEmpty();
    ExternalOperationsParameters omitted =
        ExternalOperationsParameters.builder()
            .trainingDays(ok.trainingDays())
            .plotDays(ok.plotDays())
            .inspiredAttacksPerYear(1.0)
            .build();
    assertThat(omitted.selectionPerYear()).isZero();
    assertThat(omitted.reachDecayPerYear()).isZero();
    assertThat(omitted.reachUsedPerPlot()).isZero();
  }

  @Test
  void roleSharesMustEachBeFractionsAndSumToOne() {
    assertOnlyExactly(
        BASE.with("processes.intake.roles", new RoleShares(0.7, 0.2, 0.05)),
        "processes.intake.roles",
        "shares must sum to 1, sum was 0.95");
    assertThat(BASE.with("processes.intake.roles", new RoleShares(1.2, -0.2, 0)).validate())
        .containsExactly(
            new Problem("processes.intake.roles.fighter", "must be in [0, 1], was 1.2"),
            new Problem("processes.intake.roles.support", "must be in [0, 1], was -0.2"));
    assertThat(BASE.with("processes.intake.roles", new RoleShares(0.1, 0.2, 0.7)).validate())
        .isEmpty();
  }

  @Test
  void interventionIntensityIsAFractionOnlyForFractionKinds() {
    Scenario border =
        Fixtures.baseBuilder()
            .intervention(
                Intervention.builder("close-border", InterventionKind.BORDER_CLOSURE)
                    .targets("tal-abyad")
                    .dates(LocalDate.of(2015, 6, 1), LocalDate.of(2017, 12, 31))
                    .intensity(1.5))
            .buildUnchecked();
    assertOnlyExactly(border, "interventions[1].intensity", "must be in [0, 1], was 1.5");
    assertThat(BASE.with("interventions.mosul-offensive.intensity", 1.5e5).validate()).isEmpty();
  }

  @Test
  void nonFiniteNumbersAreReported() {
    assertOnlyExactly(
        BASE.with("regions.raqqa.areaKm2", Double.NaN),
        "regions[0].areaKm2",
        "must be a finite number, was NaN");
    assertOnlyExactly(
        BASE.with("processes.economy.otherUsdPerDay", Double.POSITIVE_INFINITY),
        "processes.economy.otherUsdPerDay",
        "must be a finite number, was Infinity");
    assertOnlyExactly(
        BASE.with("sources.tunisia.momentumSensitivity", Double.NaN),
        "sources[0].momentumSensitivity",
        "must be a finite number, was NaN");
    assertOnlyExactly(
        BASE.with("processes.momentum.perceptionDays", Double.POSITIVE_INFINITY),
        "processes.momentum.perceptionDays",
        "must be a finite number, was Infinity");
  }

  // ---------------------------------------------------------------------------------------- dates

  @Test
  void theCalendarMustNotEndBeforeItStarts() {
    Scenario scenario = BASE.with("calendar.end", "2013-12-31");
    assertThat(scenario.validate())
        .first()
        .isEqualTo(
            new Problem(
                "calendar.end", "must not be before calendar.start (2014-01-01), was 2013-12-31"));
  }

  @Test
  void interventionsMustLieInsideTheHorizon() {
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.end", "2018-03-01"),
        "interventions[0].end",
        "must be within the calendar, 2014-01-01 to 2017-12-31, was 2018-03-01");
    assertOnly(
        BASE.with("interventions.mosul-offensive.start", "2013-03-01"),
        "interventions[0].start",
        "must be within the calendar");
  }

  @Test
  void interventionsMustNotEndBeforeTheyStart() {
    assertOnlyExactly(
        BASE.with("interventions.mosul-offensive.end", "2016-10-16"),
        "interventions[0].end",
        "must not be before start (2016-10-17), was 2016-10-16");
  }

  // -------------------------------------------------------------------------------- distributions

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fixed | serviceDays.value | must be >= 0, was -1",
        "exponential | serviceDays.mean | must be > 0, was 0",
        "lognormal-sigma | serviceDays.sigma | must be > 0, was 0",
        "lognormal-mu | serviceDays.mu | must be a finite number, was NaN",
        "gamma-shape | serviceDays.shape | must be > 0, was -1",
        "gamma-scale | serviceDays.scale | must be > 0, was 0",
        "uniform-min | serviceDays.min | must be >= 0, was -1",
        "uniform-order | serviceDays.max | must be >= min (3), was 2",
        "triangular-mode | serviceDays.mode | must be in [min, max] = [1, 3], was 4",
        "triangular-degenerate | serviceDays.max | must be > min (2), was 2",
        "empirical-empty | serviceDays.values | must not be empty",
        "empirical-lengths | serviceDays.weights | must have as many entries as values (2), had 1",
        "empirical-negative-weight | serviceDays.weights[1] | must be >= 0, was -1",
        "empirical-zero-weights | serviceDays.weights | must not all be zero",
        "empirical-negative-value | serviceDays.values[0] | must be >= 0, was -2",
      })
  void invalidDistributionParametersAreReported(String name, String path, String message) {
    DistributionSpec spec =
        switch (name) {
          case "fixed" -> new DistributionSpec.Fixed(-1);
          case "exponential" -> new DistributionSpec.Exponential(0);
          case "lognormal-sigma" -> new DistributionSpec.LogNormal(1, 0);
          case "lognormal-mu" -> new DistributionSpec.LogNormal(Double.NaN, 1);
          case "gamma-shape" -> new DistributionSpec.Gamma(-1, 1);
          case "gamma-scale" -> new DistributionSpec.Gamma(2, 0);
          case "uniform-min" -> new DistributionSpec.Uniform(-1, 2);
          case "uniform-order" -> new DistributionSpec.Uniform(3, 2);
          case "triangular-mode" -> new DistributionSpec.Triangular(1, 4, 3);
          case "triangular-degenerate" -> new DistributionSpec.Triangular(2, 2, 2);
          case "empirical-empty" -> new DistributionSpec.Empirical(List.of(), List.of());
          case "empirical-lengths" ->
              new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0));
          case "empirical-negative-weight" ->
              new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(1.0, -1.0));
          case "empirical-zero-weights" ->
              new DistributionSpec.Empirical(List.of(1.0, 2.0), List.of(0.0, 0.0));
          case "empirical-negative-value" ->
              new DistributionSpec.Empirical(List.of(-2.0, 2.0), List.of(1.0, 1.0));
          default -> throw new IllegalArgumentException(name);
        };
    assertOnlyExactly(
        BASE.with("processes.intake.serviceDays", spec), "processes.intake." + path, message);
  }

  @Test
  void validDistributionsOfEveryTypePass() {
    List<DistributionSpec> specs =
        List.of(
            new DistributionSpec.Fixed(0),
            new DistributionSpec.Exponential(3),
            new DistributionSpec.LogNormal(-1, 0.1),
            new DistributionSpec.Gamma(2, 3),
            new DistributionSpec.Uniform(0, 0),
            new DistributionSpec.Triangular(0, 0, 1),
            new DistributionSpec.Empirical(List.of(0.0, 5.0), List.of(0.0, 2.0)));
    for (DistributionSpec spec : specs) {
      assertThat(BASE.with("processes.intake.serviceDays", spec).validate())
          .as(spec.toString())
          .isEmpty();
    }
  }

  // -------------------------------------------------------------------------------- recruitment

  @Test
  void theCompartmentalModelNeedsItsParameters() {
    Scenario scenario =
        BASE.with(
            "processes.recruitment",
            new RecruitmentParameters(RecruitmentModel.COMPARTMENTAL, null, null));
    assertOnlyExactly(
        scenario, "processes.recruitment.compartmental", "is required when model is compartmental");
    Scenario complete =
        BASE.with(
            "processes.recruitment",
            new RecruitmentParameters(
                RecruitmentModel.COMPARTMENTAL,
                new CompartmentalParameters(0.5, 0.2, 0.1, 1e-4),
                null));
    assertThat(complete.validate()).isEmpty();
    assertOnlyExactly(
        complete.with("processes.recruitment.compartmental.initialRadicalisedShare", 2),
        "processes.recruitment.compartmental.initialRadicalisedShare",
        "must be in [0, 1], was 2");
  }

  @Test
  void theBassModelNeedsItsParametersWithinBounds() {
    Scenario scenario =
        BASE.with(
            "processes.recruitment", new RecruitmentParameters(RecruitmentModel.BASS, null, null));
    assertOnlyExactly(scenario, "processes.recruitment.bass", "is required when model is bass");
    Scenario complete =
        BASE.with(
            "processes.recruitment",
            new RecruitmentParameters(RecruitmentModel.BASS, null, new BassParameters(0.8, 0.1)));
    assertThat(complete.validate()).isEmpty();
    assertOnlyExactly(
        complete.with("processes.recruitment.bass.initialAdoptedShare", 1),
        "processes.recruitment.bass.initialAdoptedShare",
        "must be < 1, was 1");
    assertOnlyExactly(
        complete.with("processes.recruitment.bass.imitationPerYear", -0.5),
        "processes.recruitment.bass.imitationPerYear",
        "must be >= 0, was -0.5");
    assertOnly(
        complete.with("processes.recruitment.bass.imitationPerYear", 1000),
        "processes.recruitment.bass.imitationPerYear",
        "must be <= 365");
    // the omitted F(0) defaults to 0, so files without it load
    assertThat(new BassParameters(0.8, null).initialAdoptedShare()).isZero();
  }

  @Test
  void theBorderStripNamesCorridorsAndNeverClosesInOneStep() {
    Scenario strip =
        BASE.with(
            "processes.transit",
            new TransitParameters(Map.of("tal-abyad", 100.0), 14.0, 0.02, 0.1));
    assertThat(strip.validate()).isEmpty();
    assertOnlyExactly(
        BASE.with(
            "processes.transit",
            new TransitParameters(Map.of("tal-abyd", 100.0), null, null, null)),
        "processes.transit.capacityPerDay.tal-abyd",
        "unknown corridor \"tal-abyd\" (did you mean \"tal-abyad\"?)");
    assertOnly(
        strip.with("processes.transit.closureDays", 0),
        "processes.transit.closureDays",
        "never stops the flow in one step");
    assertOnlyExactly(
        strip.with("processes.transit.capacityPerDay.tal-abyad", -1),
        "processes.transit.capacityPerDay.tal-abyad",
        "must be >= 0, was -1");
    assertOnlyExactly(
        strip.with("processes.transit.giveUpPerDay", 1.5),
        "processes.transit.giveUpPerDay",
        "must be in [0, 1], was 1.5");
  }

  @Test
  void theMessageRampsAndItsSharesAreFractions() {
    Scenario message =
        BASE.with(
            "processes.message",
            new MessageParameters(java.time.LocalDate.of(2016, 5, 21), 0.4, 90.0, 0.8, 0.5));
    assertThat(message.validate()).isEmpty();
    assertOnly(
        message.with("processes.message.rampDays", 0),
        "processes.message.rampDays",
        "never changes in one step");
    assertOnlyExactly(
        message.with("processes.message.stayCall", 1.5),
        "processes.message.stayCall",
        "must be in [0, 1], was 1.5");
    assertOnlyExactly(
        message.with("processes.message.lossTrigger", -0.1),
        "processes.message.lossTrigger",
        "must be in [0, 1], was -0.1");
  }

  @Test
  void theFamiliesSharesAreBoundedAndNameSources() {
    Scenario families =
        BASE.with(
            "processes.families",
            new FamiliesParameters(
                0.1, 0.05, Map.of("tunisia", new FamilyShares(0.2, 0.1)), 0.01, 2.0, 0.5, 0.3));
    assertThat(families.validate()).isEmpty();
    // omitted everywhere: no women or minors, so older files load
    assertThat(FamiliesParameters.none().shares("tunisia")).isEqualTo(new FamilyShares(0, 0));
    assertOnlyExactly(
        families.with("processes.families.womenShare", 1.2),
        "processes.families.womenShare",
        "must be in [0, 1], was 1.2");
    assertOnlyExactly(
        families.with("processes.families.minorsShare", -0.1),
        "processes.families.minorsShare",
        "must be in [0, 1], was -0.1");
    assertOnlyExactly(
        families.with("processes.families.womenShare", 0.9),
        "processes.families.minorsShare",
        "womenShare + minorsShare must be at most 0.9 (at least one traveller in ten is a man),"
            + " was 0.9 + 0.05");
    assertOnlyExactly(
        families.with("processes.families.bySource.tunisia.minorsShare", 0.8),
        "processes.families.bySource.tunisia",
        "womenShare + minorsShare must be at most 0.9 (at least one traveller in ten is a man),"
            + " was 0.2 + 0.8");
    assertOnlyExactly(
        families.with("processes.families.bySource.tunisia.womenShare", Double.NaN),
        "processes.families.bySource.tunisia.womenShare",
        "must be a finite number, was NaN");
    assertOnlyExactly(
        BASE.with(
            "processes.families",
            new FamiliesParameters(
                null, null, Map.of("tunisa", new FamilyShares(0.2, 0.1)), null, null, null, null)),
        "processes.families.bySource.tunisa",
        "unknown source \"tunisa\" (did you mean \"tunisia\"?)");
    assertOnlyExactly(
        families.with("processes.families.deathsPerYear", 400),
        "processes.families.deathsPerYear",
        "must be <= 365 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was 400");
    assertOnlyExactly(
        families.with("processes.families.warExposure", 101),
        "processes.families.warExposure",
        "must be <= 100 (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was 101");
    assertOnlyExactly(
        families.with("processes.families.detainedOnCapture", 1.5),
        "processes.families.detainedOnCapture",
        "must be in [0, 1], was 1.5");
    assertOnlyExactly(
        families.with("processes.families.returnPerYear", -1),
        "processes.families.returnPerYear",
        "must be >= 0, was -1");
  }

  /**
   * The organisation's grip on its foreigners (issue 13, items 5, 6, 8): the foreign stock at the
   * start, exit control, per-source return and arrest, detention on capture, support staff deaths;
   * each bad value gives one problem at its path.
   */
  @Test
  void theGripOnForeignersIsBoundedAndItsSourcesResolve() {
    Scenario grip =
        BASE.with("sources.tunisia.fightersAtStart", 500)
            .with(
                "processes.attrition",
                AttritionParameters.builder()
                    .exitStopBase(0.2)
                    .exitStopLossSensitivity(0.6)
                    .exitStoppedKilledShare(0.2)
                    .returnShareBySource(Map.of("tunisia", 0.8))
                    .returneeArrestBySource(Map.of("tunisia", 0.6))
                    .supportDeathRatio(0.25)
                    .build())
            .with("processes.territory.foreignDetainedOnCapture", 0.1);
    assertThat(grip.validate()).isEmpty();
    assertOnlyExactly(
        grip.with("sources.tunisia.fightersAtStart", -1),
        "sources[0].fightersAtStart",
        "must be >= 0, was -1");
    assertOnly(
        grip.with("sources.tunisia.fightersAtStart", 3_000_000),
        "sources[0].fightersAtStart",
        "must be <= 2000000");
    assertOnly(
        grip.with("regions.raqqa.controller", "iraqi-forces")
            .with("regions.mosul.controller", "iraqi-forces"),
        "sources[0].fightersAtStart",
        "the organisation holds no region or locality at the start");
    for (String field :
        List.of("exitStopBase", "exitStopLossSensitivity", "exitStoppedKilledShare")) {
      assertOnlyExactly(
          grip.with("processes.attrition." + field, 1.5),
          "processes.attrition." + field,
          "must be in [0, 1], was 1.5");
    }
    assertOnlyExactly(
        grip.with("processes.attrition.returnShareBySource.tunisia", -0.1),
        "processes.attrition.returnShareBySource.tunisia",
        "must be in [0, 1], was -0.1");
    assertOnlyExactly(
        grip.with("processes.attrition.returneeArrestBySource.tunisia", 2),
        "processes.attrition.returneeArrestBySource.tunisia",
        "must be in [0, 1], was 2");
    assertOnlyExactly(
        grip.with("processes.attrition.returnShareBySource", Map.of("tunsia", 0.5)),
        "processes.attrition.returnShareBySource.tunsia",
        "unknown source \"tunsia\" (did you mean \"tunisia\"?)");
    assertOnlyExactly(
        grip.with("processes.attrition.returneeArrestBySource", Map.of("tunsia", 0.5)),
        "processes.attrition.returneeArrestBySource.tunsia",
        "unknown source \"tunsia\" (did you mean \"tunisia\"?)");
    assertOnly(
        grip.with("processes.attrition.supportDeathRatio", 101),
        "processes.attrition.supportDeathRatio",
        "must be <= 100");
    assertOnlyExactly(
        grip.with("processes.attrition.supportDeathRatio", -1),
        "processes.attrition.supportDeathRatio",
        "must be >= 0, was -1");
    assertOnlyExactly(
        grip.with("processes.territory.foreignDetainedOnCapture", 1.5),
        "processes.territory.foreignDetainedOnCapture",
        "must be in [0, 1], was 1.5");
  }

  // ------------------------------------------------------------------------------------- coverage

  @Test
  void everySourceMustBeServedByACorridor() {
    Scenario scenario =
        Fixtures.baseBuilder()
            .source(
                Source.builder("france")
                    .atRiskPool(10_000)
                    .annualPropensity(0.01)
                    .languageGroup("french")
                    .intelligenceEffectiveness(0.6))
            .buildUnchecked();
    assertOnlyExactly(
        scenario,
        "sources[1]",
        "no corridor serves source \"france\", so its departures can never" + " arrive");
  }

  @Test
  void countriesAreIsoAlpha2Codes() {
    assertOnly(
        BASE.with("regions.raqqa.country", "Syria"),
        "regions[0].country",
        "must be an ISO 3166-1 alpha-2 code");
  }

  // ------------------------------------------------------------------------------------- many at
  // once

  @Test
  void everyProblemIsReportedInDocumentOrder() {
    Scenario broken =
        BASE.with("processes.intake.servers", 0)
            .with("corridors.tal-abyad.interdiction", 1.2)
            .with("regions.baghdad.neighbours", List.of())
            .with("interventions.mosul-offensive.faction", "isis")
            .with("calendar.end", "2013-01-01");
    List<Problem> problems = broken.validate();
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "calendar.end",
            "regions[2].neighbours",
            "corridors[0].interdiction",
            "interventions[0].faction",
            "processes.intake.servers");
    assertThat(problems.get(3).message())
        .isEqualTo("unknown faction \"isis\" (did you mean \"islamic-state\"?)");
  }
}
