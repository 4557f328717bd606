package org.polemos.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import picocli.CommandLine;

/**
 * A command's SCENARIO argument: a scenario file (YAML or JSON) or the id of a bundled scenario.
 */
final class ScenarioArgument {
  /** The scenario run when none is given. */
  static final String DEFAULT_ID = "levant-2014";

  private ScenarioArgument() {}

  /**
   * Loads {@code argument}: a path to an existing file, or one ending in .yaml/.yml/.json, is read
   * as a file (problems raise {@link org.polemos.io.scenario.ScenarioFileException}); anything else
   * must be a bundled id.
   */
  static Scenario load(String argument, CommandLine cmd) {
    Path path = Path.of(argument);
    String lower = argument.toLowerCase(java.util.Locale.ROOT);
    boolean looksLikeFile =
        lower.endsWith(".yaml")
            || lower.endsWith(".yml")
            || lower.endsWith(".json")
            || argument.contains("/")
            || argument.contains("\\");
    if (Files.isRegularFile(path) || looksLikeFile) {
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(cmd, argument + ": no such file");
      }
      return new ScenarioReader().read(path);
    }
    if (!BundledScenarios.exists(argument)) {
      throw new CommandLine.ParameterException(
          cmd, BundledScenarios.unknown(argument) + " (or give the path of a scenario file)");
    }
    return BundledScenarios.load(argument);
  }

  /**
   * Whether {@code scenario} differs in content from the bundled scenario with its id, the seed
   * aside (a run's seed is recorded on its own): the canonical YAML of both is compared, so
   * formatting and comments do not count.
   */
  static boolean edited(Scenario scenario) {
    if (!org.polemos.io.scenario.BundledScenarios.exists(scenario.id())) {
      return false;
    }
    Scenario bundled =
        org.polemos.io.scenario.BundledScenarios.load(scenario.id()).with("seed", scenario.seed());
    ScenarioWriter writer = new ScenarioWriter();
    return !writer.toYaml(bundled).equals(writer.toYaml(scenario));
  }
}
