package org.seatledger.eventlog.store;

import java.util.Collection;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where the data keys of data subjects are read from (the database in production). Keys are never
 * created here: an append creates the keys it needs and stores them with its events ({@link
 * AppendKeys}).
 */
public interface DataKeys {

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
