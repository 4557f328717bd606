package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.polemos.io.experiment.SweepSpec;
import org.polemos.io.results.CheckpointLog;
import org.polemos.io.results.SummaryCsv;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.sim.experiment.Sweep;
import org.polemos.sim.shard.ReplicationSource;
import picocli.CommandLine;

/**
 * A sweep directory (docs/EXPERIMENTS.md): points.csv, one summary per point under points/, the
 * checkpoint log that lets {@code --resume} skip verified points, and the combined sweep.csv.
 */
final class SweepDirectory {
  /** The checkpoint log: the sweep's fingerprint, then one line per finished point. */
  static final String CHECKPOINT = "checkpoint.log";

  private final Path out;

  SweepDirectory(Path out) {
    this.out = out;
  }

  /** The checkpoint log's path. */
  Path checkpoint() {
    return out.resolve(CHECKPOINT);
  }

  /** The directory of point {@code i}. */
  Path pointDir(int i) {
    return out.resolve("points").resolve(Integer.toString(i));
  }

  /**
   * Runs the points of {@code design} not finished in this directory (none is, unless {@code
   * resume}): writes points.csv, each point's summary under points/ logged in the checkpoint before
   * the next point starts, then sweep.csv.
   *
   * @param stopAfterPoints testing aid: fail after this many points run now, as if killed; null for
   *     no limit
   * @return the number of points run now
   */
  int run(
      Sweep design,
      List<double[]> points,
      String fingerprint,
      boolean resume,
      ReplicationSource source,
      int workers,
      ProgressOption progressOption,
      Integer stopAfterPoints,
      CommandLine cmd)
      throws IOException {
    Path log = checkpoint();
    TreeSet<Integer> done = new TreeSet<>();
    PrintWriter err = cmd.getErr();
    if (resume) {
      done.addAll(finished(fingerprint, points.size(), cmd, err));
      if (!done.isEmpty()) {
        err.println(
            "sweep: resuming "
                + out
                + ": "
                + done.size()
                + " of "
                + points.size()
                + " points already done, skipped: "
                + ranges(done));
        err.flush();
      }
    }
    writePoints(design.paths(), points);
    int ran;
    try (CheckpointLog checkpoint = CheckpointLog.open(log);
        Progress progress = progressOption.progress("sweep", "points", cmd)) {
      if (CheckpointLog.read(log).isEmpty()) {
        checkpoint.append("sweep " + fingerprint);
      }
      int[] now = {0};
      ran =
          design.run(
              source,
              workers,
              done,
              (i, summary) -> {
                Path pointSummary = pointDir(i).resolve("summary.csv");
                Experiments.writeSummary(summary, pointSummary);
                // The summary's hash lets a resume verify it rather than trust it.
                checkpoint.append("point " + i + " done " + sha256(pointSummary));
                done.add(i);
                now[0]++;
                progress.replicationDone(done.size(), points.size());
                if (stopAfterPoints != null && now[0] >= stopAfterPoints) {
                  throw new IllegalStateException(
                      "stopped after " + now[0] + " points (--stop-after-points)");
                }
              });
    }
    writeCombined(design.paths(), points);
    return ran;
  }

