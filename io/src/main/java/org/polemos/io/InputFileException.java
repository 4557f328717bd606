package org.polemos.io;

import java.util.List;
import java.util.stream.Collectors;
import org.polemos.io.scenario.Diagnostic;

/**
 * An input file could not be used: a scenario, sweep, calibration or sensitivity file, an observed
 * series or a table of figures that is missing, unreadable, malformed or invalid. The one exception
 * type for bad input files: it carries every problem found, each with its file, line, column and
 * field path, and the command line prints them one per line ({@link Diagnostic#toString()}) with
 * exit status 1, never a stack trace.
 *
 * <p>{@link org.polemos.io.scenario.ScenarioFileException} is the same for scenario files in
 * particular.
 */
public class InputFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public InputFileException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics), null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an InputFileException needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** One problem of {@code file} that is not at a particular place in it. */
  public static InputFileException of(String file, String message) {
    return new InputFileException(List.of(new Diagnostic(file, 0, 0, "", message)));
  }

  /** Every problem found, in document order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(Diagnostic::toString)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
