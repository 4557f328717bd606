package org.polemos.cli;

import java.io.PrintWriter;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns usage errors and unexpected exceptions into one line on standard error, never a stack trace. */
final class ErrorHandlers {
  private ErrorHandlers() {
  }

  static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (e instanceof ScenarioFileException invalid) {
      for (Diagnostic diagnostic : invalid.diagnostics()) {
        err.println(diagnostic);
      }
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
