package org.polemos.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.model.validation.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns usage errors and unexpected exceptions into one line on standard error, never a stack trace. */
final class ErrorHandlers {
  private ErrorHandlers() {
  }

  /**
   * Runs the parsed command unless arguments were left unmatched: picocli lets help requests through with them
   * ({@code polemos hindcast --help} would print the top-level help and exit 0), so they are refused here.
   */
  static int refuseUnmatched(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (!last.unmatched().isEmpty()) {
      throw new CommandLine.UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    String message = oneLine(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      message = unmatched(cmd, unmatched);
    } else if (e instanceof CommandLine.MissingParameterException) {
      // picocli checks required options before unknown ones: "--outt x" would read "Missing --out". The typo is
      // the cause, so it is what the user sees.
      String unknown = unknownOption(cmd, args);
      if (unknown != null) {
        message = "unknown option " + unknown + Suggestions.didYouMean(unknown, optionNames(cmd));
      }
    }
    err.println(name + ": " + message + " (see '" + name + " --help')");
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

  /** The first argument that looks like an option and is no option of {@code cmd} or its parents, or null. */
  private static String unknownOption(CommandLine cmd, String[] args) {
    List<String> known = new ArrayList<>();
    for (CommandLine c = cmd; c != null; c = c.getParent()) {
      known.addAll(optionNames(c));
    }
    for (String arg : args) {
      if (arg.equals("--")) {
        return null;
      }
      if (arg.startsWith("-") && arg.length() > 1 && !Character.isDigit(arg.charAt(1)) && arg.charAt(1) != '.') {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (!known.contains(name) && !(name.length() > 2 && name.charAt(1) != '-'
            && known.contains(name.substring(0, 2)))) {
          return name;
        }
      }
    }
    return null;
  }

  private static List<String> optionNames(CommandLine cmd) {
    List<String> names = new ArrayList<>();
    for (CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
      names.addAll(List.of(o.names()));
    }
    return names;
  }

  /** "unknown option --replicatons (did you mean --replications?)" or "unknown command hindcast (...)". */
  private static String unmatched(CommandLine cmd, CommandLine.UnmatchedArgumentException e) {
    List<String> words = e.getUnmatched();
    String first = words.isEmpty() ? "" : words.get(0);
    List<String> candidates = new ArrayList<>();
    boolean option = first.startsWith("-");
    if (option) {
      String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      return "unknown option " + name + Suggestions.didYouMean(name, optionNames(cmd));
    }
    candidates.addAll(cmd.getSubcommands().keySet());
    if (!candidates.isEmpty()) {
      return "unknown command \"" + first + "\"" + Suggestions.didYouMean(first, candidates) + "; commands: "
          + String.join(", ", cmd.getSubcommands().keySet());
    }
    return "unexpected argument" + (words.size() == 1 ? " " : "s ") + String.join(" ", words);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
