package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polemos.io.experiment.CalibrationSpec;
import org.polemos.io.results.AtomicOutput;
import org.polemos.io.results.Csv;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.abc.AbcSmc;
import org.polemos.sim.experiment.abc.Prior;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;

/**
 * {@code method: abc-smc} of {@code polemos calibrate} (and the calibration step of {@code polemos
 * hindcast}): runs {@link AbcSmc} on the targets, checkpoints every complete generation in {@code
 * DIR/generations} (a resumed run continues after the last one and gives the same files as an
 * uninterrupted run), and writes {@code posterior.csv}, {@code abc-diagnostics.csv}, {@code
 * posterior-summary.csv} and the page {@code posterior.html} (marginal and pairwise plots, the
 * diagnostics).
 *
 * <p>Each simulation runs {@code replications} replications and compares their mean with the
 * figures. Without common random numbers (the default) every simulation has its own streams (a seed
 * derived from the run's seed and the simulation's number), so the posterior reflects the model's
 * noise; with {@code commonRandomNumbers: true} every simulation uses replications 0..n-1 of the
 * run's seed: the distance is then a smooth function of the parameters, which helps when the noise
 * would otherwise hide small effects, at the price of a posterior conditioned on one realisation of
 * the noise.
 */
final class AbcCalibration {
  static final String GENERATIONS = "generations";
  static final String FINGERPRINT = "fingerprint.txt";

  private final CalibrationSpec cal;
  private final TargetRuns runs;
  private final List<String> paths;
  private final List<Prior> priors;

  AbcCalibration(Engine engine, CalibrationSpec cal, List<CalibrationSpec.Target> targets) {
    this.cal = cal;
    this.paths = cal.abc().priors().stream().map(CalibrationSpec.PriorSpec::path).toList();
    this.runs = new TargetRuns(engine, cal.base(), paths, targets);
    this.priors = cal.abc().priors().stream().map(AbcCalibration::prior).toList();
  }

  static Prior prior(CalibrationSpec.PriorSpec p) {
    return switch (p.kind()) {
      case "log-uniform" -> Prior.logUniform(p.min(), p.max());
      case "normal" -> Prior.normal(p.mean(), p.sd(), p.min(), p.max());
      default -> Prior.uniform(p.min(), p.max());
    };
  }

  List<String> paths() {
    return paths;
  }

  TargetRuns runs() {
    return runs;
  }

  /** The distance of one ABC simulation. */
  double distance(double[] values, long simulation) {
    long seed =
        cal.abc().commonRandomNumbers()
            ? cal.seed()
            : TargetRuns.simulationSeed(cal.seed(), simulation);
    double[][] y = runs.run(values, RandomStreams.of(seed), 0, cal.replications());
    return y == null ? Double.POSITIVE_INFINITY : runs.distance(TargetRuns.means(y));
  }

  /** What identifies a run, so --resume refuses generations of a different calibration. */
  String fingerprint() {
    StringBuilder s =
        new StringBuilder("abc-smc seed=" + cal.seed() + " replications=" + cal.replications());
    CalibrationSpec.Abc a = cal.abc();
    s.append(
        String.format(
            Locale.ROOT,
            " population=%d generations=%d quantile=%s minAcceptance=%s crn=%s",
            a.population(),
            a.generations(),
            a.quantile(),
            a.minAcceptance(),
            a.commonRandomNumbers()));
    s.append(" maxSimulations=").append(a.maxSimulations()).append('\n');
    for (CalibrationSpec.PriorSpec p : a.priors()) {
      s.append("prior ")
          .append(p.path())
          .append(' ')
          .append(p.kind())
          .append(' ')
          .append(p.min())
          .append(' ')
          .append(p.max())
          .append(' ')
          .append(p.mean())
          .append(' ')
          .append(p.sd())
          .append('\n');
    }
    for (CalibrationSpec.Target t : runs.targets()) {
      s.append("target ")
          .append(t.figure().quantity())
          .append(' ')
          .append(t.figure().key())
          .append(' ')
          .append(t.figure().dateFrom())
          .append(' ')
          .append(t.figure().dateTo())
          .append(' ')
          .append(t.figure().low())
          .append(' ')
          .append(t.figure().high())
          .append(' ')
          .append(t.metric())
          .append(' ')
          .append(t.metricKey())
          .append(' ')
          .append(t.aggregate())
          .append(' ')
          .append(t.scale())
          .append(' ')
          .append(t.weight())
          .append('\n');
    }
    s.append("base ")
        .append(RunCommand.sha256(new org.polemos.io.scenario.ScenarioWriter().toYaml(cal.base())))
        .append('\n');
    return s.toString();
  }

