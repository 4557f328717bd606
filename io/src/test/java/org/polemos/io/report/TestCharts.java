package org.polemos.io.report;

import java.util.List;
import java.util.Set;

/**
 * A chart catalogue registered through ServiceLoader by the test resources, as an extension would.
 */
public final class TestCharts implements ChartCatalogue {
  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec(
            "test-extension",
            "Shelters by region",
            "shelters",
            "A metric of an extension, charted without touching the report code.",
            List.of(ChartSpec.Layer.each("test_shelters")),
            Set.of("border-closure"),
            true));
  }
}
