package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.io.report.ReportBuilder;
import org.polemos.io.results.EventLogWriter;
import org.polemos.io.results.ParquetSeriesWriter;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvWriter;
import org.polemos.io.results.SeriesWriter;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.scenario.ScenarioReader;
import org.polemos.io.scenario.ScenarioWriter;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Replications;
import org.polemos.sim.experiment.SummaryStatistics;
import org.polemos.sim.random.RandomStreams;
import org.polemos.sim.shard.ReplicationSource;
import picocli.CommandLine;

/**
 * Runs the replications of {@code polemos run} and writes its run directory (docs/OUTPUTS.md): the
 * tables, scenario.yaml, posterior-draws.csv, manifest.json (after every table it lists) and
 * report.html (after the manifest, which it shows); then prints the summary.
 */
final class RunWriter {

  /**
   * What the options decided: {@code keep} replications of series rows, the table formats, whether
   * to write the report (with {@code observed} overlaid, may be null), and the command line for the
   * manifest.
   */
  record Settings(
      int replications, int keep, int workers, RunTableOptions tables, List<String> commandLine) {
    boolean csv() {
      return tables.csv();
    }

    boolean parquet() {
      return tables.parquet();
    }

    boolean noReport() {
      return tables.noReport;
    }

    Path observed() {
      return tables.observed;
    }
  }

  private RunWriter() {}

  /**
   * Runs {@code scenario} (each replication with its own parameter set when {@code draws} is not
   * null) from {@code source} into {@code dir}; {@code shown}: the directory named on standard
   * output.
   */
  static int write(
      Engine engine,
      ReplicationSource source,
      Scenario scenario,
      PosteriorRuns draws,
      long runSeed,
      Settings s,
      Path dir,
      Path shown,
      ProgressOption progressOption,
      CommandLine cmd)
      throws IOException {
    PrintWriter stdout = cmd.getOut();
    String startedAt = Instant.now().toString();
    long t0 = System.nanoTime();
    String scenarioYaml = new ScenarioWriter().toYaml(scenario);
    RunSummaryTable summary = new RunSummaryTable(scenario);
    SummaryStatistics statistics = new SummaryStatistics();
    try (SeriesWriter seriesCsv = s.csv() ? new SeriesCsvWriter(dir.resolve("series.csv")) : null;
        SeriesWriter seriesParquet =
            s.parquet() ? new ParquetSeriesWriter(dir.resolve("series.parquet")) : null;
        EventLogWriter events = new EventLogWriter(dir.resolve("events.ndjson"));
        Progress progress = progressOption.progress(scenario.id(), "replications", cmd)) {
      RunTablesSink sink =
          new RunTablesSink(seriesCsv, seriesParquet, events, s.keep(), summary, statistics);
      if (draws != null) {
        new Replications(engine)
            .run(
                draws::scenario,
                RandomStreams.of(runSeed),
                0,
                s.replications(),
                s.workers(),
                sink,
                progress);
      } else {
        source.run(
            0,
            scenario,
            RandomStreams.of(runSeed),
            0,
            s.replications(),
            s.workers(),
            sink,
            progress);
      }
      sink.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Experiments.writeSummary(statistics, dir.resolve("summary.csv"));
    if (s.parquet()) {
      Experiments.writeSummaryParquet(statistics, dir.resolve("summary.parquet"));
    }
    new ScenarioWriter().write(scenario, dir.resolve("scenario.yaml"));
    if (draws != null) {
      draws.write(dir.resolve(PosteriorRuns.DRAWS));
    }
    boolean edited = ScenarioArgument.edited(scenario);
    BuildInfo build = BuildInfo.current();
    new RunManifest(
            scenario.id(),
            RunCommand.sha256(scenarioYaml),
            runSeed,
            s.replications(),
            s.workers(),
            Version.VERSION,
            s.commandLine(),
            startedAt,
            files(s, draws != null),
            build.gitCommit,
            build.codeSha256,
            System.getProperty("java.version"),
            (System.nanoTime() - t0) / 1e9,
            edited)
        .write(dir.resolve("manifest.json"));
    if (!s.noReport()) {
      // After the manifest: the report shows it.
      ReportBuilder.forRun(dir).observed(s.observed()).out(dir.resolve("report.html")).build();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    stdout.printf(
        "%s%s: %d replication%s, seed %d, %.1f s -> %s%n",
        scenario.id(),
        edited ? " (edited: differs from the bundled " + scenario.id() + ")" : "",
        s.replications(),
        s.replications() == 1 ? "" : "s",
        runSeed,
        seconds,
        shown);
    summary.print(stdout, s.replications());
    stdout.flush();
    return ExitCodes.OK;
  }

  /** The manifest's files: role to file name, in the order the run lists them. */
  private static Map<String, String> files(Settings s, boolean posteriorDraws) {
    Map<String, String> files = new LinkedHashMap<>();
    if (s.csv()) {
      files.put("series", "series.csv");
    }
    if (s.parquet()) {
      files.put("seriesParquet", "series.parquet");
      files.put("summaryParquet", "summary.parquet");
    }
    files.put("summary", "summary.csv");
    files.put("events", "events.ndjson");
    files.put("scenario", "scenario.yaml");
    if (posteriorDraws) {
      files.put("posteriorDraws", PosteriorRuns.DRAWS);
    }
    if (!s.noReport()) {
      files.put("report", "report.html");
    }
    return files;
  }

  /**
   * Refuses, before the run, a scenario whose canonical YAML (the run's scenario.yaml) would be
   * larger than a scenario file may be, so that every run directory can be read back by {@code
   * report} and {@code run}.
   */
  static void requireReadableBack(Scenario scenario) {
    long bytes = new ScenarioWriter().toYaml(scenario).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > ScenarioReader.MAX_BYTES) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  "",
                  0,
                  0,
                  "",
                  "the scenario written to scenario.yaml would be "
                      + bytes
                      + " bytes, over the limit of "
                      + ScenarioReader.MAX_BYTES
                      + " bytes for scenario files; shorten its texts")));
    }
  }
}
