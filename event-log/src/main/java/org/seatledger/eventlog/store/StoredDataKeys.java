package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.SubjectKeys;

/**
 * Data keys of data subjects, kept in the database ({@link SubjectKeyRows}) wrapped (AES-GCM) with
 * the master key ({@link MasterKeyGuard}), and in memory unwrapped for a minute ({@link
 * DataKeyCache}).
 *
 * <p>New keys are made only for an append ({@link #forAppend}) and stored by {@link LogWriter} in
 * the append's own transaction, so the events and the keys they need commit together or not at all.
 * Each data key row names the master key that wrapped it, so during a rotation (this server holding
 * {@code SEATLEDGER_MASTER_KEY_PREVIOUS} as well) rows of either key are opened.
 */
@ApplicationScoped
public class StoredDataKeys implements DataKeys, SubjectKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SubjectKeyRows rows;
  @Inject MasterKeyGuard masterKey;

  private final DataKeyCache cache = new DataKeyCache();

  /** Fails with {@link MasterKeyMismatch} unless this server holds the active key. */
  @Override
  public void requireMatchingKey() {
    masterKey.wrappingKey();
  }

  @Override
  public Optional<SecretKey> find(String subjectId) {
    Optional<DataKeyCache.Known> known = cache.fresh(subjectId);
    if (known.isPresent()) {
      return known.get().key();
    }
    Optional<SecretKey> key =
        rows.wrappedKey(subjectId).filter(row -> !row.erased()).map(this::unwrap);
    cache.remember(subjectId, key);
    return key;
  }

  /**
   * Keys not in memory are read in one query and remembered; subjects without a row (erased) are
   * remembered as such, as {@link #find} does. The page that asked decrypts with the map answered:
   * it does not depend on the memory keeping them (when full, the memory is emptied — a rebuild
   * reading more people than it holds would otherwise have looked each one up again on its own).
   */
  @Override
  public Map<String, Optional<SecretKey>> findAll(Collection<String> subjectIds) {
    Map<String, Optional<SecretKey>> found = new HashMap<>();
    Set<String> lookUp = new HashSet<>();
    for (String subject : subjectIds) {
      Optional<DataKeyCache.Known> known = cache.fresh(subject);
      if (known.isPresent()) {
        found.put(subject, known.get().key());
      } else {
        lookUp.add(subject);
      }
    }
    if (lookUp.isEmpty()) {
      return found;
    }
    Map<String, SubjectKeyRows.Wrapped> wrapped = rows.wrappedKeys(lookUp);
    for (String subject : lookUp) {
      SubjectKeyRows.Wrapped row = wrapped.get(subject);
      Optional<SecretKey> key =
          row == null || row.erased() ? Optional.empty() : Optional.of(unwrap(row));
      cache.remember(subject, key);
      found.put(subject, key);
    }
    return found;
  }

  /** A new key and its row, not stored yet. */
  record Generated(SecretKey key, AppendKeys.NewKey row) {}

  /** {@link #forAppend(Set, Set)} with no subject known to be new. */
  public AppendKeys forAppend(Set<String> subjects) {
    return forAppend(subjects, Set.of());
  }

  /**
   * The keys for an append whose events name {@code subjects}: those not in memory are looked up in
   * one query; subjects without a key get one when first used, stored with the append. Subjects in
   * {@code newSubjects} (see {@link org.seatledger.eventlog.api.CommandAppend#newSubjects}) are not
   * looked up: they get a new key, and the append's guard under the lock refuses it should a key be
   * stored for them after all. An append with personal data is refused at once when this server
   * does not hold the active master key.
   */
  public AppendKeys forAppend(Set<String> subjects, Set<String> newSubjects) {
    if (!subjects.isEmpty()) {
      requireMatchingKey();
    }
    Map<String, SecretKey> found = new HashMap<>();
    Set<String> lookUp = new HashSet<>();
    Set<String> absent = new HashSet<>();
    for (String subject : subjects) {
      if (newSubjects.contains(subject)) {
        absent.add(subject);
        continue;
      }
      Optional<SecretKey> known = cache.fresh(subject).flatMap(DataKeyCache.Known::key);
      if (known.isPresent()) {
        found.put(subject, known.get());
      } else {
        lookUp.add(subject);
      }
    }
    absent.addAll(lookUp);
    Set<String> erased = new HashSet<>();
    if (!lookUp.isEmpty()) {
      rows.wrappedKeys(lookUp)
          .forEach(
              (subject, wrapped) -> {
                absent.remove(subject);
                if (wrapped.erased()) {
                  cache.remember(subject, Optional.empty());
                  erased.add(subject);
                  return;
                }
                SecretKey key = unwrap(wrapped);
                cache.remember(subject, Optional.of(key));
                found.put(subject, key);
              });
    }
    return new AppendKeys(this, found, absent, erased);
  }

  /** A new data key for the subject, wrapped by the master key the database names. */
  Generated generate(String subjectId) {
    MasterKey master = masterKey.wrappingKey();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new Generated(
        new SecretKeySpec(bytes, "AES"),
        new AppendKeys.NewKey(
            subjectId, master.keyId(), wrap(master, subjectId, bytes), Clock.micros()));
  }

  /** {@code dataKey} wrapped by {@code master} for storage. */
  public static String wrap(MasterKey master, String subjectId, byte[] dataKey) {
    return Base64.getEncoder()
        .encodeToString(
            PersonalDataCipher.seal(
                master.key(), "subject:" + subjectId, Base64.getEncoder().encodeToString(dataKey)));
  }

  /** The data key in a row, opened with the master key that wrapped it. */
  public static byte[] unwrap(MasterKey master, String subjectId, String wrapped) {
    return Base64.getDecoder()
        .decode(PersonalDataCipher.open(master.key(), "subject:" + subjectId, wrapped));
  }

  /** The append that stored these keys committed: they are served from memory from now on. */
  void committed(AppendKeys keys) {
    keys.createdKeys().forEach((subject, key) -> cache.remember(subject, Optional.of(key)));
  }

  /**
   * The append failed: whatever was assumed about its new subjects is looked up again, and so is
   * the active master key (the append may have been refused because it changed).
   */
  void discarded(AppendKeys keys) {
    keys.createdKeys().keySet().forEach(cache::forget);
    if (!keys.createdKeys().isEmpty()) {
      masterKey.forgetActive();
    }
  }

  /**
   * Replaces the subject's key by a tombstone (see {@link SubjectKeyRows#ERASED}) and forgets it on
   * this server at once; other servers stop using their cached copy within {@link
   * DataKeyCache#CACHE_FOR}.
   */
  @Override
  public boolean erase(String subjectId) {
    KeyState before = rows.erase(subjectId);
    cache.remember(subjectId, Optional.empty());
    return before == KeyState.PRESENT;
  }

  /** Whether the subject has a key, was erased, or never had personal data. */
  @Override
  public KeyState state(String subjectId) {
    return rows.state(subjectId);
  }

  /**
   * Opens a stored data key with the master key its row names. A row of a key this server does not
   * hold is a {@link MasterKeyMismatch} (a configuration to fix, not a broken event); rows older
   * than key ids are tried with every key held.
   */
  private SecretKey unwrap(SubjectKeyRows.Wrapped row) {
    MasterKeyRing ring = masterKey.ring();
    if (row.keyId() == null) {
      RuntimeException failure = null;
      for (MasterKey master :
          ring.previous().isPresent() ? twoKeys(ring) : Set.of(ring.current())) {
        try {
          return new SecretKeySpec(unwrap(master, row.subjectId(), row.wrappedKey()), "AES");
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      throw failure;
    }
    MasterKey master =
        ring.withId(row.keyId()).orElseThrow(() -> MasterKeyMismatch.onRead(row.keyId()));
    return new SecretKeySpec(unwrap(master, row.subjectId(), row.wrappedKey()), "AES");
  }

  private static Set<MasterKey> twoKeys(MasterKeyRing ring) {
    return Set.of(ring.current(), ring.previous().orElseThrow());
  }
}
