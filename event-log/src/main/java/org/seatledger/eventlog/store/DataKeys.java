package org.seatledger.eventlog.store;

import java.util.Collection;
import java.util.Optional;
import javax.crypto.SecretKey;

/** Where the data keys of data subjects are kept (the database in production). */
public interface DataKeys {

  /** The subject's key, creating one if the subject has none yet. */
  SecretKey obtain(String subjectId);

  /** The subject's key, or empty when the subject was erased (or never had personal data). */
  Optional<SecretKey> find(String subjectId);

  /**
   * Makes the keys of {@code subjectIds} ready for {@link #find} in one look-up, before a page of
   * events naming many people is read. Optional: by default each key is found when first needed.
   */
  default void prefetch(Collection<String> subjectIds) {}

  /**
   * Deletes the subject's key: everything encrypted with it becomes unreadable for good, and the
   * subject never gets a key again.
   *
   * @return true when a key was deleted now (false: none, or erased before)
   */
  boolean erase(String subjectId);
}
