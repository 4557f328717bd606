package org.polemos.io.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.polemos.io.csv.CsvException;
import org.polemos.io.figures.PublicFigure;
import org.polemos.io.figures.PublicFiguresReader;
import org.polemos.io.results.AtomicOutput;
import org.polemos.io.scenario.ScenarioFileException;

/**
 * Builds {@code report.html} for a run directory:
 *
 * <pre>{@code
 * Path page = ReportBuilder.forRun(dir).observed(file).figures(file).build();
 * }</pre>
 *
 * Charts: {@link ChartCatalogue#all()}. Presentation (colours, organisation, public figures,
 * limitations, map geometry): {@link Presentation#forRun}. Public figures: those of {@link
 * #figures(Path)} when given, otherwise those the presentation names (unless {@link #noFigures()}).
 * Whether a run directory is finished is the command line's rule (cli {@code RunDirectory}). The
 * output directory of a sweep, sensitivity study or calibration gets its {@link ExperimentPage}
 * instead.
 */
public final class ReportBuilder {
  private final Path directory;
  private Path observed;
  private Path figures;
  private boolean presentationFigures = true;
  private Path out;

  private ReportBuilder(Path directory) {
    this.directory = directory;
  }

  /** A report of the run directory {@code directory}. */
  public static ReportBuilder forRun(Path directory) {
    return new ReportBuilder(directory);
  }

  /** An observed-series file in the tidy layout (see {@link ObservedFile}); null for none. */
  public ReportBuilder observed(Path file) {
    this.observed = file;
    return this;
  }

  /**
   * A public-figures file ({@code date_from,date_to,quantity,key,unit,low,high,source}); null for
   * the default.
   */
  public ReportBuilder figures(Path file) {
    this.figures = file;
    return this;
  }

  /** No public figures, not even those of the scenario's presentation. */
  public ReportBuilder noFigures() {
    this.presentationFigures = false;
    return this;
  }

  /** Where to write the page; default {@code report.html} in the run directory. */
  public ReportBuilder out(Path file) {
    this.out = file;
    return this;
  }

  /** Reads the inputs and renders the page without writing it. */
  public String render() throws IOException {
    try {
      return renderChecked();
    } catch (CsvException e) {
      throw new ReportException(e.getMessage(), e);
    } catch (ScenarioFileException e) {
      throw new ReportException(e.diagnostics().get(0).toString(), e);
    }
  }

  private String renderChecked() throws IOException {
    if (!Files.isRegularFile(directory.resolve("series.csv"))
        && ExperimentPage.isExperiment(directory)) {
      return ExperimentPage.render(directory);
    }
    List<ObservedPoint> points = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (observed != null) {
      points.addAll(ObservedFile.read(observed));
      sources.add(observed.getFileName() + " (" + points.size() + " points)");
    }
    List<ChartSpec> catalogue = ChartCatalogue.all();
    Set<String> metrics = new HashSet<>();
    for (ChartSpec chart : catalogue) {
      for (ChartSpec.Layer layer : chart.layers()) {
        metrics.add(layer.metric());
      }
    }
    RunData run = RunData.read(directory, metrics);
    Presentation presentation = Presentation.forRun(directory, run.scenario().id());
    ScenarioInfo scenario = run.scenario().withOrganisation(presentation.organisation());
    List<PublicFigure> table = null;
    String tableName = null;
    if (figures != null) {
      table = PublicFiguresReader.read(figures);
      tableName = "public figures from " + figures.getFileName();
    } else if (presentationFigures && !presentation.figures().isEmpty()) {
      table = presentation.figures();
      tableName =
          "public figures compiled for " + scenario.id() + " (" + presentation.figuresName() + ")";
    }
    List<HtmlReport.Unmapped> unmapped = List.of();
    if (table != null) {
      PublicFigures.Mapping mapping = PublicFigures.map(table, scenario, run::periodDays);
      points.addAll(mapping.points());
      unmapped = mapping.unmapped();
      sources.add(
          tableName
              + " ("
              + mapping.points().size()
              + " shown, "
              + unmapped.size()
              + " not comparable)");
    }
    Geography geography = Geography.read(directory.resolve("scenario.yaml"));
    return HtmlReport.render(run, catalogue, presentation, geography, points, unmapped, sources);
  }

  /** Writes the page atomically and returns its path. */
  public Path build() throws IOException {
    String page = render();
    Path target = out != null ? out : directory.resolve("report.html");
    AtomicOutput.writeString(target, page);
    return target;
  }
}
