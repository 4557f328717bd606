package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.polemos.io.experiment.CalibrationFileReader;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.sim.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Checks the arguments of {@code polemos hindcast} and reads its files (usage errors: one line).
 */
final class HindcastOptions {
  @Option(
      names = "--cutoff",
      paramLabel = "DATE",
      required = true,
      description =
          "Figures with date_to up to this date calibrate, later ones are scored (YYYY-MM-DD).")
  String cutoffText;

  @Option(
      names = "--observed",
      paramLabel = "LATER.csv",
      description = "Further figures to score, in the public-figures layout (optional).")
  Path observed;

  @Option(
      names = "--draws",
      paramLabel = "M",
      defaultValue = "200",
      description =
          "Predictive replications, each with its own parameter set (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(
      names = "--no-calibrate",
      description = "Score an existing posterior (--posterior) instead of calibrating.")
  boolean noCalibrate;

  @Option(
      names = "--posterior",
      paramLabel = "FILE",
      description = "With --no-calibrate: the posterior (or prior) sample, weight,<path>,...")
  Path posterior;

  /**
   * The checked arguments: the calibration file, the parsed cutoff, every figure (scored or not)
   * and the figures that calibrate.
   */
  record Checked(
      CalibrationSpec cal,
      LocalDate cutoff,
      List<HindcastFigures.Scored> figures,
      List<CalibrationSpec.Target> calibration) {

    /** The targets of every figure, scored or not, in the order of {@link #figures}. */
    List<CalibrationSpec.Target> targets() {
      return figures.stream().map(HindcastFigures.Scored::target).toList();
    }
  }

  Checked check(Engine engine, Path file, CommandLine cmd) {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, file + ": no such file");
    }
    LocalDate cutoff;
    try {
      cutoff = LocalDate.parse(cutoffText);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cmd, "--cutoff " + cutoffText + ": expected a date YYYY-MM-DD");
    }
    if (draws < 2) {
      throw new CommandLine.ParameterException(cmd, "--draws must be at least 2, was " + draws);
    }
    if (noCalibrate != (posterior != null)) {
      throw new CommandLine.ParameterException(
          cmd,
          noCalibrate
              ? "--no-calibrate needs --posterior FILE"
              : "--posterior needs --no-calibrate (otherwise the posterior is calibrated)");
    }
    if (observed != null && !Files.isRegularFile(observed)) {
      throw new CommandLine.ParameterException(cmd, "--observed " + observed + ": no such file");
    }
    CalibrationSpec cal = new CalibrationFileReader(engine.metrics()).read(file);
    if (!noCalibrate && !cal.isAbc()) {
      throw new CommandLine.ParameterException(
          cmd,
          file
              + ": a hindcast calibrates with method: abc-smc (found "
              + cal.optimiser()
              + "); or give --no-calibrate --posterior FILE");
    }
    CalibrationFile.checkTargets(cal, engine);
    List<HindcastFigures.Scored> figures =
        HindcastFigures.of(cal, file, observed, cutoff, cmd.getErr());
    List<CalibrationSpec.Target> calibration =
        figures.stream().filter(s -> !s.scored()).map(HindcastFigures.Scored::target).toList();
    if (figures.stream().noneMatch(HindcastFigures.Scored::scored)) {
      throw new CommandLine.ParameterException(
          cmd, "no figure after the cutoff " + cutoff + " to score");
    }
    if (!noCalibrate && calibration.isEmpty()) {
      throw new CommandLine.ParameterException(
          cmd,
          "no figure of "
              + file
              + " is dated up to the cutoff "
              + cutoff
              + ": nothing to calibrate on");
    }
    return new Checked(cal, cutoff, figures, calibration);
  }

  /**
   * The hash shards and merge compare for the experiment's files: the calibration file, and
   * --observed and --posterior when given.
   */
  String experimentSha256(Path file) throws IOException {
    StringBuilder hashes = new StringBuilder(ShardOption.fileSha256(file));
    for (Path p : new Path[] {observed, posterior}) {
      hashes.append(',').append(p == null ? "-" : ShardOption.fileSha256(p));
    }
    return RunCommand.sha256(hashes.toString());
  }
}
