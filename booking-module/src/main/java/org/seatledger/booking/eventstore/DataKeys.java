package org.seatledger.booking.eventstore;

import java.util.Optional;
import javax.crypto.SecretKey;

/** Where the data keys of data subjects are kept (the database in production). */
public interface DataKeys {

  /** The subject's key, creating one if the subject has none yet. */
  SecretKey obtain(String subjectId);

  /** The subject's key, or empty when the subject was erased (or never had personal data). */
  Optional<SecretKey> find(String subjectId);

  /** Deletes the subject's key: everything encrypted with it becomes unreadable for good. */
  boolean erase(String subjectId);
}
