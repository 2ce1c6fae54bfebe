package org.seatledger.eventlog.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component that holds personal data (a name, an e-mail address). The event store keeps it
 * encrypted with the key of the event's data subject (the component marked {@link DataSubject});
 * once that subject is erased it reads as {@link #ERASED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface PersonalData {
  /** What an erased value reads as. */
  String ERASED = "[erased]";
}
