package org.seatledger.eventlog.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored identity of an event record: a stable name and the schema version of the record's
 * current shape. The name is what the log stores, never the Java class name, so classes can be
 * renamed and moved freely. A changed shape gets the next version and an upcaster from the previous
 * one; a stored shape never changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
  /** The stored type name, e.g. {@code SeatsReserved}. */
  String name();

  /** The schema version of this record's shape, from 1. */
  int version() default 1;
}
