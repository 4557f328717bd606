package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCatalogueTest {
  @TempDir Path tmp;

  @Test
  void anExtensionsCatalogueIsFoundThroughServiceLoaderAfterTheBuiltIns() {
    List<ChartSpec> all = ChartCatalogue.all();
    assertThat(all.get(0).id()).isEqualTo("territory");
    assertThat(all).extracting(ChartSpec::id).endsWith("test-extension");
  }

  @Test
  void anExtensionsChartIsDrawnWhenTheRunHasItsMetric() throws Exception {
    Path run = SyntheticRun.write(tmp.resolve("run"));
    Path series = run.resolve("series.csv");
    Files.writeString(
        series,
        Files.readString(series)
            + "0,2015-01-31,test_shelters,anbar,3\n"
            + "1,2015-01-31,test_shelters,anbar,5\n");
    String html = ReportBuilder.forRun(run).noFigures().render();
    JsonNode chart = ReportPage.chart(html, "test-extension");
    assertThat(chart.path("title").asText()).isEqualTo("Shelters by region (shelters)");
    assertThat(chart.path("series").get(0).path("label").asText()).isEqualTo("Anbar");
    assertThat(chart.path("series").get(0).path("mean").get(0).asDouble()).isEqualTo(4);
    assertThat(html).contains("href=\"#test-extension\"", "A metric of an extension");
  }

  @Test
  void aChartIdUsedTwiceIsAnError() {
    ChartCatalogue one =
        () -> List.of(new ChartSpec("x", "X", "u", "c", List.of(), Set.of(), true));
    assertThatThrownBy(() -> ChartCatalogue.merge(List.of(one, one)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chart id 'x'");
  }

  @Test
  void chartIdsMustBeAnchors() {
    assertThatThrownBy(() -> new ChartSpec("a b", "X", "u", "c", List.of(), Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
