package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
  @TempDir Path tmp;

  private Path observedFile() throws Exception {
    Path file = tmp.resolve("observed.csv");
    Files.writeString(
        file,
        "replication,date,metric,key,value\n"
            + "0,2015-03-15,territory_km2,islamic-state,87654\n"
            + "0,2015-04-30,foreign_arrivals_men_cumulative,all,612\n");
    return file;
  }

  @Test
  void writesOneSelfContainedPageWithChartsObservedPointsAndSpans() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path page = ReportBuilder.forRun(run).observed(observedFile()).build();

    assertThat(page).isEqualTo(run.resolve("report.html"));
    String html = Files.readString(page);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Synthetic &lt;test&gt; scenario", "synthetic")
        .contains("Territory held by faction (km\u00b2)")
        .contains("Foreign recruits (men) arriving, cumulative, top sources and total (people)")
        .contains("Foreign recruits (men) arriving per month, all sources (people per month)")
        .contains("Treasury of the organisation (USD)")
        .contains("How to read this report", "Run manifest", "Control changes (first replication)");
    // self-contained: scripts and styles inline, nothing fetched
    assertThat(html)
        .doesNotContainPattern(
            Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE));
    assertThat(html).doesNotContain("<link", "<img", "<script src");
    assertThat(html).contains("uPlot").contains("id=\"report-data\"");
    // observed points: on the chart's data and in the table under the chart
    JsonNode territory = ReportPage.chart(html, "territory");
    assertThat(territory.path("observed")).hasSize(1);
    assertThat(territory.path("observed").get(0).path("lo").asDouble()).isEqualTo(87654);
    assertThat(html).contains("87,654").contains("observed (observed.csv)").contains("612");
    // the intervention on the shared timeline, shaded on the flows charts by default
    JsonNode intervention = ReportPage.data(html).path("interventions").get(0);
    assertThat(intervention.path("name").asText()).isEqualTo("Border tightening, phase 1");
    assertThat(intervention.path("startText").asText()).isEqualTo("2015-02-01");
    assertThat(ReportPage.chart(html, "arrivals").path("kinds").toString())
        .contains("border-closure");
    // events of the first replication only, with names
    assertThat(html)
        .contains("Anbar: Islamic State \u2192 Iraqi Security Forces")
        .doesNotContain("Ninawa:");
    // manifest
    assertThat(html).contains("0.1.0-test").contains("computed from series.csv");
    // two replications: means and bands
    assertThat(html).doesNotContain("id=\"banner-n1\"").contains("means over 2 replications");
    assertThat(territory.path("series").get(0).has("lo")).isTrue();
  }

  @Test
  void chartValuesAreTheSummaryMeansAndBandsAtTheSampleDates() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    JsonNode territory =
        ReportPage.chart(ReportBuilder.forRun(run).noFigures().render(), "territory");
    JsonNode is = territory.path("series").get(0);
    assertThat(is.path("label").asText()).isEqualTo("Islamic State");
    assertThat(territory.path("x")).hasSize(4);
    assertThat(territory.path("x").get(0).asLong())
        .isEqualTo(
            java.time.LocalDate.of(2015, 1, 31)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toEpochSecond());
    assertThat(is.path("mean").get(0).asDouble()).isEqualTo(89_999.5);
    assertThat(is.path("lo").get(0).asDouble()).isEqualTo(89_999.05);
    assertThat(is.path("hi").get(0).asDouble()).isEqualTo(89_999.95);
  }

  @Test
  void oneReplicationGetsABannerAndNoBands() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path series = run.resolve("series.csv");
    List<String> lines = Files.readAllLines(series);
    lines.removeIf(line -> line.startsWith("1,"));
    Files.write(series, lines);
    String html = ReportBuilder.forRun(run).noFigures().render();
    assertThat(html).contains("id=\"banner-n1\"", "single replication").doesNotContain("mean over");
    for (JsonNode chart : ReportPage.data(html).path("charts")) {
      for (JsonNode line : chart.path("series")) {
        assertThat(line.has("lo")).as(chart.path("id").asText()).isFalse();
      }
    }
  }

  @Test
  void aBandOfZeroWidthIsNotDrawnAndIsNamedInABanner() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    String html = ReportBuilder.forRun(run).noFigures().render();
    // treasury_usd is the same in both replications: no band, and the banner says so
    JsonNode treasury = ReportPage.chart(html, "treasury");
    assertThat(treasury.path("series").get(0).has("lo")).isFalse();
    assertThat(html)
        .contains("id=\"banner-zero-band\"")
        .containsPattern("Bands of zero width.*treasury");
    assertThat(ReportPage.chart(html, "territory").path("series").get(0).has("lo")).isTrue();
  }

  @Test
  void anEditedScenarioGetsABanner() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    assertThat(ReportBuilder.forRun(run).render()).doesNotContain("id=\"banner-edited\"");
    Path manifest = run.resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replaceFirst("\\{", "{\"scenarioEdited\": true,"));
    assertThat(ReportBuilder.forRun(run).render())
        .contains("id=\"banner-edited\"", "Edited scenario");
  }

  @Test
  void summaryRowsMayBeMissingForSomeDates() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    // n = 0 rows are omitted by the writer; a row with n = 0 is skipped too
    Files.writeString(
        run.resolve("summary.csv"),
        "date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95\n"
            + "2015-01-31,treasury_usd,,2,5,0,5,5,4,5,6\n"
            + "2015-02-28,treasury_usd,,0,NaN,NaN,NaN,NaN,NaN,NaN,NaN\n"
            + "2015-04-30,treasury_usd,,2,7,0,7,7,6,7,8\n");
    JsonNode treasury =
        ReportPage.chart(ReportBuilder.forRun(run).noFigures().render(), "treasury");
    JsonNode mean = treasury.path("series").get(0).path("mean");
    assertThat(mean).hasSize(4);
    assertThat(mean.get(0).asDouble()).isEqualTo(5);
    assertThat(mean.get(1).isNull()).isTrue();
    assertThat(mean.get(2).isNull()).isTrue();
    assertThat(mean.get(3).asDouble()).isEqualTo(7);
  }

  @Test
  void aNewlineInsideAQuotedKeyIsReadBack() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path series = run.resolve("series.csv");
    Files.writeString(
        series,
        Files.readString(series)
            + "0,2015-01-31,fighters,\"line one\nline two, with a comma\",12\n"
            + "1,2015-01-31,fighters,\"line one\nline two, with a comma\",14\n");
    RunData data = RunData.read(run, Set.of("fighters"));
    assertThat(
            data.summary("fighters", "line one\nline two, with a comma")
                .firstEntry()
                .getValue()
                .mean())
        .isEqualTo(13);
    Files.writeString(
        series, Files.readString(series) + "0,2015-01-31,fighters,\"unterminated,1\n");
    assertThatThrownBy(() -> ReportBuilder.forRun(run).render())
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("series.csv:")
        .hasMessageContaining("malformed");
  }

  @Test
  void everyChartOfTheCatalogueWithDataIsDrawnAndMomentumIsLabelledByItsMetric() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path series = run.resolve("series.csv");
    Files.writeString(
        series,
        Files.readString(series)
            + "0,2015-01-31,momentum,,0.3\n1,2015-01-31,momentum,,0.3\n"
            + "0,2015-01-31,momentum_perceived,,1.047\n1,2015-01-31,momentum_perceived,,1.047\n");
    String html = ReportBuilder.forRun(run).noFigures().render();
    JsonNode momentum = ReportPage.chart(html, "momentum");
    assertThat(momentum.path("series").get(0).path("label").asText()).isEqualTo("Momentum");
    assertThat(momentum.path("series").get(0).path("mean").get(0).asDouble()).isEqualTo(0.3);
    assertThat(momentum.path("series").get(1).path("label").asText())
        .isEqualTo("Perceived momentum");
    assertThat(momentum.path("series").get(1).path("mean").get(0).asDouble()).isEqualTo(1.047);
    List<String> ids = new java.util.ArrayList<>();
    ReportPage.data(html).path("charts").forEach(c -> ids.add(c.path("id").asText()));
    // only charts with data, in catalogue order; the test's extension catalogue (TestCharts) has no
    // data here
    assertThat(ids)
        .containsExactly(
            "territory",
            "deaths",
            "arrivals",
            "inflow",
            "treasury",
            "abroad",
            "abroad-monthly",
            "momentum");
  }

  @Test
  void coloursOfOneChartAreDistinct() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path series = run.resolve("series.csv");
    StringBuilder rows = new StringBuilder(Files.readString(series));
    for (int source = 0; source < 16; source++) {
      for (int replication = 0; replication < 2; replication++) {
        rows.append(replication)
            .append(",2015-04-30,foreign_arrivals_men_cumulative,source-")
            .append(source)
            .append(',')
            .append(10 + source)
            .append('\n');
      }
    }
    Files.writeString(series, rows);
    JsonNode arrivals =
        ReportPage.chart(ReportBuilder.forRun(run).noFigures().render(), "arrivals");
    List<String> colours = new java.util.ArrayList<>();
    arrivals.path("series").forEach(s -> colours.add(s.path("colour").asText()));
    assertThat(colours).hasSizeGreaterThan(6).doesNotHaveDuplicates();
  }

  @Test
  void monthlyInflowIsTheDifferenceOfCumulativeArrivals() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    RunData data = RunData.read(run, ReportPage.metrics());
    var inflow = data.summary(ReportMetrics.INFLOW_MONTHLY, "all");
    // Samples on the last day of each month; each month is dated by its first day, like the other
    // per-month
    // series and 'polemos import --by month'. January counts from the start (replications 0 and 1:
    // 150, 151).
    assertThat(inflow).hasSize(4);
    assertThat(inflow.firstKey()).isEqualTo(java.time.LocalDate.of(2015, 1, 1));
    assertThat(inflow.firstEntry().getValue().mean()).isEqualTo(150.5);
    assertThat(inflow.lastKey()).isEqualTo(java.time.LocalDate.of(2015, 4, 1));
    assertThat(inflow.lastEntry().getValue().mean()).isEqualTo(150.0);
    assertThat(data.summary("territory_km2", "islamic-state").firstEntry().getValue())
        .satisfies(
            s -> {
              assertThat(s.n()).isEqualTo(2);
              assertThat(s.mean()).isEqualTo(89_999.5);
              assertThat(s.p05()).isEqualTo(89_999.05);
              assertThat(s.p95()).isEqualTo(89_999.95);
            });
  }

  @Test
  void usesSummaryCsvWhenPresent() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Files.writeString(
        run.resolve("summary.csv"),
        "date,metric,key,n,mean,sd,ci_low,ci_high,p05,p50,p95\n"
            + "2015-01-31,treasury_usd,,2,5,0,5,5,4,5,6\n");
    RunData data = RunData.read(run, ReportPage.metrics());
    assertThat(data.summaryFromFile()).isTrue();
    assertThat(data.summary("treasury_usd", "")).hasSize(1);
    assertThat(data.summary("treasury_usd", "").firstEntry().getValue().p95()).isEqualTo(6);
  }

  @Test
  void reportsAMissingDirectoryAndAMissingSeries() throws Exception {
    assertThatThrownBy(() -> ReportBuilder.forRun(tmp.resolve("nope")).build())
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("run directory not found");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ReportBuilder.forRun(empty).build())
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("has no series.csv");
  }

  @Test
  void bundledFiguresAreUsedForTheReferenceScenarioOnly() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    assertThat(ReportBuilder.forRun(run).render()).doesNotContain("IHS Conflict Monitor");
    Files.writeString(
        run.resolve("scenario.yaml"),
        Files.readString(run.resolve("scenario.yaml")).replace("id: synthetic", "id: levant-2014"));
    String html = ReportBuilder.forRun(run).render();
    assertThat(html).contains("IHS Conflict Monitor", "90,800", "Public figures not overlaid");
    assertThat(ReportBuilder.forRun(run).noFigures().render())
        .doesNotContain("IHS Conflict Monitor");
  }

  @Test
  void perMonthSeriesAreTheDifferencesOfCumulativeCountsDatedByTheirMonth() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    RunData data = RunData.read(run, ReportPage.metrics());
    var deaths = data.summary(ReportMetrics.DEATHS_MONTHLY, "islamic-state");
    // samples at the month ends: January counts from the start (5 + replication), then 10, 20, 5
    assertThat(deaths.keySet())
        .extracting(Object::toString)
        .containsExactly("2015-01-01", "2015-02-01", "2015-03-01", "2015-04-01");
    assertThat(deaths.values()).extracting(Stats::mean).containsExactly(5.5, 10.0, 20.0, 5.0);
    assertThat(data.summary(ReportMetrics.DEATHS_MONTHLY, "iraqi-forces").values())
        .extracting(Stats::mean)
        .containsExactly(2.0, 2.0, 2.0, 2.0);
    assertThat(data.summary(ReportMetrics.PLOTS_EXECUTED_MONTHLY, "all").values())
        .extracting(Stats::mean)
        .containsExactly(0.0, 0.0, 1.0, 0.0);
    assertThat(data.keys(ReportMetrics.DEATHS_MONTHLY))
        .containsExactly("islamic-state", "iraqi-forces");
  }

  @Test
  void observedDeathsPerMonthAreOverlaidOnTheDeathsChart() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path observed =
        Files.writeString(
            tmp.resolve("deaths.csv"),
            "replication,date,metric,key,value\n"
                + "0,2015-02-01,deaths_per_month,islamic-state,12\n"
                + "0,2015-03-01,deaths_per_month,islamic-state,18\n");
    String html =
        Files.readString(ReportBuilder.forRun(run).observed(observed).noFigures().build());
    String deaths = section(html, "deaths");
    assertThat(deaths)
        .contains("Deaths per month by faction", "2 observed points on this chart")
        .contains("<td class=\"num\">18</td>")
        .contains("20 (20) on 2015-03-01");
    assertThat(ReportPage.chart(html, "deaths").path("observed")).hasSize(2);
    assertThat(html).doesNotContain("id=\"observed-data\"", "href=\"#observed-data\"");
  }

  @Test
  void observedSeriesMatchingNoChartGetTheirOwnSection() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    StringBuilder rows =
        new StringBuilder(
            "replication,date,metric,key,value\n"
                + "0,2016-06-01,observed_events,Libya,6\n0,2016-07-01,observed_events,Libya,3\n"
                + "0,2015-03-01,deaths_per_month,isis,18\n");
    for (int i = 0; i < 8; i++) {
      rows.append("0,2015-01-01,observed_fatalities,Country")
          .append(i)
          .append(',')
          .append(10 * i)
          .append('\n');
    }
    Path observed = Files.writeString(tmp.resolve("observed.csv"), rows);
    String html =
        Files.readString(ReportBuilder.forRun(run).observed(observed).noFigures().build());

    assertThat(html).contains("href=\"#observed-data\"");
    String section = section(html, "observed-data");
    assertThat(section)
        .contains(
            "<h2>Observed data</h2>", "11 observed points in 3 metrics match no simulated series")
        .contains(
            "<h3>Observed: observed_events</h3>",
            "No simulated series has the metric <code>observed_events" + "</code>",
            "2 points, 1 key")
        .contains(
            "<h3>Observed: deaths_per_month</h3>",
            "no simulated series has the metric "
                + "<code>deaths_per_month</code> with the key <code>isis</code>")
        .contains(
            "<code>deaths_per_month</code>: islamic-state, iraqi-forces",
            "<code>territory_km2</code>: " + "islamic-state, iraqi-forces",
            "--as METRIC")
        // the six keys with the largest totals are drawn, the other two listed
        .contains(
            "the 6 keys with the largest totals of 8",
            "Not drawn: Country1 (1 points, total 10); Country0")
        .contains("Observed: observed_events");
    assertThat(ReportPage.chart(html, "observed-1").path("series").get(0).path("label").asText())
        .isEqualTo("Libya");
    // nothing of it on the simulated charts
    assertThat(ReportPage.chart(html, "deaths").path("observed")).isEmpty();
  }

  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("section " + id).isPositive();
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }
}
