package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.experiment.Morris;
import org.polemos.sim.experiment.Sensitivity;
import org.polemos.sim.experiment.SensitivityUncertainty;
import org.polemos.sim.experiment.Sobol;
import org.polemos.sim.experiment.SummaryStatistics;

/**
 * Writes a finished sensitivity study: design.csv, morris.csv or sobol.csv (docs/EXPERIMENTS.md),
 * and prints the ranking.
 */
final class SensitivityOutput {
  private SensitivityOutput() {}

  /**
   * Writes {@code result} of {@code study} (read from {@code file}) into {@code out}; {@code t0} is
   * when the study started ({@link System#nanoTime}).
   */
  static void write(
      Sensitivity study,
      Sensitivity.Result result,
      Path file,
      Path out,
      long t0,
      PrintWriter stdout)
      throws IOException {
    writeDesign(study, result, out);
    int k = result.paths().size();
    if (study.method() == Sensitivity.Method.SOBOL) {
      stdout.printf(
          "%s: Sobol, %d base samples over %d parameters = %d points x %d replications, seed %d, "
              + "%.1f s -> %s%n",
          file,
          study.samples(),
          k,
          study.size(),
          study.replications(),
          study.seed(),
          (System.nanoTime() - t0) / 1e9,
          out);
      writeSobol(result, out, stdout);
    } else {
      stdout.printf(
          "%s: Morris, %d trajectories x %d levels over %d parameters = %d points x %d "
              + "replications, seed %d, %.1f s -> %s%n",
          file,
          study.trajectories(),
          study.levels(),
          k,
          study.size(),
          study.replications(),
          study.seed(),
          (System.nanoTime() - t0) / 1e9,
          out);
      writeMorris(result, out, stdout);
    }
  }

  /**
   * design.csv: the point's label (Morris trajectory and step, or Sobol matrix and row), the
   * parameter values and each output.
   */
  private static void writeDesign(Sensitivity study, Sensitivity.Result result, Path out)
      throws IOException {
    boolean sobol = study.method() == Sensitivity.Method.SOBOL;
    List<String> paths = result.paths();
    int k = paths.size();
    List<String> header =
        new ArrayList<>(sobol ? List.of("matrix", "row") : List.of("trajectory", "step"));
    header.addAll(paths);
    for (SummaryStatistics.Cell c : result.cells()) {
      header.add(c.metric() + (c.key().isEmpty() ? "" : "/" + c.key()) + "@" + c.date());
    }
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("design.csv"), header)) {
      for (int p = 0; p < result.values().size(); p++) {
        Object[] r = new Object[header.size()];
        if (sobol) {
          int m = p / study.samples();
          r[0] = m == 0 ? "A" : m == 1 ? "B" : "AB:" + paths.get(m - 2);
          r[1] = p % study.samples();
        } else {
          r[0] = p / (k + 1);
          r[1] = p % (k + 1);
        }
        double[] v = result.values().get(p);
        double[] y = result.outputs().get(p);
        for (int i = 0; i < k; i++) {
          r[2 + i] = v[i];
        }
        for (int o = 0; o < y.length; o++) {
          r[2 + k + o] = y[o];
        }
        csv.row(r);
      }
      csv.commit();
    }
  }

  private static void writeMorris(Sensitivity.Result result, Path out, PrintWriter stdout)
      throws IOException {
    List<String> paths = result.paths();
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("morris.csv"),
            List.of(
                "metric",
                "key",
                "date",
                "parameter",
                "mu",
                "mu_star",
                "sigma",
                "rank",
                "mu_star_low",
                "mu_star_high",
                "mu_star_half"))) {
      for (Sensitivity.MorrisOutput m : result.morris()) {
        SummaryStatistics.Cell c = m.cell();
        heading(stdout, c);
        stdout.printf("  %4s  %-50s %14s %14s %14s%n", "rank", "parameter", "mu*", "mu", "sigma");
        for (int rank = 0; rank < paths.size(); rank++) {
          int i = m.ranking().get(rank);
          Morris.Effect e = m.effects().get(i);
          SensitivityUncertainty.Interval interval = m.muStarIntervals().get(i);
          csv.row(
              c.metric(),
              c.key(),
              c.date().toString(),
              paths.get(i),
              e.mu(),
              e.muStar(),
              e.sigma(),
              rank + 1,
              interval.low(),
              interval.high(),
              m.half().get(i).muStar());
          stdout.printf(
              "  %4d  %-50s %14.6g %14.6g %14.6g%n",
              rank + 1, paths.get(i), e.muStar(), e.mu(), e.sigma());
        }
      }
      csv.commit();
    }
  }

  private static void writeSobol(Sensitivity.Result result, Path out, PrintWriter stdout)
      throws IOException {
    List<String> paths = result.paths();
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("sobol.csv"),
            List.of(
                "metric",
                "key",
                "date",
                "parameter",
                "s1",
                "st",
                "rank",
                "s1_low",
                "s1_high",
                "st_low",
                "st_high",
                "s1_half",
                "st_half"))) {
      for (Sensitivity.SobolOutput s : result.sobol()) {
        SummaryStatistics.Cell c = s.cell();
        heading(stdout, c);
        if (Double.isNaN(s.indices().get(0).st())) {
          stdout.printf("  the output does not vary over the design: indices undefined (NaN)%n");
        }
        stdout.printf("  %4s  %-50s %10s %10s%n", "rank", "parameter", "ST", "S1");
        for (int rank = 0; rank < paths.size(); rank++) {
          int i = s.ranking().get(rank);
          Sobol.Index e = s.indices().get(i);
          SensitivityUncertainty.SobolUncertainty u = s.uncertainty().get(i);
          csv.row(
              c.metric(),
              c.key(),
              c.date().toString(),
              paths.get(i),
              e.s1(),
              e.st(),
              rank + 1,
              u.s1().low(),
              u.s1().high(),
              u.st().low(),
              u.st().high(),
              u.half().s1(),
              u.half().st());
          stdout.printf("  %4d  %-50s %10.4f %10.4f%n", rank + 1, paths.get(i), e.st(), e.s1());
        }
      }
      csv.commit();
    }
  }

  private static void heading(PrintWriter stdout, SummaryStatistics.Cell c) {
    stdout.printf("%n%s %s at %s:%n", c.metric(), c.key().isEmpty() ? "" : c.key(), c.date());
  }
}