  /**
   * Runs (or, with {@code resume}, continues) the ABC-SMC in {@code out} and writes the outputs;
   * returns the complete generations (the last one is the posterior).
   */
  List<AbcSmc.Generation> run(
      Path out,
      boolean resume,
      int threads,
      Integer maxSimulations,
      boolean noProgress,
      CommandLine cmd)
      throws IOException {
    PrintWriter err = cmd.getErr();
    Path dir = out.resolve(GENERATIONS);
    List<AbcSmc.Generation> done = new ArrayList<>();
    String fingerprint = fingerprint();
    if (resume) {
      done = readGenerations(dir, fingerprint, cmd);
      if (!noProgress) {
        err.printf(
            "abc-smc: resuming after generation %d (%d complete generation%s kept)%n",
            done.size() - 1, done.size(), done.size() == 1 ? "" : "s");
        err.flush();
      }
    } else {
      Files.createDirectories(dir);
      AtomicOutput.writeString(dir.resolve(FINGERPRINT), fingerprint);
    }
    CalibrationSpec.Abc a = cal.abc();
    AbcSmc abc =
        new AbcSmc(
            priors,
            new AbcSmc.Settings(
                a.population(),
                a.generations(),
                a.quantile(),
                a.minAcceptance(),
                maxSimulations != null ? maxSimulations : a.maxSimulations(),
                cal.seed(),
                threads));
    int[] kept = {done.size()};
    Thread hook =
        new Thread(
            () -> {
              err.printf(
                  "%nabc-smc: interrupted; %d complete generation%s kept in %s; continue with --resume%n",
                  kept[0], kept[0] == 1 ? "" : "s", dir);
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    List<AbcSmc.Generation> generations;
    Progress[] bar = {null};
    try {
      generations =
          abc.run(
              this::distance,
              done,
              new AbcSmc.Listener() {
                @Override
                public void simulated(
                    int generation, double tolerance, long simulations, int accepted) {
                  if (bar[0] == null) {
                    bar[0] =
                        Progress.of(
                            noProgress,
                            String.format(
                                Locale.ROOT,
                                "abc-smc generation %d, tolerance %.4g",
                                generation,
                                tolerance),
                            "accepted",
                            err);
                  }
                  bar[0].replicationDone(accepted, a.population());
                }

                @Override
                public void generationDone(AbcSmc.Generation g) {
                  if (bar[0] != null) {
                    bar[0].close();
                    bar[0] = null;
                  }
                  try {
                    writeGeneration(dir, g);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  kept[0]++;
                  if (Progress.choose(noProgress, System.getenv("CI") != null, true)
                      != Progress.Mode.NONE) {
                    err.printf(
                        Locale.ROOT,
                        "abc-smc: generation %d: tolerance %.4g, acceptance %.1f%% (%d/%d), ESS %.1f%n",
                        g.index(),
                        g.tolerance(),
                        100 * g.acceptanceRate(),
                        g.particles().length,
                        g.considered(),
                        g.effectiveSampleSize());
                    err.flush();
                  }
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (bar[0] != null) {
        bar[0].close();
      }
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    if (generations.isEmpty()) {
      throw new CommandLine.ParameterException(
          cmd,
          "abc-smc: the simulation budget does not cover generation 0 ("
              + a.population()
              + " simulations); raise abc.maxSimulations");
    }
    writeOutputs(out, generations);
    return generations;
  }

  private void writeGeneration(Path dir, AbcSmc.Generation g) throws IOException {
    Path file = dir.resolve(String.format(Locale.ROOT, "gen-%03d.csv", g.index()));
    List<String> header = new ArrayList<>(List.of("weight", "distance"));
    header.addAll(paths);
    try (AtomicOutput output = AtomicOutput.open(file)) {
      var w = output.writer();
      w.write(
          "# generation="
              + g.index()
              + " tolerance="
              + Csv.number(g.tolerance())
              + " simulations="
              + g.simulations()
              + " considered="
              + g.considered()
              + "\n");
      w.write(String.join(",", header.stream().map(Csv::field).toList()) + "\n");
      for (int i = 0; i < g.particles().length; i++) {
        StringBuilder line =
            new StringBuilder(Csv.number(g.weights()[i]))
                .append(',')
                .append(Csv.number(g.distances()[i]));
        for (double v : g.particles()[i]) {
          line.append(',').append(Csv.number(v));
        }
        w.write(line.append('\n').toString());
      }
      output.commit();
    }
  }

  private List<AbcSmc.Generation> readGenerations(Path dir, String fingerprint, CommandLine cmd)
      throws IOException {
    Path fp = dir.resolve(FINGERPRINT);
    if (!Files.isRegularFile(fp)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--resume: "
              + dir.getParent()
              + " holds no ABC run ("
              + GENERATIONS
              + "/"
              + FINGERPRINT
              + " is missing)");
    }
    if (!Files.readString(fp, StandardCharsets.UTF_8).equals(fingerprint)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--resume: "
              + dir.getParent()
              + " was made by a different calibration (file, figures, settings or base scenario changed)");
    }
    try (var stale = Files.list(dir)) {
      for (Path p : stale.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
        Files.deleteIfExists(p);
      }
    }
    List<AbcSmc.Generation> done = new ArrayList<>();
    for (int index = 0; ; index++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "gen-%03d.csv", index));
      if (!Files.isRegularFile(file)) {
        break;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      java.util.Map<String, String> meta = new java.util.HashMap<>();
      for (String part : lines.get(0).substring(2).split(" ")) {
        String[] kv = part.split("=", 2);
        meta.put(kv[0], kv[1]);
      }
      int n = lines.size() - 2;
      double[] weights = new double[n];
      double[] distances = new double[n];
      double[][] particles = new double[n][paths.size()];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 2).split(",");
        weights[i] = Double.parseDouble(f[0]);
        distances[i] = Double.parseDouble(f[1]);
        for (int c = 0; c < paths.size(); c++) {
          particles[i][c] = Double.parseDouble(f[2 + c]);
        }
      }
      String tol = meta.get("tolerance");
      done.add(
          new AbcSmc.Generation(
              index,
              tol.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(tol),
              Long.parseLong(meta.get("simulations")),
              Long.parseLong(meta.get("considered")),
              particles,
              weights,
              distances));
    }
    return done;
  }

  private void writeOutputs(Path out, List<AbcSmc.Generation> generations) throws IOException {
    AbcSmc.Generation last = generations.get(generations.size() - 1);
    List<String> header = new ArrayList<>(List.of("weight"));
    header.addAll(paths);
    try (TableCsvWriter csv = new TableCsvWriter(out.resolve("posterior.csv"), header)) {
      for (int i = 0; i < last.particles().length; i++) {
        Object[] row = new Object[header.size()];
        row[0] = last.weights()[i];
        for (int c = 0; c < paths.size(); c++) {
          row[1 + c] = last.particles()[i][c];
        }
        csv.row(row);
      }
      csv.commit();
    }
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("abc-diagnostics.csv"),
            List.of(
                "generation",
                "tolerance",
                "simulations",
                "accepted",
                "considered",
                "acceptance_rate",
                "ess"))) {
      for (AbcSmc.Generation g : generations) {
        csv.row(
            g.index(),
            g.tolerance(),
            g.simulations(),
            g.particles().length,
            g.considered(),
            g.acceptanceRate(),
            g.effectiveSampleSize());
      }
      csv.commit();
    }
    try (TableCsvWriter csv =
        new TableCsvWriter(
            out.resolve("posterior-summary.csv"),
            List.of(
                "path", "prior", "prior_low", "prior_high", "mean", "sd", "p05", "p50", "p95"))) {
      for (int c = 0; c < paths.size(); c++) {
        double[] v = column(last, c);
        double mean = 0;
        for (int i = 0; i < v.length; i++) {
          mean += last.weights()[i] * v[i];
        }
        double var = 0;
        for (int i = 0; i < v.length; i++) {
          var += last.weights()[i] * (v[i] - mean) * (v[i] - mean);
        }
        Prior p = priors.get(c);
        csv.row(
            paths.get(c),
            p.kind().code(),
            p.boxLow(),
            p.boxHigh(),
            mean,
            Math.sqrt(var),
            AbcSmc.weightedQuantile(v, last.weights(), 0.05),
            AbcSmc.weightedQuantile(v, last.weights(), 0.5),
            AbcSmc.weightedQuantile(v, last.weights(), 0.95));
      }
      csv.commit();
    }
    org.polemos.io.report.PosteriorPage.write(
        out, out.resolve(org.polemos.io.report.PosteriorPage.FILE));
  }

