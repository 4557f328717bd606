package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.model.validation.ScenarioValidator;

/**
 * Type errors, unknown and missing fields, codes, dates and distributions: all reported at once,
 * located.
 */
class ScenarioReaderBindingTest {

  private final ScenarioReader reader = new ScenarioReader();

  private static String minimal() {
    return BundledScenarios.source("minimal");
  }

  private List<String> errors(String name, String text) {
    ScenarioFileException e =
        catchThrowableOfType(
            ScenarioFileException.class, () -> reader.read(name, text.getBytes(UTF_8)));
    assertThat(e).as("reading %s must fail", name).isNotNull();
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void misspeltFieldGetsDidYouMean() {
    String text = minimal().replace("areaKm2: 19600 ", "areaKm: 19600  ");
    assertThat(errors("typo.yaml", text))
        .containsExactly(
            "typo.yaml:41:5 regions[0].areaKm: unknown field \"areaKm\" (did you mean \"areaKm2\"?)");
  }

  @Test
  void unknownFieldWithoutCloseMatchListsTheFields() {
    String text = minimal().replace("  outputStep: monthly", "  timezone: UTC");
    assertThat(errors("unknown.yaml", text))
        .containsExactly(
            "unknown.yaml:14:3 calendar.timezone: unknown field "
                + "\"timezone\"; expected one of: start, end, outputStep");
  }

  @Test
  void fourDistinctProblemsAreReportedAtOnce() {
    String text =
        minimal()
            .replace("  start: 2014-06-10", "  start: 10/06/2014") // line 12: bad date
            .replace("kind: state", "kind: nonstate") // line 29: bad enum code
            .replace("population: 900000 ", "population: lots   ") // line 40: type error
            .replace("type: lognormal", "type: lognorml"); // line 87: unknown distribution
    assertThat(errors("four.yaml", text))
        .containsExactly(
            "four.yaml:12:10 calendar.start: not a valid date: \"10/06/2014\"; expected YYYY-MM-DD, e.g. 2014-06-10",
            "four.yaml:29:11 factions[1].kind: unknown value \"nonstate\"; expected one of: organisation, state, "
                + "non-state, coalition (did you mean \"non-state\"?)",
            "four.yaml:40:17 regions[0].population: expected a whole number, found string \"lots\"",
            "four.yaml:87:30 corridors[0].transitDelayDays.type: unknown distribution type \"lognorml\"; expected one "
                + "of: fixed, exponential, lognormal, gamma, uniform, triangular, empirical (did you mean \"lognormal\"?)");
  }

  @Test
  void missingRequiredFieldIsReportedAtTheEnclosingObject() {
    String text = minimal().replace("    hub: Gaziantep\n", "");
    assertThat(errors("nohub.yaml", text))
        .containsExactly("nohub.yaml:82:5 corridors[0]: missing required field \"hub\"");
  }

  @Test
  void omittableFieldsMayBeLeftOut() {
    String text =
        minimal()
            .replace(
                "    weight: 1.0                       # relative preference among open "
                    + "corridors of the same source\n",
                "")
            .replace("  outputStep: monthly ", "  ");
    Scenario scenario = reader.read("short.yaml", text.getBytes(UTF_8));
    assertThat(scenario.corridors().get(0).weight()).isEqualTo(1.0);
    assertThat(scenario.calendar().outputStep()).isEqualTo(org.polemos.model.OutputStep.MONTHLY);
  }

  @Test
  void typeErrorsNameWhatWasFound() {
    String text =
        minimal()
            .replace("seed: 20140610 ", "seed: 2.5      ")
            .replace("neighbours: [tal-abyad, hasakah]", "neighbours: tal-abyad")
            .replace("\n  end: 2015-06-09 ", "\n  end: 2015-02-29 ")
            .replace("      islamic-state: 8000 ", "      islamic-state: 8e99 ")
            .replace("    interdiction: 0.1 ", "    interdiction: 1.0e+999");
    assertThat(errors("types.yaml", text))
        .containsExactly(
            "types.yaml:13:8 calendar.end: no such date: \"2015-02-29\"",
            "types.yaml:15:7 seed: expected a whole number, found number 2.5",
            "types.yaml:44:17 regions[0].neighbours: expected a list, found string \"tal-abyad\"",
            "types.yaml:47:22 regions[0].forces.islamic-state: number 8e99 is out of range; expected a whole number "
                + "from -2147483648 to 2147483647",
            "types.yaml:89:19 corridors[0].interdiction: expected a finite number, found 1.0e+999");
  }

  @Test
  void distributionProblems() {
    String text =
        minimal()
            .replace("{type: gamma, shape: 4, scale: 5}", "{shape: 4, scale: 5}")
            .replace("{type: exponential, mean: 60}", "{type: exponential, mean: 60, sd: 3}");
    assertThat(errors("dist.yaml", text))
        .containsExactly(
            "dist.yaml:111:18 processes.intake.serviceDays: missing required field \"type\"; expected one of: fixed, "
                + "exponential, lognormal, gamma, uniform, triangular, empirical",
            "dist.yaml:148:45 processes.externalOperations.plotDays.sd: unknown field \"sd\"; expected one of: type, "
                + "mean");
  }

  /** Issue 14: the new externalOperations fields give located one-line errors. */
  @Test
  void selectionAndExitRouteProblemsAreLocated() {
    String last =
        "    inspiredMomentumSensitivity: 0.5  # no longer used (issue 14); accepted so that older"
            + " files load\n";
    String text =
        minimal()
            .replace(
                last,
                last
                    + "    selectionPerYear: 400\n"
                    + "    languages: {tunsia: [french]}\n"
                    + "    exitRoutes:\n"
                    + "      - id: aegean\n"
                    + "        destinations: [tunisia]\n"
                    + "        via: [tal-abyad]\n"
                    + "        opens: 2015-07-01\n"
                    + "        closes: 2015-06-01\n"
                    + "        transitDelayDays: {type: fixed, value: 10}\n"
                    + "        interdiction: 1.5\n"
                    + "        weight: 1\n");
    assertThat(text).contains("exitRoutes");
    assertThat(errors("routes.yaml", text))
        .containsExactly(
            "routes.yaml:151:23 processes.externalOperations.selectionPerYear: must be <= 365 (a bound"
                + " that keeps runs finite, docs/SCENARIO-FORMAT.md), was 400",
            "routes.yaml:158:17 processes.externalOperations.exitRoutes[0].closes: must be after"
                + " opens (2015-07-01), was 2015-06-01",
            "routes.yaml:160:23 processes.externalOperations.exitRoutes[0].interdiction: must be in"
                + " [0, 1], was 1.5",
            "routes.yaml:152:17 processes.externalOperations.languages.tunsia: unknown source"
                + " \"tunsia\" (did you mean \"tunisia\"?)");
  }

  /**
   * Issue 14: the branch's capacity basis is written by code; an unknown one is a located one-line
   * error naming the codes accepted, and a known one binds (older files, without it, get fixed).
   */
  @Test
  void capacityFollowsIsBoundByCodeWithLocatedErrors() {
    String last =
        "    inspiredMomentumSensitivity: 0.5  # no longer used (issue 14); accepted so that older"
            + " files load\n";
    assertThat(minimal()).contains(last);
    assertThat(errors("cap.yaml", minimal().replace(last, last + "    capacityFollows: terrain\n")))
        .containsExactly(
            "cap.yaml:151:22 processes.externalOperations.capacityFollows: unknown value"
                + " \"terrain\"; expected one of: fixed, population, area");
    assertThat(
            reader
                .read(
                    "cap.yaml",
                    minimal()
                        .replace(last, last + "    capacityFollows: population\n")
                        .getBytes(UTF_8))
                .processes()
                .get(org.polemos.model.process.ExternalOperationsParameters.class)
                .capacityFollows())
        .isEqualTo(org.polemos.model.process.ExternalOperationsParameters.CapacityBasis.POPULATION);
    assertThat(
            BundledScenarios.load("minimal")
                .processes()
                .get(org.polemos.model.process.ExternalOperationsParameters.class)
                .capacityFollows())
        .isEqualTo(org.polemos.model.process.ExternalOperationsParameters.CapacityBasis.FIXED);
  }

  @Test
  void jsonProblemsAreLocatedToo() {
    String json =
        new ScenarioWriter()
            .toJson(BundledScenarios.load("minimal"))
            .replace("\"areaKm2\": 19600.0", "\"areaKm2\": \"big\"");
    assertThat(errors("minimal.json", json))
        .containsExactly(
            "minimal.json:47:18 regions[0].areaKm2: expected a number, found string \"big\"");
  }

  @Test
  void validatorPathsAreLocated() {
    Node root = new TreeReader("m.yaml").read(minimal().getBytes(UTF_8), ScenarioFormat.YAML);
    assertThat(ScenarioReader.locate(root, "corridors[0].entryRegion")).containsExactly(86, 18);
    assertThat(ScenarioReader.locate(root, "regions[0].neighbours[1]")).containsExactly(44, 29);
    assertThat(ScenarioReader.locate(root, "regions[0].forces.islamic-state"))
        .containsExactly(47, 22);
    assertThat(ScenarioReader.locate(root, "regions[1].forces")).containsExactly(57, 5);
    // A path beyond what the file holds stops at the deepest part that exists.
    assertThat(ScenarioReader.locate(root, "regions[0].notes")).containsExactly(37, 5);
    assertThat(ScenarioReader.locate(root, "regions[9].id")).containsExactly(36, 1);
    assertThat(ScenarioReader.locate(root, "")).containsExactly(5, 1);
  }

  @Test
  void modelValidationProblemIsMappedToItsLine() {
    String text =
        minimal().replace("neighbours: [tal-abyad, hasakah]", "neighbours: [tal-abyad, hasaka]");
    Scenario bound;
    try {
      bound = reader.read("ok.yaml", minimal().getBytes(UTF_8));
    } catch (ScenarioFileException e) {
      throw new AssertionError(e.getMessage());
    }
    assertThat(bound).isNotNull();
    // The validator checks neighbours: the misspelt one is a model validation problem, not a
    // binding one.
    var broken =
        new Binder("x")
            .bindRoot(
                (Node.MapNode) new TreeReader("x").read(text.getBytes(UTF_8), ScenarioFormat.YAML),
                Scenario.class,
                java.util.Set.of("schemaVersion"));
    assertThat(ScenarioValidator.validate(broken.orElseThrow())).isNotEmpty();
    assertThat(errors("neighbour.yaml", text))
        .anySatisfy(
            line -> assertThat(line).startsWith("neighbour.yaml:44:29 regions[0].neighbours[1]: "));
  }
}
