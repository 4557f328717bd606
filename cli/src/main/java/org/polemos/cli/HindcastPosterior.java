package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import picocli.CommandLine;

/**
 * The predictive parameter sets of a hindcast: drawn from the posterior that ABC-SMC calibrates
 * into {@code dir}/calibration (under merge: copied from the shards, which all computed it), or
 * from {@code --posterior} with {@code --no-calibrate}.
 */
final class HindcastPosterior {
  private final Engine engine;
  private final HindcastOptions.Checked checked;
  private final Scenario base;
  private final Path posterior;
  private final int draws;
  private final ShardOption.Merge merge;

  /**
   * {@code posterior}: the given posterior file, or null to calibrate on the checked calibration
   * figures; {@code merge}: the merge, or null.
   */
  HindcastPosterior(
      Engine engine,
      HindcastOptions.Checked checked,
      Scenario base,
      Path posterior,
      int draws,
      ShardOption.Merge merge) {
    this.engine = engine;
    this.checked = checked;
    this.base = base;
    this.posterior = posterior;
    this.draws = draws;
    this.merge = merge;
  }

  /** The parameter sets of the predictive replications, calibrating into {@code dir} if needed. */
  PosteriorRuns runs(Path dir, int workers, boolean noProgress, CommandLine cmd)
      throws IOException {
    CalibrationSpec cal = checked.cal();
    Path posteriorFile = posterior;
    if (posterior == null) {
      Path calibrationDir = dir.resolve(ShardOption.CALIBRATION);
      if (merge != null) {
        copyCalibrationOfShards(merge.shardDirectories(), calibrationDir);
      } else {
        Files.createDirectories(calibrationDir);
        AbcCalibration abc = new AbcCalibration(engine, cal, checked.calibration());
        abc.run(calibrationDir, false, workers, null, noProgress, cmd);
        double[] low = new double[cal.parameters().size()];
        double[] high = new double[low.length];
        for (int i = 0; i < low.length; i++) {
          low[i] = cal.parameters().get(i).min();
          high[i] = cal.parameters().get(i).max();
        }
        IdentifiabilityReport.write(
            abc.runs(),
            abc.paths(),
            low,
            high,
            cal.seed(),
            cal.replications(),
            calibrationDir.resolve("identifiability.csv"),
            cmd.getOut());
      }
      posteriorFile = calibrationDir.resolve("posterior.csv");
    }
    return PosteriorRuns.of(posteriorFile, base, cal.seed(), draws, cmd);
  }

  /**
   * Merge: copies the calibration of the first shard to {@code target}, after checking that every
   * shard calibrated to the same posterior (one line and exit 1 otherwise).
   */
  private static void copyCalibrationOfShards(List<Path> shards, Path target) throws IOException {
    Path first = shards.get(0).resolve(ShardOption.CALIBRATION);
    byte[] posteriorBytes = null;
    for (Path shard : shards) {
      Path file = shard.resolve(ShardOption.CALIBRATION).resolve("posterior.csv");
      if (!Files.isRegularFile(file)) {
        throw refuse(shard, "no " + ShardOption.CALIBRATION + "/posterior.csv in this shard");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (posteriorBytes == null) {
        posteriorBytes = bytes;
      } else if (!Arrays.equals(bytes, posteriorBytes)) {
        throw refuse(
            shard,
            "its calibration/posterior.csv differs from that of "
                + shards.get(0)
                + "; the shards did not calibrate alike (rerun them with the same version)");
      }
    }
    try (var walk = Files.walk(first)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(first.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  private static ScenarioFileException refuse(Path where, String problem) {
    return new ScenarioFileException(List.of(new Diagnostic(where.toString(), 0, 0, "", problem)));
  }
}
