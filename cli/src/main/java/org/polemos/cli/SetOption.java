package org.polemos.cli;

import java.util.ArrayList;
import java.util.List;
import org.polemos.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The repeatable {@code --set PATH=VALUE} option: scenario parameters changed before a run. */
final class SetOption {

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Change one scenario parameter before running (repeatable), e.g. "
              + "corridors.tal-abyad.interdiction=0.6; paths as in docs/MODEL.md. The run's scenario.yaml holds the "
              + "result.")
  List<String> settings = new ArrayList<>();

  /**
   * Applies {@code --set PATH=VALUE} settings; a bad path is a usage error, an invalid result
   * invalid input.
   */
  Scenario apply(Scenario scenario, CommandLine cmd) {
    Scenario result = scenario;
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new CommandLine.ParameterException(cmd, "--set " + setting + ": expected PATH=VALUE");
      }
      String path = setting.substring(0, eq).strip();
      String text = setting.substring(eq + 1).strip();
      Object value = text;
      try {
        value = new java.math.BigDecimal(text);
      } catch (NumberFormatException e) {
        // not a number: kept as text (dates, enum codes)
      }
      try {
        result = result.with(path, value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cmd, "--set " + setting + ": " + e.getMessage());
      }
    }
    if (!settings.isEmpty()) {
      List<org.polemos.model.validation.Problem> problems = result.validate();
      if (!problems.isEmpty()) {
        // In the user's terms: the command, the --set that caused the problem, and the path with
        // ids.
        List<org.polemos.io.scenario.Diagnostic> diagnostics = new ArrayList<>();
        for (org.polemos.model.validation.Problem p : problems) {
          String path = org.polemos.model.path.ScenarioPaths.idPath(result, p.path());
          String cause =
              settings.stream()
                  .filter(s -> s.substring(0, Math.max(0, s.indexOf('='))).strip().equals(path))
                  .findFirst()
                  .map(s -> "--set " + s)
                  .orElse("after --set");
          diagnostics.add(
              new org.polemos.io.scenario.Diagnostic(
                  cmd.getCommandSpec().qualifiedName(),
                  0,
                  0,
                  "",
                  cause + ": " + path + ": " + p.message()));
        }
        throw new org.polemos.io.scenario.ScenarioFileException(diagnostics);
      }
    }
    return result;
  }
}
