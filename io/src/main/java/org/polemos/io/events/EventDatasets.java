package org.polemos.io.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registered {@link EventDataset}s: every implementation named in a {@code
 * META-INF/services/org.polemos.io.events.EventDataset} file on the class path, in class-path order
 * (the built-in GTD, ACLED and UCDP first). Ids must be unique.
 */
public final class EventDatasets {
  private static volatile List<EventDataset> all;

  private EventDatasets() {}

  /** Every registered dataset. */
  public static List<EventDataset> all() {
    List<EventDataset> loaded = all;
    if (loaded == null) {
      loaded = load(EventDatasets.class.getClassLoader());
      all = loaded;
    }
    return loaded;
  }

  /** The datasets registered for {@code loader}; fails when two share an id. */
  static List<EventDataset> load(ClassLoader loader) {
    List<EventDataset> found = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (EventDataset dataset : ServiceLoader.load(EventDataset.class, loader)) {
      if (dataset.layouts().isEmpty()) {
        throw new IllegalStateException(
            "event dataset "
                + dataset.id()
                + " ("
                + dataset.getClass().getName()
                + ") declares no layout");
      }
      if (!ids.add(dataset.id())) {
        throw new IllegalStateException(
            "two event datasets have the id "
                + dataset.id()
                + ": "
                + dataset.getClass().getName()
                + " and another");
      }
      found.add(dataset);
    }
    return Collections.unmodifiableList(found);
  }

  /** The dataset with {@code id}, if registered. */
  public static Optional<EventDataset> find(String id) {
    return all().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The registered ids, in order. */
  public static List<String> ids() {
    return all().stream().map(EventDataset::id).toList();
  }
}
