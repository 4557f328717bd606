package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polemos.io.report.ReportBuilder;
import org.polemos.io.results.EventLogWriter;
import org.polemos.io.results.ParquetSeriesWriter;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvWriter;
import org.polemos.io.results.SeriesWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.experiment.SummaryStatistics;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polemos run}: runs replications of a scenario and writes a run directory. */
@Command(
    name = "run",
    header = "Run replications of a scenario and write a run directory.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs replications of a scenario and writes a run directory:",
      "  series.csv     tidy rows replication,date,metric,key,value (docs/OUTPUTS.md);",
      "                 the first K replications only (--keep-series)",
      "  summary.csv    per date,metric,key across all replications: n, mean, sd, 95%% t interval,",
      "                 5/50/95%% quantiles (docs/EXPERIMENTS.md)",
      "  events.ndjson  discrete changes: control of regions, corridors, interventions",
      "  scenario.yaml  the exact scenario run (with the run's seed)",
      "  manifest.json  scenario id and hash, seed, replications, version, command",
      "  report.html    charts of the run, one self-contained page (unless --no-report)",
      "  series.parquet, summary.parquet  the same tables typed, with --format csv,parquet",
      "  posterior-draws.csv  with --posterior: the parameter set each replication used",
      "then prints a short summary. Output does not depend on --threads."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 invalid scenario file; 2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos run                                  # levant-2014, one replication",
      "  polemos run minimal --replications 100 --threads 2 --out runs/minimal",
      "  polemos run my-scenario.yaml --seed 7",
      "  polemos run minimal -n 1000 --keep-series 20 --out runs/big",
      "  polemos run minimal -n 50 --set corridors.tal-abyad.interdiction=0.6 --out runs/tighter",
      ""
    })
final class RunCommand implements Callable<Integer>, ShardOption.Sharded {

  @Spec CommandSpec spec;

