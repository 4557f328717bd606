package org.polemos.examples.reintegration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polemos.io.report.ChartCatalogue;
import org.polemos.io.report.ChartSpec;

/**
 * The extension's report chart, declared as data and registered in {@code
 * META-INF/services/org.polemos.io.report.ChartCatalogue}: the report draws it after the built-in
 * charts whenever the run has the {@code reintegration} metric (and leaves it out otherwise).
 */
public final class ReintegrationCharts implements ChartCatalogue {
  /** The chart's id: its anchor in report.html. */
  public static final String ID = "reintegration";

  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec(
            ID,
            "Returnees in the reintegration programme",
            "people",
            "Returnees eligible for the programme (home and not arrested), waiting for a place, and"
                + " enrolled who completed it or not; waiting + completed + not completed ="
                + " eligible.",
            List.of(ChartSpec.Layer.each(ReintegrationModule.METRIC)),
            Set.of(),
            true,
            Map.of(
                "eligible", "eligible",
                "waiting", "waiting",
                "completed", "completed",
                "not_completed", "not completed")));
  }
}
