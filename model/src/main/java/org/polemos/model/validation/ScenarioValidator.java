package org.polemos.model.validation;

import java.util.ArrayList;
import java.util.List;
import org.polemos.model.Scenario;

/** Checks a scenario and reports every problem found, not only the first. */
public final class ScenarioValidator {
  private ScenarioValidator() {
  }

  /** All problems of {@code scenario}, in document order; empty when it is valid. */
  public static List<Problem> validate(Scenario scenario) {
    List<Problem> problems = new ArrayList<>();
    // The checks are being written (issue 3).
    return problems;
  }
}
