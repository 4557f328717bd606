package org.polemos.io.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A CSV layout an importer understands, recognised from the header: the first layout of the dataset
 * (in the order {@link EventDataset#layouts()} lists them, most specific first) whose required
 * columns are all present, spelt exactly (case matters: it tells the old uppercase ACLED export
 * from the lowercase ones). Other columns are ignored; columns may come in any order.
 *
 * @param id short name, as printed in the import report ({@code acled-31col})
 * @param description one line saying what the layout is, printed with the id
 * @param required the columns that must all be present for this layout to be detected
 */
public record Layout(String id, String description, List<String> required) {

  public Layout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    required = List.copyOf(required);
    if (required.isEmpty()) {
      throw new IllegalArgumentException(
          "layout " + id + " requires no column: it would match any header");
    }
  }

  /** The required columns {@code header} lacks, in the layout's order. */
  public List<String> missing(Collection<String> header) {
    Set<String> present = Set.copyOf(header);
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!present.contains(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  /** The first of {@code layouts} whose required columns {@code header} all has, or null. */
  public static Layout detect(List<Layout> layouts, Collection<String> header) {
    for (Layout layout : layouts) {
      if (layout.missing(header).isEmpty()) {
        return layout;
      }
    }
    return null;
  }

  /** The lower-case form used to look columns up once the layout is known. */
  static String norm(String column) {
    return column.toLowerCase(Locale.ROOT);
  }
}
