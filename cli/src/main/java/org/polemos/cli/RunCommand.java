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
import org.polemos.io.results.EventLogWriter;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvWriter;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polemos run}: runs replications of a scenario and writes a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Runs replications of a scenario and writes a run directory:",
        "  series.csv     tidy rows replication,date,metric,key,value (docs/OUTPUTS.md)",
        "  events.ndjson  discrete changes: control of regions, corridors, interventions",
        "  scenario.yaml  the exact scenario run (with the run's seed)",
        "  manifest.json  scenario id and hash, seed, replications, version, command",
        "then prints a short summary. Output does not depend on --threads."},
    footer = {"", "Exit status: 0 done; 1 invalid scenario file; 2 usage error; 3 unexpected failure.",
        "", "Examples:",
        "  polemos run                                  # levant-2014, one replication",
        "  polemos run minimal --replications 100 --threads 2 --out runs/minimal",
        "  polemos run my-scenario.yaml --seed 7", ""})
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "A scenario file (.yaml/.yml/.json) or a bundled scenario id (see 'polemos scenarios'). "
          + "Default: " + ScenarioArgument.DEFAULT_ID + ".")
  String scenarioArgument = ScenarioArgument.DEFAULT_ID;

  @Option(names = "--seed", paramLabel = "S", description = "Run seed. Default: the scenario's seed.")
  Long seed;

  @Option(names = {"-n", "--replications"}, paramLabel = "N", defaultValue = "1",
      description = "Number of replications (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = {"-t", "--threads"}, paramLabel = "T",
      description = "Worker threads. Default: the number of processors, at most N.")
  Integer threads;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Run directory; must not exist or be empty. Default: runs/<scenario>-<timestamp>.")
  Path out;

  @Option(names = "--no-progress", description = "No progress output (also off when the CI variable is set).")
  boolean noProgress;

  private final Engine engine;

  @Inject
  RunCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (replications < 1) {
      throw new CommandLine.ParameterException(cmd, "--replications must be at least 1, was " + replications);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(cmd, "--threads must be at least 1, was " + threads);
    }
    Scenario loaded = ScenarioArgument.load(scenarioArgument, cmd);
    long runSeed = seed != null ? seed : loaded.seed();
    Scenario scenario = loaded.with("seed", runSeed);
    int workers = threads != null ? threads : Math.max(1, Math.min(replications,
        Runtime.getRuntime().availableProcessors()));
    Path dir = out != null ? out : Path.of("runs", scenario.id() + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    prepare(dir, cmd);

    PrintWriter stdout = cmd.getOut();
    String startedAt = Instant.now().toString();
    long t0 = System.nanoTime();
    String scenarioYaml = new ScenarioWriter().toYaml(scenario);
    RunSummaryTable summary = new RunSummaryTable(scenario);
    try (SeriesCsvWriter series = new SeriesCsvWriter(dir.resolve("series.csv"));
         EventLogWriter events = new EventLogWriter(dir.resolve("events.ndjson"));
         Progress progress = Progress.of(noProgress, scenario.id(), "replications", cmd.getErr())) {
      RunListener sink = new RunListener() {
        @Override
        public void series(int replication, java.time.LocalDate date, String metric, String key, double value) {
          summary.series(date, metric, key, value);
          try {
            series.row(replication, date, metric, key, value);
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
      new Replications(engine).run(scenario, RandomStreams.of(runSeed), 0, replications, workers, sink, progress);
      series.commit();
      events.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    new ScenarioWriter().write(scenario, dir.resolve("scenario.yaml"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("series", "series.csv");
    files.put("events", "events.ndjson");
    files.put("scenario", "scenario.yaml");
    new RunManifest(scenario.id(), sha256(scenarioYaml), runSeed, replications, workers, Version.VERSION,
        commandLine(), startedAt, files).write(dir.resolve("manifest.json"));
    double seconds = (System.nanoTime() - t0) / 1e9;

    stdout.printf("%s: %d replication%s, seed %d, %.1f s -> %s%n", scenario.id(), replications,
        replications == 1 ? "" : "s", runSeed, seconds, dir);
    summary.print(stdout, replications);
    stdout.flush();
    return ExitCodes.OK;
  }

  /** Creates the run directory; refuses one that holds files, so two runs never mix. */
  private static void prepare(Path dir, CommandLine cmd) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new CommandLine.ParameterException(cmd, "--out " + dir + ": exists and is not a directory");
      }
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(cmd,
              "--out " + dir + ": directory is not empty; choose another or remove it");
        }
      }
    }
    Files.createDirectories(dir);
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
