package org.polemos.io.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chart of the report, declared as data: what it plots (layers of metric and grouping), its unit
 * and caption, which kinds of intervention are relevant to it, and whether the value axis starts at
 * zero. The report draws every chart of {@link ChartCatalogue#all()} whose metrics the run has; an
 * extension adds charts through {@link ChartCatalogue}.
 *
 * @param id anchor of the chart in the page (letters, digits, {@code -}), unique in the catalogue
 * @param title the heading
 * @param unit unit of the value axis, shown in the heading and on hover (e.g. {@code km²}, {@code
 *     people})
 * @param caption what the chart shows, in a sentence or two
 * @param layers the series drawn, in order
 * @param interventionKinds kinds of intervention shaded by default (the reader can change them)
 * @param zeroBased whether the value axis includes zero
 * @param keyLabels display names of keys that are neither factions, sources nor regions (e.g.
 *     revenue streams)
 */
public record ChartSpec(
    String id,
    String title,
    String unit,
    String caption,
    List<Layer> layers,
    Set<String> interventionKinds,
    boolean zeroBased,
    Map<String, String> keyLabels) {

  public ChartSpec {
    if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("chart id '" + id + "' must be letters, digits and '-'");
    }
    layers = List.copyOf(layers);
    interventionKinds = Set.copyOf(interventionKinds);
    keyLabels = Map.copyOf(keyLabels);
  }

  /** A chart with no special key labels. */
  public ChartSpec(
      String id,
      String title,
      String unit,
      String caption,
      List<Layer> layers,
      Set<String> interventionKinds,
      boolean zeroBased) {
    this(id, title, unit, caption, layers, interventionKinds, zeroBased, Map.of());
  }

  /** How a layer picks the keys of its metric. */
  public enum Grouping {
    /** One key ({@link Layer#key()}), drawn with its 5-95% band. */
    ONE,
    /** Every key of the metric (e.g. each faction), each with its band. */
    EACH,
    /**
     * The {@link Layer#top()} keys with the largest final mean plus keys with an observed figure
     * (thin lines, no band), and the key {@code all} with its band.
     */
    TOP
  }

  /**
   * Series of one metric on a chart.
   *
   * @param metric the metric (a simulated metric of docs/OUTPUTS.md or a per-month series of the
   *     report)
   * @param grouping how keys are picked
   * @param key the key for {@link Grouping#ONE}
   * @param label the label for {@link Grouping#ONE} (empty: the key's display name)
   * @param top the number of keys for {@link Grouping#TOP}
   */
  public record Layer(String metric, Grouping grouping, String key, String label, int top) {
    /** One series with its band. */
    public static Layer one(String metric, String key, String label) {
      return new Layer(metric, Grouping.ONE, key, label, 0);
    }

    /** Every key of {@code metric}. */
    public static Layer each(String metric) {
      return new Layer(metric, Grouping.EACH, "", "", 0);
    }

    /** The top {@code top} keys of {@code metric} and their total. */
    public static Layer top(String metric, int top) {
      return new Layer(metric, Grouping.TOP, "", "", top);
    }
  }
}
