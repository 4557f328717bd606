package org.polemos.model;

import java.time.LocalDate;

/** How often simulated series are sampled for output. */
public enum OutputStep implements Coded {
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly");

  private final String code;

  OutputStep(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The sample date after {@code date}. */
  public LocalDate next(LocalDate date) {
    return switch (this) {
      case DAILY -> date.plusDays(1);
      case WEEKLY -> date.plusWeeks(1);
      case MONTHLY -> date.plusMonths(1);
    };
  }
}
