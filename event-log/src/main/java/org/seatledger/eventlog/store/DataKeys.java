package org.seatledger.eventlog.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
   * The keys of {@code subjectIds} in one look-up, for a page of events naming many people: each
   * subject's key, or empty when the subject has none, as {@link #find} answers. By default each is
   * found on its own.
   */
  default Map<String, Optional<SecretKey>> findAll(Collection<String> subjectIds) {
    Map<String, Optional<SecretKey>> found = new HashMap<>();
    subjectIds.forEach(subject -> found.put(subject, find(subject)));
    return found;
  }

  /**
   * Deletes the subject's key: everything encrypted with it becomes unreadable for good, and the
   * subject never gets a key again.
   *
   * @return true when a key was deleted now (false: none, or erased before)
   */
  boolean erase(String subjectId);
}
