package org.polemos.cli;

import java.util.ArrayList;
import java.util.List;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.experiment.ParameterBounds;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Calibration;
import org.polemos.sim.experiment.Observation;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.random.RandomStreams;

/**
 * A calibration file as a library {@link Calibration}, and the check of its targets against what
 * the engine writes (located errors).
 */
final class CalibrationFile {
  private CalibrationFile() {}

  /** The calibration of {@code cal} as the library sees it. */
  static Calibration calibration(CalibrationSpec cal) {
    List<Calibration.Target> targets = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      targets.add(
          new Calibration.Target(
              new Observation(
                  t.metric(),
                  t.metricKey(),
                  Observation.Aggregate.of(t.aggregate()),
                  t.figure().dateFrom(),
                  t.figure().dateTo()),
              t.figure().low(),
              t.figure().high(),
              t.scale(),
              t.weight()));
    }
    List<String> paths = cal.parameters().stream().map(ParameterBounds::path).toList();
    return new Calibration(cal.base(), paths, targets, cal.seed(), cal.replications());
  }

  /**
   * Checks metric names, and runs one replication of the base to check that every target's series
   * exists.
   */
  static void checkTargets(CalibrationSpec cal, Engine engine) {
    List<Diagnostic> problems = new ArrayList<>();
    for (CalibrationSpec.Target t : cal.targets()) {
      if (!engine.metrics().contains(t.metric())) {
        problems.add(
            t.location()
                .problem(
                    "unknown metric \""
                        + t.metric()
                        + "\""
                        + Suggestions.didYouMean(t.metric(), engine.metrics())
                        + " (metrics: docs/OUTPUTS.md)"));
      }
    }
    if (problems.isEmpty()) {
      Scenario scenario = cal.base().with("seed", cal.seed());
      ObservationCollector collector = calibration(cal).collector(scenario);
      List<String> keys = new ArrayList<>();
      engine.run(
          scenario,
          0,
          RandomStreams.of(cal.seed()),
          (r, d, m, key, v) -> {
            collector.series(r, d, m, key, v);
            if (!keys.contains(m + "/" + key)) {
              keys.add(m + "/" + key);
            }
          });
      List<String> unseen = collector.unseen();
      for (CalibrationSpec.Target t : cal.targets()) {
        String id = t.metric() + "/" + t.metricKey();
        if (unseen.contains(id)) {
          List<String> valid =
              keys.stream()
                  .filter(s -> s.startsWith(t.metric() + "/"))
                  .map(s -> s.substring(t.metric().length() + 1))
                  .toList();
          problems.add(
              t.location()
                  .problem(
                      "metric "
                          + t.metric()
                          + " has no key \""
                          + t.metricKey()
                          + "\""
                          + Suggestions.didYouMean(t.metricKey(), valid)
                          + "; keys: "
                          + String.join(", ", valid)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputFileException(problems);
    }
  }
}
