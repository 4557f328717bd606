package org.polemos.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that a scenario file may leave out; the record's constructor supplies
 * the default (documented on the component). Every component without it is required, so readers can
 * report a missing field by name instead of silently substituting zero.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.METHOD
})
public @interface Omittable {}
