package org.polemos.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
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

  @Mixin ThreadsOption threadsOption = new ThreadsOption();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Run directory; must not exist or be empty. Default: runs/<scenario>-<timestamp>.")
  Path out;

  @Mixin SetOption setOption = new SetOption();
  @Mixin RunTableOptions tables = new RunTableOptions();

  @Mixin ProgressOption progressOption = new ProgressOption();

  @Option(
      names = "--posterior",
      paramLabel = "FILE",
      description =
          "A posterior (or prior) sample, weight,<path>,... (posterior.csv of 'polemos calibrate' with "
              + "method: abc-smc): each replication runs one parameter set drawn by weight, so the summary combines "
              + "parametric and stochastic uncertainty; posterior-draws.csv records which.")
  Path posterior;

  private final Engine engine;

  @Inject
  RunCommand(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    int keep = tables.keep(replications, cmd);
    // Every input is checked before the simulation starts, not after it.
    tables.checkObserved(cmd);
    if (out != null) {
      Outputs.requireNotInput(
          "--out", out, cmd, tables.observed == null ? List.of() : List.of(tables.observed));
    }
    Scenario loaded = setOption.apply(ScenarioArgument.load(scenarioArgument, cmd), cmd);
    long runSeed = seed != null ? seed : loaded.seed();
    Scenario scenario = loaded.with("seed", runSeed);
    RunWriter.requireReadableBack(scenario);
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
    int workers = threadsOption.workers(replications, cmd);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = shardOption.out(out != null ? out : Path.of("runs", scenario.id() + "-" + stamp));
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
    List<String> commandLine = new ArrayList<>(List.of("polemos"));
    commandLine.addAll(cmd.getParseResult().originalArgs());
    var settings = new RunWriter.Settings(replications, keep, workers, tables, commandLine);
    Path shown = shardOption.merge != null ? out : dir;
    var source = shardOption.source(engine);
    return RunDirectoryClaim.run(
        dir,
        cmd,
        () ->
            RunWriter.write(
                engine,
                source,
                scenario,
                draws,
                runSeed,
                settings,
                dir,
                shown,
                progressOption,
                cmd));
  }

  @Override
  public ShardOption shardOption() {
    return shardOption;
  }

  /** The hex SHA-256 of {@code text}'s UTF-8 bytes (scenario and experiment hashes). */
  static String sha256(String text) {
    return Sha256.hex(text);
  }
}