  @Mixin ShardOption shardOption = new ShardOption();

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description =
          "A scenario file (.yaml/.yml/.json) or a bundled scenario id (see 'polemos scenarios'). "
              + "Default: "
              + ScenarioArgument.DEFAULT_ID
              + ".")
  String scenarioArgument = ScenarioArgument.DEFAULT_ID;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Run seed. Default: the scenario's seed.")
  Long seed;

  @Option(
      names = {"-n", "--replications"},
      paramLabel = "N",
      defaultValue = "1",
      description = "Number of replications (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description =
          "Worker threads, at most N and the number of processors (at least 2). Default: the number "
              + "of processors, at most N.")
  Integer threads;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Run directory; must not exist or be empty. Default: runs/<scenario>-<timestamp>.")
  Path out;

  @Option(
      names = "--keep-series",
      paramLabel = "K",
      description =
          "Write series.csv rows for the first K replications only (summary.csv always covers all). "
              + "Default: all when N <= 100, else 100.")
  Integer keepSeries;

  @Mixin SetOption setOption = new SetOption();

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description =
          "Formats of the series and summary tables: csv, parquet, or both (csv,parquet). "
              + "summary.csv is always written (the report and compare read it). Default: ${DEFAULT-VALUE}.")
  List<TableFormat> formats;

  @Option(names = "--no-report", description = "Do not write report.html (see 'polemos report').")
  boolean noReport;

  @Option(
      names = "--observed",
      paramLabel = "FILE",
      description =
          "Observed series (replication,date,metric,key,value; e.g. from 'polemos import') to overlay "
              + "in the report.")
  Path observed;

  @Mixin ProgressOption progressOption = new ProgressOption();

  @Option(
      names = "--posterior",
      paramLabel = "FILE",
      description =
          "A posterior (or prior) sample, weight,<path>,... (posterior.csv of 'polemos calibrate' with "
              + "method: abc-smc): each replication runs one parameter set drawn by weight, so the summary combines "
              + "parametric and stochastic uncertainty; posterior-draws.csv records which.")
  Path posterior;

  /** Table formats a run can write. */
  enum TableFormat {
    csv,
    parquet
  }

  private final Engine engine;

  @Inject
  RunCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (replications < 1) {
      throw new CommandLine.ParameterException(
          cmd, "--replications must be at least 1, was " + replications);
    }
    if (keepSeries != null && keepSeries < 0) {
      throw new CommandLine.ParameterException(
          cmd, "--keep-series must be at least 0, was " + keepSeries);
    }
    int keep = keepSeries != null ? keepSeries : Math.min(replications, 100);
    boolean csv = formats.contains(TableFormat.csv);
    boolean parquet = formats.contains(TableFormat.parquet);
    if (!noReport && !csv) {
      throw new CommandLine.ParameterException(
          cmd,
          "--format "
              + formatsText()
              + ": the report is drawn from"
              + " series.csv; use --format csv,parquet, or add --no-report");
    }
    if (!noReport && keep == 0) {
      throw new CommandLine.ParameterException(
          cmd,
          "--keep-series 0 keeps no series rows, and the report is drawn"
              + " from them; keep at least 1, or add --no-report");
    }
    // Every input is checked before the simulation starts, not after it.
    checkObserved(cmd);
    if (out != null) {
      Outputs.requireNotInput("--out", out, cmd, observed == null ? List.of() : List.of(observed));
    }
    Scenario loaded = setOption.apply(ScenarioArgument.load(scenarioArgument, cmd), cmd);
    long runSeed = seed != null ? seed : loaded.seed();
    Scenario scenario = loaded.with("seed", runSeed);
    requireReadableBack(scenario);
    PosteriorRuns draws =
        posterior == null
            ? null
            : PosteriorRuns.of(posterior, scenario, runSeed, replications, cmd);
    if (draws != null && shardOption.sharding()) {
      throw new CommandLine.ParameterException(
          cmd,
          "--posterior cannot be combined with --shard or merge yet: run"
              + " the posterior replications in one process");
    }
    int workers = Experiments.threads(threads, replications, cmd);
    Path dir =
        shardOption.out(
            out != null
                ? out
                : Path.of(
                    "runs",
                    scenario.id()
                        + "-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    String scenarioSha = sha256(new ScenarioWriter().toYaml(scenario));
    shardOption.verify("run", scenarioSha, "", runSeed);
    if (shardOption.sharding()) {
      return shardOption.writeShard(
          cmd,
          engine,
          "run",
          scenarioSha,
          "",
          runSeed,
          1,
          replications,
          p -> scenario,
          metric -> true,
          workers,
          dir,
          progressOption.noProgress);
    }
    boolean created = !Files.exists(dir);
    boolean finished = false;
    try (OutputDirectory claimed = OutputDirectory.claimEmpty(dir, cmd)) {
      // On SIGINT/SIGTERM the temporary files go (AtomicOutput), and so do the outputs this run
      // already finished:
      // the directory was empty, so an interrupted run leaves it empty (or removes it if the run
      // created it).
      var cleanup =
          org.polemos.io.results.InterruptCleanup.onInterrupt(() -> removeOutputs(dir, created));
      try {
        int status = run(scenario, draws, runSeed, keep, workers, dir, csv, parquet, cmd);
        finished = true;
        return status;
      } finally {
        cleanup.close();
      }
    } finally {
      // Every file is atomic, so a failed run leaves none; do not leave the empty directory either
      // (checked once
      // the lock is released).
      if (!finished && created && Files.isDirectory(dir)) {
        Experiments.deleteIfEmpty(dir);
      }
    }
  }

  /**
   * Refuses, before the run, a scenario whose canonical YAML (the run's scenario.yaml) would be
   * larger than a scenario file may be, so that every run directory can be read back by {@code
   * report} and {@code run}.
   */
  static void requireReadableBack(Scenario scenario) {
    long bytes = new ScenarioWriter().toYaml(scenario).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > org.polemos.io.scenario.ScenarioReader.MAX_BYTES) {
      throw new org.polemos.io.scenario.ScenarioFileException(
          List.of(
              new org.polemos.io.scenario.Diagnostic(
                  "",
                  0,
                  0,
                  "",
                  "the scenario written to scenario.yaml would be "
                      + bytes
                      + " bytes, over the limit of "
                      + org.polemos.io.scenario.ScenarioReader.MAX_BYTES
                      + " bytes for scenario files; shorten its texts")));
    }
  }

  private String formatsText() {
    List<String> names = new ArrayList<>();
    formats.forEach(f -> names.add(f.name()));
    return String.join(",", names);
  }

  /**
   * Reads the --observed file before the run, so a bad one is reported before hours of simulation.
   */
  private void checkObserved(CommandLine cmd) throws IOException {
    if (observed == null) {
      return;
    }
    if (!Files.isRegularFile(observed)) {
      throw new CommandLine.ParameterException(cmd, "--observed " + observed + ": no such file");
    }
    try {
      org.polemos.io.report.ObservedFile.read(observed);
    } catch (org.polemos.io.report.ReportException e) {
      throw org.polemos.io.InputFileException.of("", "--observed: " + e.getMessage());
    }
  }

  /** The files a run writes, removed from its directory when the run is interrupted. */
  private static final List<String> OUTPUTS =
      List.of(
          "series.csv",
          "series.parquet",
          "summary.csv",
          "summary.parquet",
          "events.ndjson",
          "scenario.yaml",
          "manifest.json",
          "report.html",
          OutputDirectory.LOCK);

  private static void removeOutputs(Path dir, boolean created) {
    try {
      for (String name : OUTPUTS) {
        Files.deleteIfExists(dir.resolve(name));
      }
      if (created) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      // best effort on the way out; a non-empty directory is named by the next run's error
    }
  }

  private int run(
      Scenario scenario,
      PosteriorRuns draws,
      long runSeed,
      int keep,
      int workers,
      Path dir,
      boolean csv,
      boolean parquet,
      CommandLine cmd)
      throws IOException {
    PrintWriter stdout = cmd.getOut();
    String startedAt = Instant.now().toString();
    long t0 = System.nanoTime();
    String scenarioYaml = new ScenarioWriter().toYaml(scenario);
    RunSummaryTable summary = new RunSummaryTable(scenario);
    SummaryStatistics statistics = new SummaryStatistics();
    try (SeriesWriter seriesCsv = csv ? new SeriesCsvWriter(dir.resolve("series.csv")) : null;
        SeriesWriter seriesParquet =
            parquet ? new ParquetSeriesWriter(dir.resolve("series.parquet")) : null;
        EventLogWriter events = new EventLogWriter(dir.resolve("events.ndjson"));
        Progress progress = progressOption.progress(scenario.id(), "replications", cmd)) {
      RunListener sink =
          new RunListener() {
            @Override
            public void series(
                int replication,
                java.time.LocalDate date,
                String metric,
                String key,
                double value) {
              summary.series(date, metric, key, value);
              statistics.series(replication, date, metric, key, value);
              if (replication >= keep) {
                return;
              }
              try {
                if (seriesCsv != null) {
                  seriesCsv.row(replication, date, metric, key, value);
                }
                if (seriesParquet != null) {
                  seriesParquet.row(replication, date, metric, key, value);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void event(EventRecord event) {
              try {
                events.event(event);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          };
      if (draws != null) {
        new Replications(engine)
            .run(
                draws::scenario,
                RandomStreams.of(runSeed),
                0,
                replications,
                workers,
                sink,
                progress);
      } else {
        shardOption
            .source(engine)
            .run(0, scenario, RandomStreams.of(runSeed), 0, replications, workers, sink, progress);
      }
      if (seriesCsv != null) {
        seriesCsv.commit();
      }
      if (seriesParquet != null) {
        seriesParquet.commit();
      }
      events.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Experiments.writeSummary(statistics, dir.resolve("summary.csv"));
    if (parquet) {
      Experiments.writeSummaryParquet(statistics, dir.resolve("summary.parquet"));
    }
    new ScenarioWriter().write(scenario, dir.resolve("scenario.yaml"));
    if (draws != null) {
      draws.write(dir.resolve(PosteriorRuns.DRAWS));
    }
    Map<String, String> files = new LinkedHashMap<>();
    if (csv) {
      files.put("series", "series.csv");
    }
    if (parquet) {
      files.put("seriesParquet", "series.parquet");
      files.put("summaryParquet", "summary.parquet");
    }
    files.put("summary", "summary.csv");
    files.put("events", "events.ndjson");
    files.put("scenario", "scenario.yaml");
    if (draws != null) {
      files.put("posteriorDraws", PosteriorRuns.DRAWS);
    }
    if (!noReport) {
      files.put("report", "report.html");
    }
    boolean edited = ScenarioArgument.edited(scenario);
    BuildInfo build = BuildInfo.current();
    new RunManifest(
            scenario.id(),
            sha256(scenarioYaml),
            runSeed,
            replications,
            workers,
            Version.VERSION,
            commandLine(),
            startedAt,
            files,
            build.gitCommit,
            build.codeSha256,
            System.getProperty("java.version"),
            (System.nanoTime() - t0) / 1e9,
            edited)
        .write(dir.resolve("manifest.json"));
    if (!noReport) {
      // After the manifest: the report shows it.
      ReportBuilder.forRun(dir).observed(observed).out(dir.resolve("report.html")).build();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    stdout.printf(
        "%s%s: %d replication%s, seed %d, %.1f s -> %s%n",
        scenario.id(),
        edited ? " (edited: differs from the bundled " + scenario.id() + ")" : "",
        replications,
        replications == 1 ? "" : "s",
        runSeed,
        seconds,
        shardOption.merge != null ? out : dir);
    summary.print(stdout, replications);
    stdout.flush();
    return ExitCodes.OK;
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }

  private List<String> commandLine() {
    List<String> args = new ArrayList<>();
    args.add("polemos");
    args.addAll(spec.commandLine().getParseResult().originalArgs());
    return args;
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
