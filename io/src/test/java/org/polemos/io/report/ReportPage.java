package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

/** Reads the data a report page embeds (the JSON of {@code <script id="report-data">}). */
final class ReportPage {
  private ReportPage() {}

  static JsonNode data(String html) {
    String open = "<script id=\"report-data\" type=\"application/json\">";
    int start = html.indexOf(open);
    assertThat(start).as("report data").isPositive();
    int end = html.indexOf("</script>", start);
    try {
      return new ObjectMapper().readTree(html.substring(start + open.length(), end));
    } catch (Exception e) {
      throw new AssertionError("report data is not JSON", e);
    }
  }

  static JsonNode chart(String html, String id) {
    for (JsonNode chart : data(html).path("charts")) {
      if (chart.path("id").asText().equals(id)) {
        return chart;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  /** The metrics of every chart in the catalogue. */
  static Set<String> metrics() {
    Set<String> metrics = new HashSet<>();
    for (ChartSpec chart : ChartCatalogue.all()) {
      chart.layers().forEach(layer -> metrics.add(layer.metric()));
    }
    return metrics;
  }
}
