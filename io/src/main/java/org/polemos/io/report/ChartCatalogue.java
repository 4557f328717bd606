package org.polemos.io.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A source of report charts. The report draws the built-in charts ({@link BuiltInCharts}) and then
 * those of every implementation registered for {@link ServiceLoader} (a line with the class name in
 * {@code META-INF/services/org.polemos.io.report.ChartCatalogue}); see docs/EXTENDING.md.
 */
public interface ChartCatalogue {
  /** The charts this catalogue adds, in page order. */
  List<ChartSpec> charts();

  /**
   * The built-in charts followed by those of every registered catalogue; a chart id used twice is
   * an error.
   */
  static List<ChartSpec> all() {
    List<ChartCatalogue> catalogues = new ArrayList<>();
    catalogues.add(new BuiltInCharts());
    ServiceLoader.load(ChartCatalogue.class, ChartCatalogue.class.getClassLoader())
        .forEach(catalogues::add);
    return merge(catalogues);
  }

  /**
   * The charts of {@code catalogues} in order; a chart id used twice is an error naming both
   * catalogues.
   */
  static List<ChartSpec> merge(List<ChartCatalogue> catalogues) {
    Map<String, String> owner = new LinkedHashMap<>();
    List<ChartSpec> charts = new ArrayList<>();
    for (ChartCatalogue catalogue : catalogues) {
      for (ChartSpec chart : catalogue.charts()) {
        String previous = owner.putIfAbsent(chart.id(), catalogue.getClass().getName());
        if (previous != null) {
          throw new IllegalStateException(
              "chart id '"
                  + chart.id()
                  + "' of "
                  + catalogue.getClass().getName()
                  + " is already used by "
                  + previous);
        }
        charts.add(chart);
      }
    }
    return charts;
  }
}
