package org.polemos.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.io.scenario.ScenarioWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos scenario show ID}: prints a bundled scenario so that users can copy and edit it.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bundled scenario to standard output, to copy and edit.",
      "As YAML it is the bundled file itself, comments included; as JSON it is",
      "written from the scenario (JSON has no comments)."
    },
    footer = {
      "",
      "Examples:",
      "  polemos scenario show minimal > mine.yaml",
      "  polemos scenario show levant-2014 --format json > levant.json",
      "",
      "Exit status: 0 on success, 2 when ID names no bundled scenario.",
      ""
    })
final class ScenarioShowCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    yaml,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ID",
      description = "A bundled scenario id, as 'polemos scenarios' lists them.")
  String id;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "yaml (default) or json.")
  Format format;

  @Override
  public Integer call() {
    if (!BundledScenarios.exists(id)) {
      throw new CommandLine.ParameterException(spec.commandLine(), BundledScenarios.unknown(id));
    }
    String text =
        format == Format.yaml
            ? BundledScenarios.source(id)
            : new ScenarioWriter().toJson(BundledScenarios.load(id));
    PrintWriter out = spec.commandLine().getOut();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
    return ExitCodes.OK;
  }
}
