package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
  @TempDir
  Path tmp;

  private Path observedFile() throws Exception {
    Path file = tmp.resolve("observed.csv");
    Files.writeString(file, "replication,date,metric,key,value\n"
        + "0,2015-03-15,territory_km2,islamic-state,87654\n"
        + "0,2015-04-30,foreign_arrivals_cumulative,all,612\n");
    return file;
  }

  @Test
  void writesOneSelfContainedPageWithChartsObservedPointsAndSpans() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path page = ReportBuilder.forRun(run).observed(observedFile()).build();

    assertThat(page).isEqualTo(run.resolve("report.html"));
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("Synthetic &lt;test&gt; scenario", "synthetic")
        .contains("Territory held by faction (km\u00b2)")
        .contains("Foreign arrivals, cumulative, top sources and total (people)")
        .contains("Foreign arrivals per month, all sources (people per month)")
        .contains("Treasury of the organisation (USD)")
        .contains("How to read this report", "Run manifest", "Control changes (first replication)");
    // self-contained: no external scripts, styles or images
    assertThat(html).doesNotContainPattern(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE));
    assertThat(html).doesNotContain("<script", "<link", "<img");
    // observed points: the marker and its row in the table under the chart
    assertThat(html).contains("class=\"obs-mark\"").contains("87,654").contains("observed (observed.csv)")
        .contains("612");
    // the intervention as a shaded span and a named bar
    assertThat(html).contains("class=\"span\"").contains("Border tightening, phase 1 (border-closure, 2015-02-01 to "
        + "2015-03-15)");
    // events of the first replication only, with names
    assertThat(html).contains("Anbar: Islamic State \u2192 Iraqi Security Forces").doesNotContain("ninawa");
    // manifest
    assertThat(html).contains("0.1.0-test").contains("computed from series.csv");
    // thousands separators on the axis
    assertThat(html).containsPattern("class=\"ytick\"[^>]*>\\d{1,3},\\d{3}<");
  }

  @Test
  void monthlyInflowIsTheDifferenceOfCumulativeArrivals() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    RunData data = RunData.read(run, HtmlReport.CHARTED);
    var inflow = data.summary(ReportMetrics.INFLOW_MONTHLY, "all");
    assertThat(inflow).hasSize(4);
    assertThat(inflow.firstEntry().getValue().mean()).isEqualTo(150.5);
    assertThat(inflow.lastEntry().getValue().mean()).isEqualTo(150.0);
    assertThat(data.summary("territory_km2", "islamic-state").firstEntry().getValue())
        .satisfies(s -> {
          assertThat(s.n()).isEqualTo(2);
          assertThat(s.mean()).isEqualTo(89_999.5);
          assertThat(s.p05()).isEqualTo(89_999.05);
          assertThat(s.p95()).isEqualTo(89_999.95);
        });
  }

  @Test
  void usesSummaryCsvWhenPresent() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Files.writeString(run.resolve("summary.csv"), "date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95\n"
        + "2015-01-31,treasury_usd,,2,5,0,5,5,4,5,6\n");
    RunData data = RunData.read(run, HtmlReport.CHARTED);
    assertThat(data.summaryFromFile()).isTrue();
    assertThat(data.summary("treasury_usd", "")).hasSize(1);
    assertThat(data.summary("treasury_usd", "").firstEntry().getValue().p95()).isEqualTo(6);
  }

  @Test
  void reportsAMissingDirectoryAndAMissingSeries() throws Exception {
    assertThatThrownBy(() -> ReportBuilder.forRun(tmp.resolve("nope")).build())
        .isInstanceOf(ReportException.class).hasMessageContaining("run directory not found");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ReportBuilder.forRun(empty).build())
        .isInstanceOf(ReportException.class).hasMessageContaining("has no series.csv");
  }

  @Test
  void bundledFiguresAreUsedForTheReferenceScenarioOnly() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    assertThat(ReportBuilder.forRun(run).render()).doesNotContain("IHS Conflict Monitor");
    Files.writeString(run.resolve("scenario.yaml"),
        Files.readString(run.resolve("scenario.yaml")).replace("id: synthetic", "id: levant-2014"));
    String html = ReportBuilder.forRun(run).render();
    assertThat(html).contains("IHS Conflict Monitor", "90,800", "Public figures not overlaid");
    assertThat(ReportBuilder.forRun(run).noFigures().render()).doesNotContain("IHS Conflict Monitor");
  }
}
