package org.seatledger.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.seatledger.eventlog.api.TimeOrderedIds;

/**
 * The idempotency key a form carries in its hidden field {@value FormCommands#KEY_FIELD}, made when
 * the form is rendered: the same form sent twice (a double click, a resent POST) is the same
 * command and is carried out once. Every rendering gets a new key, so a form shown again after a
 * refusal is a new attempt.
 */
@Named
@ApplicationScoped
public class FormKey {

  /** A new key; {@code #{formKey.next}} in the form's hidden field. */
  public String getNext() {
    return TimeOrderedIds.nextText();
  }

  /** The name of the hidden field, for views: {@code #{formKey.field}}. */
  public String getField() {
    return FormCommands.KEY_FIELD;
  }
}
