package org.polemos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.experiment.ObservedFiguresReader;

/** The figures of a hindcast: those that calibrate (up to the cutoff) and those it scores. */
final class HindcastFigures {
  private HindcastFigures() {}

  /**
   * A figure with the target that maps it to a simulated number; {@code scored}: after the cutoff.
   */
  record Scored(CalibrationSpec.Target target, boolean scored) {}

  /**
   * The calibration file's ({@code file}) figures (scored when dated after the cutoff) and the
   * later figures of {@code observed} (may be null), each later one mapped by the first target with
   * its quantity and key; figures no target maps, and figures after the scenario's end, are listed
   * on {@code err} and left out.
   */
  static List<Scored> of(
      CalibrationSpec cal, Path file, Path observed, LocalDate cutoff, PrintWriter err) {
    LocalDate end = cal.base().calendar().end();
    List<Scored> figures = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      figures.add(new Scored(t, t.figure().dateTo().isAfter(cutoff)));
    }
    if (observed != null) {
      for (ObservedFigure f : readLater(observed)) {
        if (!f.dateTo().isAfter(cutoff)) {
          continue;
        }
        if (f.dateTo().isAfter(end)) {
          err.printf(
              "hindcast: %s:%d: %s ends after the scenario (%s): not scored%n",
              observed, f.line(), f.quantity(), end);
          continue;
        }
        CalibrationSpec.Target mapping =
            cal.targets().stream()
                .filter(
                    t ->
                        t.figure().quantity().equals(f.quantity())
                            && Objects.equals(t.figure().key(), f.key()))
                .findFirst()
                .orElse(null);
        if (mapping == null) {
          err.printf(
              "hindcast: %s:%d: no target of %s maps quantity %s%s: not scored%n",
              observed, f.line(), file, f.quantity(), f.key().isEmpty() ? "" : " key " + f.key());
          continue;
        }
        boolean duplicate = cal.targets().stream().anyMatch(t -> same(t.figure(), f));
        if (!duplicate) {
          figures.add(
              new Scored(
                  new CalibrationSpec.Target(
                      f,
                      mapping.metric(),
                      mapping.metricKey(),
                      mapping.aggregate(),
                      mapping.scale(),
                      mapping.weight(),
                      mapping.location()),
                  true));
        }
      }
    }
    return figures;
  }

  /** The one place the later figures are read (the public-figures layout). */
  static List<ObservedFigure> readLater(Path file) {
    return new ObservedFiguresReader().read(file, file.toString());
  }

  private static boolean same(ObservedFigure a, ObservedFigure b) {
    return a.quantity().equals(b.quantity())
        && a.key().equals(b.key())
        && a.dateFrom().equals(b.dateFrom())
        && a.dateTo().equals(b.dateTo())
        && a.low() == b.low()
        && a.high() == b.high();
  }
}
