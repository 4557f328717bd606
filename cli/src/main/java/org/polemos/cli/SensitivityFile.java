package org.polemos.cli;

import java.io.IOException;
import java.util.List;
import org.polemos.io.InputFileException;
import org.polemos.io.experiment.SensitivitySpec;
import org.polemos.model.validation.Suggestions;
import org.polemos.sim.experiment.Sensitivity;
import picocli.CommandLine;

/**
 * A sensitivity file as a library {@link Sensitivity} study, and the study's errors back as located
 * ones (at the file, or at the output's line).
 */
final class SensitivityFile {
  private SensitivityFile() {}

  /** The study of a sensitivity file. */
  static Sensitivity study(SensitivitySpec sens) {
    List<Sensitivity.Parameter> parameters =
        sens.parameters().stream()
            .map(b -> new Sensitivity.Parameter(b.path(), b.min(), b.max()))
            .toList();
    List<Sensitivity.Output> outputs =
        sens.outputs().stream()
            .map(o -> new Sensitivity.Output(o.metric(), o.key(), o.date()))
            .toList();
    return sens.method() == SensitivitySpec.Method.SOBOL
        ? Sensitivity.sobol(
            sens.base(),
            parameters,
            outputs,
            sens.seed(),
            sens.replications(),
            sens.samples(),
            sens.designSeed())
        : Sensitivity.morris(
            sens.base(),
            parameters,
            outputs,
            sens.seed(),
            sens.replications(),
            sens.trajectories(),
            sens.levels(),
            sens.designSeed());
  }

  /**
   * Runs {@code work}, turning an invalid design point into a usage error naming the file and an
   * output key the series lack into a problem at the output's line, with did-you-mean.
   */
  static int reportingErrors(
      java.nio.file.Path file,
      SensitivitySpec sens,
      CommandLine cmd,
      Experiments.DirectoryWork work)
      throws IOException {
    try {
      return work.run();
    } catch (Sensitivity.InvalidPointException e) {
      throw new CommandLine.ParameterException(cmd, file + ": " + e.getMessage());
    } catch (Sensitivity.MissingKeyException e) {
      SensitivitySpec.Output output = sens.outputs().get(e.output());
      throw new InputFileException(
          List.of(
              output
                  .location()
                  .problem(
                      "metric "
                          + output.metric()
                          + " has no key \""
                          + output.key()
                          + "\""
                          + Suggestions.didYouMean(output.key(), e.keys())
                          + "; keys: "
                          + String.join(", ", e.keys()))));
    }
  }
}
