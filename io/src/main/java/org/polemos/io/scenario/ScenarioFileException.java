package org.polemos.io.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file could not be read: it is unreadable, malformed, does not match the schema, or describes an
 * invalid scenario. Carries every problem found, not only the first, each with its file, line, column and path.
 *
 * <p>Unchecked, so that callers that load bundled scenarios (which are tested) need not handle it; tools that read
 * user files catch it and print {@link #diagnostics()}, one per line.
 */
public final class ScenarioFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ScenarioFileException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics), null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioFileException needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every problem found, in document order (binding problems first, then scenario validation problems). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining(System.lineSeparator()));
  }
}
