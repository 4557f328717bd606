package org.polemos.io.events;

import java.util.List;

/**
 * One event dataset an importer reads (GTD, ACLED, UCDP GED, or an extension's): its command-line
 * id, the CSV layouts it recognises from the header, and how one data row becomes a {@link
 * ConflictEvent}. Everything else (encoding detection, CSV parsing, rejects, counting into series,
 * the command line) is shared.
 *
 * <p>A new dataset is one class implementing this interface and one line naming it in {@code
 * META-INF/services/org.polemos.io.events.EventDataset}; {@link EventDatasets} finds it with {@link
 * java.util.ServiceLoader} and {@code polemos import <id>} runs it (docs/IMPORTING.md).
 * Implementations are stateless and need a public no-argument constructor.
 */
public interface EventDataset {
  /**
   * The lower-case id used on the command line and written in {@link ConflictEvent#dataset()}
   * ({@code acled}).
   */
  String id();

  /**
   * One line naming the dataset, shown by {@code polemos import --help} ({@code Armed Conflict
   * Location ...}).
   */
  String title();

  /**
   * The layouts this dataset's exports come in, in detection order (most specific first); at least
   * one.
   */
  List<Layout> layouts();

  /**
   * Maps one data row of a file whose header matched {@code layout} to an event.
   *
   * @throws RowProblem when the row cannot be used: it is rejected with the problem's reason and
   *     message, which should name the column, the value and what was expected
   */
  ConflictEvent map(EventRow row, Layout layout) throws RowProblem;

  /**
   * What a value rejected for {@code reason} should have looked like in {@code layout} (e.g. the
   * date layouts accepted), shown when most rows of a file are rejected for that reason; empty when
   * there is nothing to add to the layout's description.
   */
  default String expected(RejectReason reason, Layout layout) {
    return "";
  }

  /** Example command lines shown in the dataset's {@code --help}. */
  default List<String> examples() {
    return List.of();
  }
}