  /**
   * The points finished according to the checkpoint log, each verified: its summary must be present
   * and read back whole. A point logged done whose summary is missing or damaged is reported and
   * run again, and the log is rewritten (atomically) to hold only the verified points, so that no
   * point is ever logged done twice.
   */
  List<Integer> finished(String fingerprint, int total, CommandLine cmd, PrintWriter err)
      throws IOException {
    Path log = checkpoint();
    if (!Files.isRegularFile(log)) {
      if (!OutputDirectory.contents(out).isEmpty()) {
        throw new CommandLine.ParameterException(
            cmd,
            "--resume: "
                + out
                + " holds files but no "
                + CHECKPOINT
                + "; it is not a sweep directory");
      }
      return List.of();
    }
    List<String> lines = CheckpointLog.read(log);
    if (lines.isEmpty()) {
      return List.of();
    }
    if (!lines.get(0).equals("sweep " + fingerprint)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--resume: "
              + out
              + " was made by a different sweep (the sweep"
              + " file, its base scenario or the design changed); use a new --out");
    }
    TreeSet<Integer> done = new TreeSet<>();
    TreeSet<Integer> damaged = new TreeSet<>();
    Map<Integer, String> hashes = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ");
      if ((parts.length == 3 || parts.length == 4)
          && parts[0].equals("point")
          && parts[2].equals("done")) {
        int i;
        try {
          i = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          continue;
        }
        if (i >= 0 && i < total && !done.contains(i)) {
          if (verified(pointDir(i).resolve("summary.csv"), parts.length == 4 ? parts[3] : null)) {
            done.add(i);
            hashes.put(i, parts.length == 4 ? parts[3] : null);
          } else {
            damaged.add(i);
          }
        }
      }
    }
    damaged.removeAll(done);
    if (!damaged.isEmpty()) {
      err.println(
          "sweep: "
              + out
              + ": point"
              + (damaged.size() == 1 ? " " : "s ")
              + ranges(damaged)
              + " logged done but "
              + (damaged.size() == 1 ? "its summary is" : "their summaries are")
              + " missing or damaged; running "
              + (damaged.size() == 1 ? "it" : "them")
              + " again");
      err.flush();
    }
    List<String> verified = new ArrayList<>();
    verified.add(lines.get(0));
    done.forEach(
        i ->
            verified.add(
                "point " + i + " done" + (hashes.get(i) == null ? "" : " " + hashes.get(i))));
    if (!verified.equals(lines)) {
      org.polemos.io.results.AtomicOutput.writeString(log, String.join("\n", verified) + "\n");
    }
    return new ArrayList<>(done);
  }

  /**
   * Whether a point's summary is present, has the SHA-256 the log recorded (when it recorded one)
   * and reads back whole. It was written atomically, so a difference means it was changed or
   * damaged after the point finished.
   */
  private static boolean verified(Path summary, String sha256) {
    if (!Files.isRegularFile(summary)) {
      return false;
    }
    try {
      if (sha256 != null && !sha256.equals(sha256(summary))) {
        return false;
      }
      SummaryCsv.read(summary, r -> {});
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  void writePoints(List<String> paths, List<double[]> points) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("point");
    header.addAll(paths);
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("points.csv"), header)) {
      for (int i = 0; i < points.size(); i++) {
        Object[] row = new Object[header.size()];
        row[0] = i;
        for (int j = 0; j < points.get(i).length; j++) {
          row[j + 1] = points.get(i)[j];
        }
        csv.row(row);
      }
      csv.commit();
    }
  }

  void writeCombined(List<String> paths, List<double[]> points) throws IOException {
    List<String> header = new ArrayList<>();
    header.add("point");
    header.addAll(paths);
    header.addAll(List.of("metric", "key", "date", "mean", "ci_low", "ci_high"));
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("sweep.csv"), header)) {
      for (int i = 0; i < points.size(); i++) {
        double[] point = points.get(i);
        int index = i;
        SummaryCsv.read(
            pointDir(i).resolve("summary.csv"),
            r -> {
              Object[] row = new Object[header.size()];
              row[0] = index;
              for (int j = 0; j < point.length; j++) {
                row[j + 1] = point[j];
              }
              int c = point.length + 1;
              row[c] = r.metric();
              row[c + 1] = r.key();
              row[c + 2] = r.date().toString();
              row[c + 3] = r.mean();
              row[c + 4] = r.ciLow();
              row[c + 5] = r.ciHigh();
              try {
                csv.row(row);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
      csv.commit();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Identifies the sweep: base scenario, seed, replications, metrics and every point. */
  static String fingerprint(SweepSpec sweep, List<double[]> points) {
    StringBuilder text = new StringBuilder(new ScenarioWriter().toYaml(sweep.base()));
    text.append("\nseed ")
        .append(sweep.seed())
        .append("\nreplications ")
        .append(sweep.replications())
        .append("\nmetrics ")
        .append(sweep.metrics())
        .append("\npaths ")
        .append(sweep.paths());
    for (double[] p : points) {
      text.append('\n').append(java.util.Arrays.toString(p));
    }
    return RunCommand.sha256(text.toString());
  }

  static String ranges(TreeSet<Integer> done) {
    List<String> parts = new ArrayList<>();
    Integer start = null;
    Integer previous = null;
    for (int i : done) {
      if (start == null) {
        start = i;
      } else if (i != previous + 1) {
        parts.add(start.equals(previous) ? "" + start : start + "-" + previous);
        start = i;
      }
      previous = i;
    }
    if (start != null) {
      parts.add(start.equals(previous) ? "" + start : start + "-" + previous);
    }
    return String.join(", ", parts);
  }
}
