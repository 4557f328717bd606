package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The posterior page ({@code posterior.html}) that {@code polemos calibrate} writes for {@code
 * method: abc-smc}, on a small synthetic calibration of {@code minimal} shortened to two months
 * (two parameters, one with a log-uniform prior): it lists every parameter, its embedded marginals
 * are the weights of posterior.csv binned, {@code polemos report} on the directory writes the same
 * page, and in headless chromium every cell of the matrix and every diagnostics chart draws,
 * hovering a pair reads its values, nothing is fetched and nothing is logged as an error.
 */
class PosteriorPageBrowserTest {
  static final String INTERDICTION = "corridors.tal-abyad.interdiction";
  @TempDir static Path tmp;
  static Path out;
  ChromeDriver driver;

  @BeforeAll
  static void calibrate() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    AbcCalibrationTest.figures(tmp.resolve("figures.csv"), 900, 1100);
    Files.writeString(
        tmp.resolve("cal.yaml"),
        AbcCalibrationTest.calibration("figures.csv", 40, 3)
            .replace(
                "parameters:\n",
                "parameters:\n  - {path: "
                    + INTERDICTION
                    + ", prior: log-uniform, min: 0.01, max: 0.5}\n"));
    out = tmp.resolve("cal");
    CliRun r =
        CliRun.of(
            "calibrate",
            tmp.resolve("cal.yaml").toString(),
            "--out",
            out.toString(),
            "--threads",
            "2",
            "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    CliRun report = CliRun.of("report", out.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static JsonNode data(Path page) throws Exception {
    String html = Files.readString(page);
    String open = "<script id=\"report-data\" type=\"application/json\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  @Test
  void calibrateWritesThePageAndReportWritesTheSameOne() throws Exception {
    Path page = out.resolve("posterior.html");
    assertThat(page).isRegularFile();
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(Files.readString(page));
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }
  }

  @Test
  void thePageListsEveryParameterAndItsMarginalsAreTheWeightsOfPosteriorCsv() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("posterior.csv"));
    String[] header = lines.get(0).split(",");
    assertThat(header).containsExactly("weight", INTERDICTION, AbcCalibrationTest.PROPENSITY);
    List<double[]> rows = new ArrayList<>();
    double total = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[] row = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        row[i] = Double.parseDouble(f[i]);
      }
      rows.add(row);
      total += row[0];
    }
    assertThat(rows).hasSize(40);
    String html = Files.readString(out.resolve("posterior.html"));
    JsonNode post = data(out.resolve("posterior.html")).path("posterior");
    JsonNode parameters = post.path("parameters");
    assertThat(parameters).hasSize(header.length - 1);
    for (int c = 1; c < header.length; c++) {
      JsonNode p = parameters.get(c - 1);
      assertThat(p.path("path").asText()).isEqualTo(header[c]);
      assertThat(html).contains("<code>" + header[c] + "</code>");
      JsonNode edges = p.path("edges");
      JsonNode marginal = p.path("marginal");
      double sum = 0;
      for (int k = 0; k < marginal.size(); k++) {
        double lo = edges.get(k).asDouble();
        double hi = edges.get(k + 1).asDouble();
        boolean last = k == marginal.size() - 1;
        double expected = 0;
        for (double[] row : rows) {
          if (row[c] >= lo && (row[c] < hi || (last && row[c] <= hi))) {
            expected += row[0] / total;
          }
        }
        assertThat(marginal.get(k).asDouble()).isCloseTo(expected, within(1e-12));
        sum += marginal.get(k).asDouble();
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
    }
    // the log-uniform prior's bins are equal on a logarithmic axis, over the prior's box
    assertThat(parameters.get(0).path("log").asBoolean()).isTrue();
    assertThat(parameters.get(0).path("edges").get(0).asDouble()).isEqualTo(0.01);
    // one row per generation in the diagnostics, as in abc-diagnostics.csv
    int generations = Files.readAllLines(out.resolve("abc-diagnostics.csv")).size() - 1;
    assertThat(data(out.resolve("posterior.html")).path("charts").get(0).path("x"))
        .hasSize(generations);
  }

  @ParameterizedTest
  @ValueSource(ints = {1400, 800})
  void everyCellAndChartDrawsOfflineWithoutErrors(int width) {
    driver = Browser.open(width, 1000);
    driver.get(out.resolve("posterior.html").toUri().toString());
    JavascriptExecutor js = driver;
    String ink =
        " var b = u.bbox, d = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, ink = 0;"
            + " for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 200 && (d[i] < 200 || d[i + 1] < 200"
            + " || d[i + 2] < 200)) ink++; } return ink / (b.width * b.height); ";
    @SuppressWarnings("unchecked")
    List<Number> corner =
        (List<Number>)
            js.executeScript("return window.polemosCorner.map(function (u) {" + ink + "});");
    // two parameters: two marginals and one pair
    assertThat(corner).hasSize(3);
    for (Number share : corner) {
      assertThat(share.doubleValue()).isGreaterThan(0.001);
    }
    @SuppressWarnings("unchecked")
    List<Number> charts =
        (List<Number>)
            js.executeScript("return window.polemosCharts.map(function (u) {" + ink + "});");
    assertThat(charts).hasSize(3); // tolerance, acceptance, ESS
    for (Number share : charts) {
      assertThat(share.doubleValue()).isGreaterThan(0.0005);
    }
    assertThat(driver.findElements(By.cssSelector(".corner .corr")).get(0).getText())
        .matches("r = -?[0-9.]+|r = n/a");
    WebElement pair = driver.findElement(By.cssSelector(".corner .cell[data-pair] .u-over"));
    new Actions(driver).moveToElement(pair).perform();
    assertThat(driver.findElement(By.id("corner-readout")).getText())
        .contains(" = ")
        .contains("weighted correlation");
    assertThat(
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
        .isLessThanOrEqualTo(width);
    assertThat(
            ((Number) js.executeScript("return performance.getEntriesByType('resource').length"))
                .intValue())
        .isZero();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
