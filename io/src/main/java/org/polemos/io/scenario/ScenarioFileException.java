package org.polemos.io.scenario;

import java.util.List;
import org.polemos.io.InputFileException;

/**
 * A scenario file could not be read: it is unreadable, malformed, does not match the schema, or
 * describes an invalid scenario. Carries every problem found, not only the first, each with its
 * file, line, column and path.
 *
 * <p>Unchecked, so that callers that load bundled scenarios (which are tested) need not handle it;
 * tools that read user files catch {@link InputFileException}, the type of every bad input file,
 * and print {@link #diagnostics()}, one per line.
 */
public final class ScenarioFileException extends InputFileException {
  private static final long serialVersionUID = 1L;

  public ScenarioFileException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }
}
