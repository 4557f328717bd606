package org.polemos.cli;

/** Exit statuses of every {@code polemos} command. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /**
   * The input was read but is invalid, or missing: a scenario file with problems, a file that does
   * not exist.
   */
  public static final int INVALID_INPUT = 1;

  /**
   * The command line itself is wrong: unknown option, missing argument, unknown bundled scenario
   * id.
   */
  public static final int USAGE = 2;

  /**
   * A bug or an environment failure (disk full...): reported in one line, never with a stack trace.
   */
  public static final int FAILURE = 3;
}
