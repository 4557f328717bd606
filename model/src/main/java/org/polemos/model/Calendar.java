package org.polemos.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The simulated horizon. Simulation time is measured in days from {@code start}; the run ends at
 * the end of {@code end} (inclusive).
 *
 * @param start first simulated day
 * @param end last simulated day, inclusive
 * @param outputStep how often series are sampled; monthly when omitted
 */
public record Calendar(LocalDate start, LocalDate end, @Omittable OutputStep outputStep) {

  public Calendar {
    if (outputStep == null) {
      outputStep = OutputStep.MONTHLY;
    }
  }

  /** Days from {@code start} to the end of {@code end}, i.e. the simulated duration. */
  public double horizonDays() {
    return ChronoUnit.DAYS.between(start, end) + 1.0;
  }

  /** Simulation time (days since start) at the beginning of {@code date}. */
  public double dayOf(LocalDate date) {
    return ChronoUnit.DAYS.between(start, date);
  }

  /** The calendar date containing simulation time {@code day}. */
  public LocalDate dateAt(double day) {
    return start.plusDays((long) Math.floor(day));
  }
}
