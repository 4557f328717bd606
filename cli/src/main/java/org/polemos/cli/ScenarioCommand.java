package org.polemos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polemos scenario}: commands on one bundled scenario. */
@Command(
    name = "scenario",
    header = "Show a bundled scenario as YAML or JSON.",
    mixinStandardHelpOptions = true,
    subcommands = ScenarioShowCommand.class,
    description = "Commands on one bundled scenario (see 'polemos scenarios' for the ids).",
    footer = {
      "",
      "Examples:",
      "  polemos scenario show minimal",
      "  polemos scenario show levant-2014 --format json",
      ""
    })
final class ScenarioCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: show");
  }
}
