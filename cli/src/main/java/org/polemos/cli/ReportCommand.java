package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.report.ExperimentPage;
import org.polemos.io.report.ReportBuilder;
import org.polemos.io.report.ReportException;
import org.polemos.io.results.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polemos report DIR}: writes {@code report.html} for a run directory. */
@Command(
    name = "report",
    header = "Write the self-contained HTML report of a run directory.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Writes one offline HTML page (report.html) for a run directory: interactive charts (hover, "
          + "toggle, zoom, SVG/PNG/CSV export) of territory, fighters, deaths, foreign arrivals and inflow, returnees, "
          + "revenue, treasury, operations abroad and momentum (mean and 5-95%% band over replications), a map of "
          + "control with a time slider, one timeline of the scenario's interventions, its known limitations, observed "
          + "figures, the control changes of the first replication and the run's manifest. A directory without "
          + "manifest.json (an unfinished run) is refused.",
      "For the output directory of a sweep, sensitivity study or calibration, writes its experiment page instead "
          + "(response curves, Morris or Sobol plots, loss curve and fit; for ABC-SMC the posterior page).",
      "Public figures: --figures FILE, or those named by the scenario's presentation (levant-2014: the bundled "
          + "table)."
    },
    footer = {
      "",
      "Exit status: 0 written; 1 missing or unreadable input (with the file and line); 2 usage error.",
      "",
      "Examples:",
      "  polemos report runs/levant-2014-20260101T120000",
      "  polemos report runs/r1 --observed observed.csv --out /tmp/r1.html",
      ""
    })
public final class ReportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description =
          "Run directory written by 'polemos run', or an " + "experiment's output directory.")
  Path directory;

  @Option(
      names = "--observed",
      paramLabel = "FILE",
      description =
          "Observed series to overlay, in the tidy layout replication,date,metric,key,value "
              + "(matched to the simulated series by metric and key).")
  Path observed;

  @Option(
      names = "--figures",
      paramLabel = "FILE",
      description =
          "Public figures (date_from,date_to,quantity,key,unit,low,high,source). Default: those of the "
              + "scenario's presentation (levant-2014: the bundled table).")
  Path figures;

  @Option(
      names = "--no-figures",
      description = "Do not overlay public figures, not even the bundled ones.")
  boolean noFigures;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file. Default: DIR/report.html.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      // Only a finished run is reported; the output directory of a sweep, sensitivity study or
      // calibration gets
      // its experiment page. The report never overwrites what it reads.
      List<Path> inputs = new ArrayList<>();
      if (!Files.isRegularFile(directory.resolve("series.csv"))
          && ExperimentPage.isExperiment(directory)) {
        try (var entries = Files.list(directory)) {
          entries.filter(p -> !p.getFileName().toString().endsWith(".html")).forEach(inputs::add);
        }
      } else {
        RunManifest manifest = RunDirectory.requireComplete(directory);
        inputs.addAll(RunDirectory.inputs(directory, manifest));
        inputs.remove(directory.resolve("report.html"));
        inputs.add(directory.resolve("series.csv"));
        inputs.add(directory.resolve("summary.csv"));
      }
      inputs.add(observed);
      inputs.add(figures);
      Outputs.requireNotInput("--out", out, spec.commandLine(), inputs);
      ReportBuilder builder =
          ReportBuilder.forRun(directory).observed(observed).figures(figures).out(out);
      if (noFigures) {
        builder.noFigures();
      }
      Path written = builder.build();
      spec.commandLine().getOut().println(written);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } catch (ReportException | RunDirectory.Unfinished e) {
      return fail(e.getMessage(), ExitCodes.INVALID_INPUT);
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (IOException e) {
      return fail(ErrorHandlers.describe(e), ExitCodes.INVALID_INPUT);
    } catch (RuntimeException e) {
      return fail(ErrorHandlers.describe(e), ExitCodes.FAILURE);
    }
  }

  private int fail(String message, int status) {
    String line = ErrorHandlers.oneLine(message);
    spec.commandLine().getErr().println("polemos report: " + line);
    spec.commandLine().getErr().flush();
    return status;
  }
}