  static double[] column(AbcSmc.Generation g, int c) {
    double[] v = new double[g.particles().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = g.particles()[i][c];
    }
    return v;
  }

  /** Prints the posterior summary. */
  void print(
      PrintWriter out, List<AbcSmc.Generation> generations, double seconds, Path dir, String file) {
    AbcSmc.Generation last = generations.get(generations.size() - 1);
    long sims = generations.stream().mapToLong(AbcSmc.Generation::simulations).sum();
    out.printf(
        Locale.ROOT,
        "%s: abc-smc, %d generations, %d simulations x %d replications, seed %d, %.1f s -> %s%n",
        file,
        generations.size(),
        sims,
        cal.replications(),
        cal.seed(),
        seconds,
        dir);
    out.printf(
        Locale.ROOT,
        "Final tolerance %.4g, acceptance %.1f%%, ESS %.1f of %d particles. Posterior:%n",
        last.tolerance(),
        100 * last.acceptanceRate(),
        last.effectiveSampleSize(),
        last.particles().length);
    out.printf("  %-50s %14s %14s %14s%n", "path", "p05", "p50", "p95");
    for (int c = 0; c < paths.size(); c++) {
      double[] v = column(last, c);
      out.printf(
          Locale.ROOT,
          "  %-50s %14.6g %14.6g %14.6g%n",
          paths.get(c),
          AbcSmc.weightedQuantile(v, last.weights(), 0.05),
          AbcSmc.weightedQuantile(v, last.weights(), 0.5),
          AbcSmc.weightedQuantile(v, last.weights(), 0.95));
    }
  }
}
