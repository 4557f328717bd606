package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The experiment pages written by {@code polemos report DIR} for the outputs of a sweep, a Morris
 * and a Sobol study and a calibration (small designs of the minimal scenario): the data they embed
 * is that of the CSV files, and in headless chromium every chart draws, hovering shows a value, and
 * nothing is fetched or logged as an error.
 */
class ExperimentPagesBrowserTest {
  @TempDir static Path tmp;
  ChromeDriver driver;

  private static void write(String name, String text) throws Exception {
    Files.writeString(tmp.resolve(name), text);
  }

  private static void ok(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
  }

  @BeforeAll
  static void runExperiments() throws Exception {
    write(
        "sweep.yaml",
        """
        base: minimal
        seed: 3
        replications: 3
        parameters:
          - path: corridors.tal-abyad.interdiction
            values: [0.05, 0.3, 0.6]
          - path: processes.intake.servers
            values: [250, 750]
        metrics: [foreign_arrivals_cumulative, territory_km2]
        """);
    ok(
        "sweep",
        tmp.resolve("sweep.yaml").toString(),
        "--out",
        tmp.resolve("sweep").toString(),
        "--no-progress");
    String parameters =
        """
        parameters:
          - {path: interventions.border-tightening.intensity, min: 0.0, max: 0.6}
          - {path: corridors.tal-abyad.interdiction, min: 0.0, max: 0.5}
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.05}
        outputs:
          - {metric: foreign_arrivals_cumulative, key: all, date: 2014-12-10}
        """;
    write(
        "morris.yaml",
        "base: minimal\nseed: 1\nreplications: 2\ntrajectories: 4\nlevels: 4\n" + parameters);
    ok(
        "sensitivity",
        tmp.resolve("morris.yaml").toString(),
        "--out",
        tmp.resolve("morris").toString(),
        "--no-progress");
    write(
        "sobol.yaml",
        "base: minimal\nseed: 1\nreplications: 2\nmethod: sobol\nsamples: 8\ndesignSeed: 3\n"
            + parameters);
    ok(
        "sensitivity",
        tmp.resolve("sobol.yaml").toString(),
        "--out",
        tmp.resolve("sobol").toString(),
        "--no-progress");
    write(
        "figures.csv",
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-06-10,2015-06-09,arrivals,,persons,900,1100,made up for the test\n");
    write(
        "cal.yaml",
        """
        base: minimal
        seed: 5
        replications: 2
        budget: 8
        parameters:
          - {path: sources.tunisia.annualPropensity, min: 0.01, max: 0.06, initial: 0.045}
        observed: figures.csv
        targets:
          - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all, aggregate: at-end}
        """);
    ok(
        "calibrate",
        tmp.resolve("cal.yaml").toString(),
        "--out",
        tmp.resolve("cal").toString(),
        "--no-progress");
    for (String dir : List.of("sweep", "morris", "sobol", "cal")) {
      ok("report", tmp.resolve(dir).toString());
    }
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static JsonNode data(String dir) throws Exception {
    String html = Files.readString(tmp.resolve(dir).resolve("report.html"));
    String open = "<script id=\"report-data\" type=\"application/json\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  @Test
  void theSweepPageHasOneResponseCurvePerServerCountOverTheInterdictionValues() throws Exception {
    JsonNode chart = data("sweep").path("charts").get(0);
    assertThat(chart.path("xType").asText()).isEqualTo("number");
    assertThat(chart.path("x").toString()).isEqualTo("[0.05,0.3,0.6]");
    assertThat(chart.path("series")).hasSize(2);
    assertThat(chart.path("series").get(0).path("label").asText())
        .isEqualTo("processes.intake.servers = 250");
    List<String> sweep = Files.readAllLines(tmp.resolve("sweep/sweep.csv"));
    String metric = chart.path("yLabel").asText();
    String title = chart.path("title").asText();
    String date = title.substring(title.lastIndexOf(' ') + 1);
    String key =
        title.contains(" \u00b7 ")
            ? title.substring(title.indexOf(" \u00b7 ") + 3, title.indexOf(" at "))
            : "";
    String row =
        sweep.stream()
            .filter(
                l -> l.startsWith("0,") && l.contains("," + metric + "," + key + "," + date + ","))
            .findFirst()
            .orElseThrow();
    String[] f = row.split(",");
    assertThat(chart.path("series").get(0).path("mean").get(0).asDouble())
        .isEqualTo(Double.parseDouble(f[6]));
  }

  @Test
  void theMorrisPageLabelsEachParameterAndTheSobolPageHasTwoBarsPerParameter() throws Exception {
    JsonNode morris = data("morris").path("charts").get(0);
    assertThat(morris.path("mode").asText()).isEqualTo("points");
    assertThat(morris.path("pointLabels")).hasSize(3);
    JsonNode sobol = data("sobol").path("charts").get(0);
    assertThat(sobol.path("mode").asText()).isEqualTo("bars");
    assertThat(sobol.path("categories")).hasSize(3);
    assertThat(sobol.path("series"))
        .extracting(s -> s.path("label").asText())
        .containsExactly("S1 (first order)", "ST (total)");
  }

  @Test
  void theCalibrationPageHasTheLossCurveAndTheFit() throws Exception {
    JsonNode charts = data("cal").path("charts");
    assertThat(charts.get(0).path("x"))
        .hasSize(Files.readAllLines(tmp.resolve("cal/loss-history.csv")).size() - 1);
    assertThat(charts.get(1).path("observed").get(0).path("lo").asDouble()).isEqualTo(900);
    assertThat(charts.get(1).path("observed").get(0).path("hi").asDouble()).isEqualTo(1100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sweep", "morris", "sobol", "cal"})
  void everyChartDrawsOfflineAndShowsAValueOnHover(String dir) {
    driver = Browser.open(1000, 900);
    driver.get(tmp.resolve(dir).resolve("report.html").toUri().toString());
    JavascriptExecutor js = driver;
    int charts = driver.findElements(By.cssSelector(".plot[data-chart]")).size();
    assertThat(charts).isPositive();
    @SuppressWarnings("unchecked")
    List<Number> ink =
        (List<Number>)
            js.executeScript(
                "return window.polemosCharts.map(function (u) {"
                    + " var b = u.bbox, d = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, ink = 0;"
                    + " for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 200 && (d[i] < 200 || d[i + 1] < 200"
                    + " || d[i + 2] < 200)) ink++; } return ink / (b.width * b.height); });");
    assertThat(ink).hasSize(charts);
    for (Number share : ink) {
      assertThat(share.doubleValue()).as(dir).isGreaterThan(0.0005);
    }
    WebElement over = driver.findElement(By.cssSelector(".u-over"));
    // hover the first data point: uPlot snaps the cursor to the nearest x
    Number left =
        (Number)
            js.executeScript(
                "var u = window.polemosCharts[0]; return u.valToPos(u.data[0][0], 'x');");
    new Actions(driver)
        .moveToElement(over, left.intValue() - over.getSize().getWidth() / 2 + 1, 0)
        .perform();
    String value = driver.findElements(By.cssSelector(".u-legend .u-value")).get(1).getText();
    assertThat(value).as(dir).matches("-?[0-9].*");
    assertThat(
            ((Number) js.executeScript("return performance.getEntriesByType('resource').length"))
                .intValue())
        .isZero();
    assertThat(Browser.consoleErrors(driver)).as(dir).isEmpty();
  }
}
