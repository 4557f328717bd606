package org.polemos.io.events;

import java.util.Locale;
import java.util.function.Function;

/**
 * A field of {@link ConflictEvent} events can be grouped by; its value (empty when null) is part of
 * the key.
 */
public enum GroupField {
  COUNTRY(ConflictEvent::country),
  ADMIN1(ConflictEvent::admin1),
  LOCATION(ConflictEvent::location),
  ACTOR1(ConflictEvent::actor1),
  ACTOR2(ConflictEvent::actor2),
  EVENT_TYPE(ConflictEvent::eventType),
  SUB_EVENT_TYPE(ConflictEvent::subEventType);

  private final Function<ConflictEvent, String> getter;

  GroupField(Function<ConflictEvent, String> getter) {
    this.getter = getter;
  }

  /** The field's value for {@code event}; empty, never null. */
  public String value(ConflictEvent event) {
    String value = getter.apply(event);
    return value == null ? "" : value;
  }

  /** The name used in {@code --by} ({@code country}, {@code event_type}, ...). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
