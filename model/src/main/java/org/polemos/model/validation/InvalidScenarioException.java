package org.polemos.model.validation;

import java.util.List;

/** Thrown when a scenario built in code is invalid; carries every problem found. */
public class InvalidScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidScenarioException(String scenarioId, List<Problem> problems) {
    super(message(scenarioId, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String scenarioId, List<Problem> problems) {
    StringBuilder text =
        new StringBuilder("scenario \"")
            .append(scenarioId)
            .append("\" has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (Problem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
