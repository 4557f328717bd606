package org.polemos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos validate FILE...}: checks scenario files and reports every problem with its
 * location.
 */
@Command(
    name = "validate",
    header = "Check scenario files and report every problem with its line and column.",
    mixinStandardHelpOptions = true,
    description = {
      "Checks scenario files (YAML or JSON) and prints 'FILE: ok' for each valid one,",
      "or every problem found, one per line:",
      "  FILE:LINE:COLUMN path.to.field: what is wrong (did you mean ...?)"
    },
    footer = {
      "",
      "Exit status:",
      "  0  every file is valid",
      "  1  a file is invalid, unreadable or missing (reported like any other",
      "     problem: 'FILE: no such file'); the other files are still checked",
      "  2  usage error: no FILE given, unknown option",
      "",
      "Examples:",
      "  polemos validate my-scenario.yaml",
      "  polemos validate scenarios/*.yaml scenarios/*.json",
      "  polemos scenario show minimal > mine.yaml && polemos validate mine.yaml",
      "",
      "The format is described in docs/SCENARIO-FORMAT.md.",
      ""
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScenarioReader reader = new ScenarioReader();
    boolean allValid = true;
    for (Path file : files) {
      try {
        reader.read(file);
        out.println(file + ": ok");
      } catch (ScenarioFileException e) {
        allValid = false;
        for (Diagnostic diagnostic : e.diagnostics()) {
          out.println(diagnostic);
        }
      }
    }
    out.flush();
    return allValid ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }
}
