package org.polemos.io.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.polemos.io.results.AtomicOutput;

/**
 * Builds {@code report.html} for a run directory:
 * <pre>{@code
 * Path page = ReportBuilder.forRun(dir).observed(file).figures(file).build();
 * }</pre>
 * Public figures: those of {@link #figures(Path)} when given; otherwise, for the reference scenario
 * {@value PublicFigures#REFERENCE_SCENARIO}, the bundled copy (unless {@link #noFigures()}).
 */
public final class ReportBuilder {
  private final Path directory;
  private Path observed;
  private Path figures;
  private boolean bundledFigures = true;
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

  /** A public-figures file ({@code date_from,date_to,quantity,key,unit,low,high,source}); null for the default. */
  public ReportBuilder figures(Path file) {
    this.figures = file;
    return this;
  }

  /** No public figures, not even the bundled ones. */
  public ReportBuilder noFigures() {
    this.bundledFigures = false;
    return this;
  }

  /** Where to write the page; default {@code report.html} in the run directory. */
  public ReportBuilder out(Path file) {
    this.out = file;
    return this;
  }

  /** Reads the inputs and renders the page without writing it. */
  public String render() throws IOException {
    List<ObservedPoint> points = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (observed != null) {
      points.addAll(ObservedFile.read(observed));
      sources.add(observed.getFileName() + " (" + points.size() + " points)");
    }
    Set<String> metrics = new HashSet<>(HtmlReport.CHARTED);
    RunData run = RunData.read(directory, metrics);
    List<PublicFigures.Figure> table = null;
    String tableName = null;
    if (figures != null) {
      table = PublicFigures.read(figures);
      tableName = "public figures from " + figures.getFileName();
    } else if (bundledFigures && PublicFigures.REFERENCE_SCENARIO.equals(run.scenario().id())) {
      table = PublicFigures.bundled();
      tableName = "public figures compiled for " + PublicFigures.REFERENCE_SCENARIO + " (bundled)";
    }
    List<PublicFigures.Unmapped> unmapped = List.of();
    if (table != null) {
      PublicFigures.Mapping mapping = PublicFigures.map(table, run.scenario(), run::periodDays);
      points.addAll(mapping.points());
      unmapped = mapping.unmapped();
      sources.add(tableName + " (" + mapping.points().size() + " shown, " + unmapped.size() + " not comparable)");
    }
    return HtmlReport.render(run, points, unmapped, sources);
  }

  /** Writes the page atomically and returns its path. */
  public Path build() throws IOException {
    String page = render();
    Path target = out != null ? out : directory.resolve("report.html");
    AtomicOutput.writeString(target, page);
    return target;
  }
}
