package org.seatledger.eventlog.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The data keys one append encrypts with: those of known subjects, looked up for the whole append
 * in one query, and new ones for subjects seen for the first time. New keys are stored in the
 * append's own transaction (never one transaction per person), so the events and the keys they need
 * commit together or not at all.
 */
public final class AppendKeys implements EventSerializer.WritingKeys {

  /** A key created for this append, wrapped with master key {@code keyId} for storage. */
  public record NewKey(String subjectId, String keyId, String wrappedKey, long createdAtMicros) {}

  private final StoredDataKeys keys;
  private final Map<String, SecretKey> known = new HashMap<>();
  private final Set<String> absent;
  private final List<NewKey> created = new ArrayList<>();
  private final Map<String, SecretKey> createdKeys = new HashMap<>();

  private final Set<String> erased;

  AppendKeys(
      StoredDataKeys keys, Map<String, SecretKey> found, Set<String> absent, Set<String> erased) {
    this.keys = keys;
    this.known.putAll(found);
    this.absent = absent;
    this.erased = erased;
  }

  /**
   * The key to encrypt a subject's data with; null for an erased subject, who never gets a key
   * again.
   */
  @Override
  public SecretKey keyFor(String subjectId) {
    SecretKey key = known.get(subjectId);
    if (key != null) {
      return key;
    }
    if (erased.contains(subjectId)) {
      return null;
    }
    key =
        absent.contains(subjectId)
            ? null
            : keys.find(subjectId).orElse(null); // not asked for up front: look it up
    if (key == null) {
      StoredDataKeys.Generated generated = keys.generate(subjectId);
      key = generated.key();
      created.add(generated.row());
      createdKeys.put(subjectId, key);
    }
    known.put(subjectId, key);
    return key;
  }

  /** Keys to insert with the append. */
  public List<NewKey> created() {
    return List.copyOf(created);
  }

  Map<String, SecretKey> createdKeys() {
    return createdKeys;
  }

  /** The append wrote nothing (a repeat): the keys made for it are not remembered. */
  void notStored() {
    createdKeys.clear();
  }
}
