package org.polemos.model.validation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.process.ProcessRegistry;

/**
 * A failure inside a run that one scenario field is to blame for: a rate or a derived quantity that
 * is not finite, a sampler refusing its parameters. It names the field by its parameter path
 * ({@code processes.externalOperations.inspiredAttacksPerYear}, {@code sources.tunisia.atRiskPool};
 * see {@link org.polemos.model.path.ScenarioPaths}), so the command line can report it as one line
 * about the input (docs/SCENARIO-FORMAT.md, "Bounds of values") rather than as an internal error.
 * The validator's bounds are meant to make these impossible; this is the located report when a
 * combination of values within them still misbehaves.
 */
public class ScenarioFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /** {@code problem} (in words, without the path) caused by the value at {@code path}. */
  public ScenarioFieldException(String path, String problem) {
    this(path, problem, null);
  }

  public ScenarioFieldException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /** The parameter path of the field to blame. */
  public String path() {
    return path;
  }

  /** What went wrong, in words. */
  public String problem() {
    return problem;
  }

  /** The same failure with {@code context} (e.g. the simulated day) before the problem. */
  public ScenarioFieldException withContext(String context) {
    return new ScenarioFieldException(path, context + ": " + problem, this);
  }

  /**
   * The path of {@code field} of the parameter record {@code type}: {@code processes.<section
   * name>.<field>}, the section being the one its {@link org.polemos.model.process.ProcessProvider}
   * registers.
   *
   * @throws IllegalArgumentException when no provider registers {@code type} or it has no such
   *     component (a programming error, caught by the mechanism's tests)
   */
  public static String processField(Class<? extends ProcessParameters> type, String field) {
    String section =
        ProcessRegistry.byType(type)
            .orElseThrow(
                () -> new IllegalArgumentException(type.getName() + " is not a registered process"))
            .name();
    RecordComponent[] components = type.getRecordComponents();
    if (components == null || Arrays.stream(components).noneMatch(c -> c.getName().equals(field))) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no field " + field);
    }
    return "processes." + section + "." + field;
  }
}
