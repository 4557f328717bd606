package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polemos.io.InputFileException;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.text.Printable;
import org.polemos.model.validation.ScenarioFieldException;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.experiment.Replications;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns usage errors and unexpected exceptions into one line on standard error, never a stack
 * trace: the reason in words (a full disk, a missing directory, a permission), control characters
 * escaped ({@link Printable}).
 */
final class ErrorHandlers {
  private ErrorHandlers() {}

  /**
   * Runs the parsed command unless arguments were left unmatched: picocli lets help requests
   * through with them ({@code polemos hindcast --help} would print the top-level help and exit 0),
   * so they are refused here.
   */
  static int refuseUnmatched(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (!last.unmatched().isEmpty()) {
      throw new CommandLine.UnmatchedArgumentException(
          last.commandSpec().commandLine(), last.unmatched());
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
      // picocli checks required options before unknown ones: "--outt x" would read "Missing --out".
      // The typo is
      // the cause, so it is what the user sees.
      String unknown = unknownOption(cmd, args);
      if (unknown != null) {
        message = "unknown option " + unknown + Suggestions.didYouMean(unknown, optionNames(cmd));
      }
    }
    err.println(name + ": " + Printable.of(message) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InputFileException invalid) {
      for (Diagnostic diagnostic : invalid.diagnostics()) {
        err.println(diagnostic);
      }
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    ScenarioFieldException field = blamed(e);
    if (field != null) {
      // the input is to blame, not the program: say which field, like a validation problem
      err.println(
          cmd.getCommandSpec().qualifiedName()
              + ": scenario field "
              + oneLine(field.path())
              + ": "
              + oneLine(field.problem())
              + replication(e)
              + "; the value passes validation but not this run: bring it nearer the"
              + " usual range (docs/SCENARIO-FORMAT.md, \"Bounds of values\")");
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(describe(e)));
    err.flush();
    return ExitCodes.FAILURE;
  }

  /** The failure inside a run that a scenario field is blamed for, in the causes of {@code e}. */
  static ScenarioFieldException blamed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ScenarioFieldException f) {
        return f;
      }
    }
    return null;
  }

  private static String replication(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Replications.ReplicationFailedException r) {
        return " (replication " + r.replication() + ")";
      }
    }
    return "";
  }

  /**
   * What went wrong, in words: the cause of a wrapped I/O failure, the path and the reason of a
   * file error.
   */
  static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof UncheckedIOException
            || t instanceof java.util.concurrent.ExecutionException
            || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory; give Java more heap (e.g. POLEMOS_JAVA_OPTS=-Xmx4g) or run fewer replications or"
          + " threads at once";
    }
    if (t instanceof StackOverflowError) {
      return "internal error: stack overflow (please report it)";
    }
    if (t instanceof FileSystemException fs) {
      return fileProblem(fs);
    }
    if (t instanceof IOException io) {
      String reason = reason(io.getMessage());
      return reason != null
          ? reason
          : "input/output error: " + (io.getMessage() == null ? "unknown" : io.getMessage());
    }
    String message = t.getMessage();
    return message == null || message.isBlank()
        ? "internal error: " + t.getClass().getSimpleName()
        : message;
  }

  private static String fileProblem(FileSystemException e) {
    String file = e.getFile() == null ? "" : e.getFile();
    String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "already exists";
    } else if (e instanceof NotDirectoryException) {
      reason = "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      reason = "directory is not empty";
    } else {
      String known = reason(e.getReason());
      reason =
          known != null
              ? known
              : e.getReason() != null
                  ? e.getReason().strip()
                  : "cannot be written or read (the file system refused it)";
    }
    return file.isEmpty() ? reason : file + other + ": " + reason;
  }

  /** A plain-words reason for the operating system's message, or null when it is not recognised. */
  private static String reason(String message) {
    if (message == null) {
      return null;
    }
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("no space left") || m.contains("disk full") || m.contains("quota")) {
      return "disk full (no space left on device); free some space and run again";
    }
    if (m.contains("read-only file system")) {
      return "read-only file system";
    }
    if (m.contains("permission denied") || m.contains("operation not permitted")) {
      return "permission denied";
    }
    if (m.contains("no such file")) {
      return "no such file or directory";
    }
    return null;
  }

  /**
   * The first argument that looks like an option and is no option of {@code cmd} or its parents, or
   * null.
   */
  private static String unknownOption(CommandLine cmd, String[] args) {
    List<String> known = new ArrayList<>();
    for (CommandLine c = cmd; c != null; c = c.getParent()) {
      known.addAll(optionNames(c));
    }
    for (String arg : args) {
      if (arg.equals("--")) {
        return null;
      }
      if (arg.startsWith("-")
          && arg.length() > 1
          && !Character.isDigit(arg.charAt(1))
          && arg.charAt(1) != '.') {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (!known.contains(name)
            && !(name.length() > 2
                && name.charAt(1) != '-'
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

  /**
   * "unknown option --replicatons (did you mean --replications?)" or "unknown command hindcast
   * (...)".
   */
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
      return "unknown command \""
          + first
          + "\""
          + Suggestions.didYouMean(first, candidates)
          + "; commands: "
          + String.join(", ", cmd.getSubcommands().keySet());
    }
    return "unexpected argument" + (words.size() == 1 ? " " : "s ") + String.join(" ", words);
  }

  static String oneLine(String message) {
    return message == null ? "" : Printable.of(message.strip().replaceAll("\\s*\\R\\s*", "; "));
  }
}
