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
    // Samples on the last day of each month; each month is dated by its first day, like the other per-month
    // series and 'polemos import --by month'. January counts from the start (replications 0 and 1: 150, 151).
    assertThat(inflow).hasSize(4);
    assertThat(inflow.firstKey()).isEqualTo(java.time.LocalDate.of(2015, 1, 1));
    assertThat(inflow.firstEntry().getValue().mean()).isEqualTo(150.5);
    assertThat(inflow.lastKey()).isEqualTo(java.time.LocalDate.of(2015, 4, 1));
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

  @Test
  void perMonthSeriesAreTheDifferencesOfCumulativeCountsDatedByTheirMonth() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    RunData data = RunData.read(run, HtmlReport.CHARTED);
    var deaths = data.summary(ReportMetrics.DEATHS_MONTHLY, "islamic-state");
    // samples at the month ends: January counts from the start (5 + replication), then 10, 20, 5
    assertThat(deaths.keySet()).extracting(Object::toString)
        .containsExactly("2015-01-01", "2015-02-01", "2015-03-01", "2015-04-01");
    assertThat(deaths.values()).extracting(Stats::mean).containsExactly(5.5, 10.0, 20.0, 5.0);
    assertThat(data.summary(ReportMetrics.DEATHS_MONTHLY, "iraqi-forces").values()).extracting(Stats::mean)
        .containsExactly(2.0, 2.0, 2.0, 2.0);
    assertThat(data.summary(ReportMetrics.PLOTS_EXECUTED_MONTHLY, "all").values()).extracting(Stats::mean)
        .containsExactly(0.0, 0.0, 1.0, 0.0);
    assertThat(data.keys(ReportMetrics.DEATHS_MONTHLY)).containsExactly("islamic-state", "iraqi-forces");
  }

  @Test
  void observedDeathsPerMonthAreOverlaidOnTheDeathsChart() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path observed = Files.writeString(tmp.resolve("deaths.csv"), "replication,date,metric,key,value\n"
        + "0,2015-02-01,deaths_per_month,islamic-state,12\n"
        + "0,2015-03-01,deaths_per_month,islamic-state,18\n");
    String html = Files.readString(ReportBuilder.forRun(run).observed(observed).noFigures().build());
    String deaths = section(html, "deaths");
    assertThat(deaths).contains("Deaths per month by faction", "class=\"obs-mark\"", "2 observed points on this chart")
        .contains("<td class=\"num\">18</td>").contains("20 (20) on 2015-03-01");
    assertThat(html).doesNotContain("id=\"observed-data\"", "href=\"#observed-data\"");
  }

  @Test
  void observedSeriesMatchingNoChartGetTheirOwnSection() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    StringBuilder rows = new StringBuilder("replication,date,metric,key,value\n"
        + "0,2016-06-01,observed_events,Libya,6\n0,2016-07-01,observed_events,Libya,3\n"
        + "0,2015-03-01,deaths_per_month,isis,18\n");
    for (int i = 0; i < 8; i++) {
      rows.append("0,2015-01-01,observed_fatalities,Country").append(i).append(',').append(10 * i).append('\n');
    }
    Path observed = Files.writeString(tmp.resolve("observed.csv"), rows);
    String html = Files.readString(ReportBuilder.forRun(run).observed(observed).noFigures().build());

    assertThat(html).contains("href=\"#observed-data\"");
    String section = section(html, "observed-data");
    assertThat(section).contains("<h2>Observed data</h2>", "11 observed points in 3 metrics match no simulated series")
        .contains("<h3>Observed: observed_events</h3>", "No simulated series has the metric <code>observed_events"
            + "</code>", "2 points, 1 key")
        .contains("<h3>Observed: deaths_per_month</h3>", "no simulated series has the metric "
            + "<code>deaths_per_month</code> with the key <code>isis</code>")
        .contains("<code>deaths_per_month</code>: islamic-state, iraqi-forces", "<code>territory_km2</code>: "
            + "islamic-state, iraqi-forces", "--as METRIC")
        // the six keys with the largest totals are drawn, the other two listed
        .contains("the 6 keys with the largest totals of 8", "Not drawn: Country1 (1 points, total 10); Country0")
        .contains("class=\"obs-mark\"", ">Libya</text>");
    // nothing of it on the simulated charts
    assertThat(section(html, "deaths")).doesNotContain("class=\"obs-mark\"");
  }

  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("section " + id).isPositive();
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }
}
