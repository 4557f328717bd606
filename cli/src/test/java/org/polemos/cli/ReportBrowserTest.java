package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.polemos.io.report.Geography;

/**
 * report.html of a real levant-2014 run (3 replications) in headless chromium: every chart draws,
 * hovering shows values, legend entries toggle series, dragging zooms, the map's slider changes its
 * colours, and the page makes no network request and logs no console error, at 1400 and at 800 px.
 * Skipped with a message where chromium is absent (see {@link Browser}).
 */
class ReportBrowserTest {
  @TempDir static Path tmp;
  static Path page;
  static Path comparePage;
  ChromeDriver driver;

  @BeforeAll
  static void runLevant() throws Exception {
    Path out = tmp.resolve("levant");
    CliRun run = CliRun.of("run", "levant-2014", "-n", "3", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    page = out.resolve("report.html");
    assertThat(page).exists();
    Path variant = tmp.resolve("variant");
    run =
        CliRun.of(
            "run",
            "levant-2014",
            "-n",
            "3",
            "--set",
            "corridors.tal-abyad.interdiction=0.5",
            "--out",
            variant.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    comparePage = tmp.resolve("compare.html");
    run =
        CliRun.of(
            "compare",
            out.toString(),
            variant.toString(),
            "--out",
            tmp.resolve("compare.csv").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(comparePage).exists();
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void load(int width) {
    load(page, width);
  }

  private void load(Path file, int width) {
    driver = Browser.open(width, 1000);
    driver.get(file.toUri().toString());
    assertThat(driver.findElements(By.cssSelector(".uplot"))).isNotEmpty();
  }

  /**
   * Per chart, the share of its plot area's pixels drawn in the colour of one of its series (within
   * a small tolerance): grid, axes and shading alone give 0.
   */
  @SuppressWarnings("unchecked")
  private List<Number> inkPerChart() {
    return (List<Number>)
        js(
            "return window.polemosCharts.map(function (u) {"
                + " var b = u.bbox, d = u.ctx.getImageData(b.left, b.top, b.width, b.height).data, ink = 0;"
                + " var colours = u.series.slice(1).map(function (s) { var h = s.stroke(); return [parseInt(h.substr(1, 2),"
                + " 16), parseInt(h.substr(3, 2), 16), parseInt(h.substr(5, 2), 16)]; });"
                + " for (var i = 0; i < d.length; i += 4) { for (var k = 0; k < colours.length; k++) {"
                + " var c = colours[k]; if (Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) < 24"
                + " && d[i + 3] > 200) { ink++; break; } } } return ink / (b.width * b.height); });");
  }

  @Test
  void everyChartDrawsAndThePageIsOfflineAndQuietAt1400And800() {
    for (int width : new int[] {1400, 800}) {
      load(width);
      int charts = driver.findElements(By.cssSelector(".plot[data-chart]")).size();
      assertThat(charts).isGreaterThanOrEqualTo(10);
      List<Number> ink = inkPerChart();
      assertThat(ink).as("charts drawn at " + width + " px").hasSize(charts);
      for (Number share : ink) {
        assertThat(share.doubleValue())
            .as("ink of a chart at " + width + " px")
            .isGreaterThan(0.001);
      }
      // every chart fits the window and no text is smaller than 11 px
      assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(width);
      assertThat(
              ((Number)
                      js(
                          "return Math.min.apply(null, Array.from(document.querySelectorAll("
                              + "'.u-legend, .caption, .timeline .name, td')).map(function (e) {"
                              + " return parseFloat(getComputedStyle(e).fontSize); }))"))
                  .doubleValue())
          .isGreaterThanOrEqualTo(11);
      // offline: nothing but the page itself was loaded, and nothing was logged as an error
      assertThat(((Number) js("return performance.getEntriesByType('resource').length")).intValue())
          .isZero();
      assertThat(Browser.consoleErrors(driver)).isEmpty();
      driver.quit();
      driver = null;
    }
  }

  @Test
  void hoveringAChartShowsValuesAndTheLegendTogglesSeries() {
    load(1400);
    WebElement chart = driver.findElement(By.cssSelector("#territory .uplot"));
    WebElement over = chart.findElement(By.cssSelector(".u-over"));
    new Actions(driver).moveToElement(over, over.getSize().getWidth() / 4, 10).perform();
    List<WebElement> values = chart.findElements(By.cssSelector(".u-legend .u-series .u-value"));
    assertThat(values.get(0).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(values.get(1).getText()).matches("[0-9][0-9,.]*( m| bn)?( \\(.*\\))?");
    WebElement entry = chart.findElements(By.cssSelector(".u-legend .u-series")).get(1);
    // centred first: with the taller page, the driver's own scroll left the entry where its click
    // did not
    // reach uPlot's legend handler (the entry's class stayed "u-series")
    js("arguments[0].scrollIntoView({block: 'center'})", entry);
    entry.click();
    assertThat(entry.getAttribute("class")).contains("u-off");
    assertThat(js("return window.polemosCharts[0].series[1].show")).isEqualTo(false);
  }

  @Test
  void aChartExportsAsSvgWithOneLinePerShownSeries() throws Exception {
    load(1400);
    int series = ((Number) js("return window.polemosCharts[0].series.length - 1")).intValue();
    String svg = (String) js("return window.polemosSvg(0)");
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .endsWith("</svg>")
        .contains("Territory held by faction");
    assertThat(svg.split("class=\"series\"", -1)).hasSize(series + 1);
    // well-formed XML
    javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new java.io.ByteArrayInputStream(
                svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    driver.findElements(By.cssSelector("#territory .u-legend .u-series")).get(1).click();
    assertThat(((String) js("return window.polemosSvg(0)")).split("class=\"series\"", -1))
        .hasSize(series);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void draggingAcrossAChartZoomsOnThePeriod() {
    load(1400);
    WebElement over = driver.findElement(By.cssSelector("#territory .u-over"));
    int width = over.getSize().getWidth();
    Number before = (Number) js("var s = window.polemosCharts[0].scales.x; return s.max - s.min");
    new Actions(driver)
        .moveToElement(over, -width / 4, 0)
        .clickAndHold()
        .moveByOffset(width / 4, 0)
        .release()
        .perform();
    Number after = (Number) js("var s = window.polemosCharts[0].scales.x; return s.max - s.min");
    assertThat(after.doubleValue()).isLessThan(before.doubleValue() * 0.5);
    driver.findElement(By.xpath("//section[@id='territory']//button[text()='Reset zoom']")).click();
    Number reset = (Number) js("var s = window.polemosCharts[0].scales.x; return s.max - s.min");
    assertThat(reset.doubleValue()).isEqualTo(before.doubleValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSliderChangesTheColoursOfTheMap() {
    load(1400);
    String fills =
        "return Array.from(document.querySelectorAll('#map-view circle.region')).map("
            + "function (c) { return c.getAttribute('fill'); })";
    List<String> start = (List<String>) js(fills);
    assertThat(start).hasSize(31).doesNotContainNull();
    assertThat(driver.findElement(By.id("map-date")).getText()).isEqualTo("2014-01-01");
    js(
        "var s = document.getElementById('map-slider'); s.value = s.max;"
            + " s.dispatchEvent(new Event('input'));");
    List<String> end = (List<String>) js(fills);
    assertThat(end).isNotEqualTo(start);
    assertThat(driver.findElement(By.id("map-date")).getText()).isEqualTo("2017-12-31");
    // corridors are drawn, and at least one changes state over the run
    assertThat(driver.findElements(By.cssSelector("#map-view path.corridor"))).hasSize(5);
  }

  /**
   * Moves the map's slider to the first output date on or after {@code iso}; returns the date
   * shown.
   */
  private String slideTo(String iso) {
    return (String)
        js(
            "var s = document.getElementById('map-slider'), out = document.getElementById('map-date');"
                + " for (var i = 0; i <= +s.max; i++) { s.value = String(i); s.dispatchEvent(new Event('input'));"
                + " if (out.textContent >= arguments[0]) break; } return out.textContent;",
            iso);
  }

  private String fillOf(String css) {
    return driver.findElement(By.cssSelector(css)).getAttribute("fill");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyLocatedPlaceIsAPointInItsHoldersColourAndRegionsShowTheOrganisationsShare() {
    load(1400);
    // one point per locality of levant-2014 (each has coordinates; a region's rest is its disc, not
    // a point)
    Geography geography = Geography.read(tmp.resolve("levant").resolve("scenario.yaml"));
    long localities = geography.regions().stream().mapToLong(r -> r.places().size()).sum();
    assertThat(localities).isGreaterThan(10);
    List<String> ids =
        (List<String>)
            js(
                "return Array.from(document.querySelectorAll('#map-view circle.place'))"
                    + ".map(function (c) { return c.getAttribute('data-place'); })");
    assertThat(ids)
        .hasSize((int) localities)
        .contains("mosul", "raqqa-city")
        .doesNotContain("ninawa");
    assertThat(slideTo("2014-01-01")).isEqualTo("2014-01-01");
    String mosulBefore = fillOf("#map-view circle.place[data-place='mosul']");
    String ringBefore =
        driver
            .findElement(By.cssSelector("#map-view circle.share[data-region='ninawa']"))
            .getAttribute("stroke-dasharray");
    assertThat(slideTo("2014-07-01")).startsWith("2014-07");
    String mosulAfter = fillOf("#map-view circle.place[data-place='mosul']");
    String ringAfter =
        driver
            .findElement(By.cssSelector("#map-view circle.share[data-region='ninawa']"))
            .getAttribute("stroke-dasharray");
    assertThat(mosulBefore).startsWith("#");
    assertThat(mosulAfter).startsWith("#").isNotEqualTo(mosulBefore);
    // Ninawa's ring (the organisation's share of its held area) grows as Mosul falls
    double before = Double.parseDouble(ringBefore.split(" ")[0]);
    double after = Double.parseDouble(ringAfter.split(" ")[0]);
    assertThat(after).isGreaterThan(before);
    assertThat(
            driver
                .findElement(By.cssSelector("#map-view circle.place[data-place='mosul'] title"))
                .getAttribute("textContent"))
        .startsWith("Mosul: ");
  }

  @Test
  void theTimelineFilterChangesWhatIsShown() {
    load(1400);
    int rows = driver.findElements(By.cssSelector("#timeline .row[data-kind]:not(.off)")).size();
    driver.findElement(By.cssSelector("#timeline input[data-kind='air-campaign']")).click();
    int after = driver.findElements(By.cssSelector("#timeline .row[data-kind]:not(.off)")).size();
    assertThat(after).isLessThan(rows).isPositive();
  }

  @Test
  void theComparePageDrawsEveryChartOfflineAndQuietly() {
    load(comparePage, 1400);
    int charts = driver.findElements(By.cssSelector(".plot[data-chart]")).size();
    assertThat(charts).isGreaterThanOrEqualTo(4);
    List<Number> ink = inkPerChart();
    assertThat(ink).hasSize(charts);
    for (Number share : ink) {
      assertThat(share.doubleValue()).isGreaterThan(0.001);
    }
    WebElement over = driver.findElement(By.cssSelector(".u-over"));
    new Actions(driver).moveToElement(over, over.getSize().getWidth() / 3, 10).perform();
    assertThat(driver.findElements(By.cssSelector(".u-legend .u-value")).get(1).getText())
        .matches("-?[0-9].*");
    assertThat(((Number) js("return performance.getEntriesByType('resource').length")).intValue())
        .isZero();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void pageWeightOfLevantStaysUnderTwoMegabytes() throws Exception {
    long bytes = Files.size(page);
    System.out.println("report.html of levant-2014 (3 replications): " + bytes + " bytes");
    assertThat(bytes).isLessThan(2_000_000);
  }
}
