package org.seatledger.eventlog.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.SubjectKeys;

/**
 * Data keys of data subjects, kept in the database wrapped (AES-GCM) with the master key.
 *
 * <p>The master key comes from {@code SEATLEDGER_MASTER_KEY} (32 random bytes, base64). Without it
 * a development key is generated once into the data folder, with a loud warning: in production
 * every server must be given the same master key. Unwrapped keys are cached for a minute; an
 * erasure on this server takes effect at once, on other servers within that minute.
 *
 * <p>The database records which master key wraps new data keys ({@link MasterKeyRecord}); the first
 * server to need it records its own. A server that holds another key wraps nothing: it throws
 * {@link MasterKeyMismatch} before the first wrap, so it never writes what other servers cannot
 * read. The record is read again every few seconds, and before a wrap when older than that, so a
 * rotation on another server is followed. Each data key row names the key that wrapped it, so
 * during a rotation (this server holding {@code SEATLEDGER_MASTER_KEY_PREVIOUS} as well) rows of
 * either key are opened.
 */
@ApplicationScoped
public class StoredDataKeys implements DataKeys, SubjectKeys {

  private static final Logger LOG = Logger.getLogger(StoredDataKeys.class.getName());
  private static final Duration CACHE_FOR = Duration.ofMinutes(1);
  private static final Duration ACTIVE_KEY_FOR = Duration.ofSeconds(5);
  private static final int CACHE_LIMIT = 50_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SubjectKeyRows rows;
  @Inject MasterKeyRecord record;

  @Inject
  @ConfigProperty(name = "seatledger.master-key")
  Optional<String> configuredMasterKey;

  @Inject
  @ConfigProperty(name = "seatledger.master-key.previous")
  Optional<String> configuredPreviousKey;

  @Inject
  @ConfigProperty(name = "SEATLEDGER_DATA_DIR")
  Optional<String> dataDir;

  private MasterKeyRing ring;
  private Path developmentKeyFile;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** The database's active key as last read, and when. */
  private record Checked(MasterKeyRecord.Active active, long readAtNanos) {
    boolean fresh() {
      return System.nanoTime() - readAtNanos < ACTIVE_KEY_FOR.toNanos();
    }
  }

  private volatile Checked checked;

  /** The active key id last reported as not matching: the SEVERE line is logged once per change. */
  private final AtomicReference<String> reportedMismatch = new AtomicReference<>();

  private record Cached(Optional<SecretKey> key, long loadedAtNanos) {
    boolean fresh() {
      return System.nanoTime() - loadedAtNanos < CACHE_FOR.toNanos();
    }
  }

  @PostConstruct
  void loadMasterKey() {
    MasterKey current =
        configuredMasterKey
            .filter(k -> !k.isBlank())
            .map(k -> MasterKey.ofBase64(k, "SEATLEDGER_MASTER_KEY"))
            .orElseGet(() -> MasterKey.ofBase64(developmentKey(), developmentKeyFile.toString()));
    Optional<MasterKey> previous =
        configuredPreviousKey
            .filter(k -> !k.isBlank())
            .map(k -> MasterKey.ofBase64(k, "SEATLEDGER_MASTER_KEY_PREVIOUS"));
    ring = new MasterKeyRing(current, previous);
  }

  /** This server's master keys. */
  public MasterKeyRing ring() {
    return ring;
  }

  /**
   * The key the database names for wrapping new data keys, recording this server's key if none is
   * recorded yet (concurrent first servers: one insert wins, the others read it).
   */
  public MasterKeyRecord.Active active() {
    Checked last = checked;
    if (last != null && last.fresh()) {
      return last.active();
    }
    MasterKeyRecord.Active active =
        record
            .read()
            .orElseGet(
                () -> {
                  try {
                    record.recordFirst(ring.current());
                    LOG.info(
                        () ->
                            "Recorded master key "
                                + ring.current().keyId()
                                + " as the database's master key");
                  } catch (RuntimeException anotherServerWasFaster) {
                    // its key is the database's now: compared below
                  }
                  return record.read().orElseThrow();
                });
    checked = new Checked(active, System.nanoTime());
    return active;
  }

  /** The master key to wrap new data keys with; never one the database does not name. */
  MasterKey wrappingKey() {
    MasterKeyRecord.Active active = active();
    Optional<MasterKey> key = ring.wrapping(active.fingerprint());
    if (key.isEmpty()) {
      reportMismatch(active);
      throw MasterKeyMismatch.onWrite();
    }
    reportedMismatch.set(null);
    return key.get();
  }

  /**
   * Why this server must not write personal data, or empty when it holds the active key. Logs the
   * SEVERE instruction the first time a mismatch is seen.
   */
  public Optional<String> mismatch() {
    try {
      wrappingKey();
      return Optional.empty();
    } catch (MasterKeyMismatch mismatch) {
      return Optional.of(
          "the master key does not match: the database's personal data is wrapped by master key "
              + active().keyId()
              + ", this server holds "
              + held()
              + "; give every server the same SEATLEDGER_MASTER_KEY");
    }
  }

  /** Fails with {@link MasterKeyMismatch} unless this server holds the active key. */
  @Override
  public void requireMatchingKey() {
    wrappingKey();
  }

  /** The active key is read again on next use (after an append of new keys failed, a rotation). */
  void forgetActive() {
    checked = null;
  }

  private String held() {
    return ring.current().keyId()
        + ring.previous().map(previous -> " and " + previous.keyId()).orElse("");
  }

  private void reportMismatch(MasterKeyRecord.Active active) {
    if (active.keyId().equals(reportedMismatch.getAndSet(active.keyId()))) {
      return;
    }
    LOG.severe(
        "MASTER KEY MISMATCH: the database's personal data is wrapped by master key "
            + active.keyId()
            + ", but this server holds "
            + held()
            + " (key ids, not keys). This server refuses to store personal data until it is"
            + " given the same key as the other servers. Fix: set SEATLEDGER_MASTER_KEY to the"
            + " value every other server has, then restart this server. If the first server ran"
            + " without SEATLEDGER_MASTER_KEY, the key is its development key: the file"
            + " keys/master.key in that server's data folder (SEATLEDGER_DATA_DIR"
            + (developmentKeyFile == null ? "" : "; this server's own is " + developmentKeyFile)
            + "); use its content as SEATLEDGER_MASTER_KEY on every server.");
  }

  @Override
  public SecretKey obtain(String subjectId) {
    return find(subjectId).orElseGet(() -> create(subjectId));
  }

  @Override
  public Optional<SecretKey> find(String subjectId) {
    Cached cached = cache.get(subjectId);
    if (cached != null && cached.fresh()) {
      return cached.key();
    }
    Optional<SecretKey> key =
        rows.wrappedKey(subjectId).filter(row -> !row.erased()).map(this::unwrap);
    remember(subjectId, key);
    return key;
  }

  /**
   * Keys not in memory are read in one query; subjects without a row (erased) are remembered as
   * such, as {@link #find} does.
   */
  @Override
  public void prefetch(Collection<String> subjectIds) {
    Set<String> lookUp = new HashSet<>();
    for (String subject : subjectIds) {
      Cached cached = cache.get(subject);
      if (cached == null || !cached.fresh()) {
        lookUp.add(subject);
      }
    }
    if (lookUp.isEmpty()) {
      return;
    }
    Map<String, SubjectKeyRows.Wrapped> wrapped = rows.wrappedKeys(lookUp);
    for (String subject : lookUp) {
      SubjectKeyRows.Wrapped row = wrapped.get(subject);
      remember(subject, row == null || row.erased() ? Optional.empty() : Optional.of(unwrap(row)));
    }
  }

  /** A new key and its row, not stored yet. */
  record Generated(SecretKey key, AppendKeys.NewKey row) {}

  /**
   * The keys for an append whose events name {@code subjects}: those not in memory are looked up in
   * one query; subjects without a key get one when first used, stored with the append. An append
   * with personal data is refused at once when this server does not hold the active master key.
   */
  public AppendKeys forAppend(Set<String> subjects) {
    if (!subjects.isEmpty()) {
      requireMatchingKey();
    }
    Map<String, SecretKey> found = new HashMap<>();
    Set<String> lookUp = new HashSet<>();
    for (String subject : subjects) {
      Cached cached = cache.get(subject);
      if (cached != null && cached.fresh() && cached.key().isPresent()) {
        found.put(subject, cached.key().get());
      } else {
        lookUp.add(subject);
      }
    }
    Set<String> absent = new HashSet<>(lookUp);
    Set<String> erased = new HashSet<>();
    if (!lookUp.isEmpty()) {
      rows.wrappedKeys(lookUp)
          .forEach(
              (subject, wrapped) -> {
                absent.remove(subject);
                if (wrapped.erased()) {
                  remember(subject, Optional.empty());
                  erased.add(subject);
                  return;
                }
                SecretKey key = unwrap(wrapped);
                remember(subject, Optional.of(key));
                found.put(subject, key);
              });
    }
    return new AppendKeys(this, found, absent, erased);
  }

  Generated generate(String subjectId) {
    MasterKey master = wrappingKey();
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
    keys.createdKeys().forEach((subject, key) -> remember(subject, Optional.of(key)));
  }

  /**
   * The append failed: whatever was assumed about its new subjects is looked up again, and so is
   * the active master key (the append may have been refused because it changed).
   */
  void discarded(AppendKeys keys) {
    keys.createdKeys().keySet().forEach(cache::remove);
    if (!keys.createdKeys().isEmpty()) {
      forgetActive();
    }
  }

  /**
   * Replaces the subject's key by a tombstone (see {@link SubjectKeyRows#ERASED}) and forgets it on
   * this server at once; other servers stop using their cached copy within {@link #CACHE_FOR}.
   */
  @Override
  public boolean erase(String subjectId) {
    KeyState before = rows.erase(subjectId);
    remember(subjectId, Optional.empty());
    return before == KeyState.PRESENT;
  }

  /** Whether the subject has a key, was erased, or never had personal data. */
  @Override
  public KeyState state(String subjectId) {
    return rows.state(subjectId);
  }

  private SecretKey create(String subjectId) {
    Generated generated = generate(subjectId);
    try {
      rows.insert(
          subjectId,
          generated.row().keyId(),
          generated.row().wrappedKey(),
          generated.row().createdAtMicros());
      remember(subjectId, Optional.of(generated.key()));
      return generated.key();
    } catch (MasterKeyMismatch activeKeyChanged) {
      forgetActive();
      throw activeKeyChanged;
    } catch (RuntimeException anotherWriterWasFaster) {
      cache.remove(subjectId);
      return rows.wrappedKey(subjectId).map(this::unwrap).orElseThrow(() -> anotherWriterWasFaster);
    }
  }

  /**
   * Opens a stored data key with the master key its row names. A row of a key this server does not
   * hold is a {@link MasterKeyMismatch} (a configuration to fix, not a broken event); rows older
   * than key ids are tried with every key held.
   */
  private SecretKey unwrap(SubjectKeyRows.Wrapped row) {
    if (row.keyId() == null) {
      RuntimeException failure = null;
      for (MasterKey master : ring.previous().isPresent() ? twoKeys() : Set.of(ring.current())) {
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

  private Set<MasterKey> twoKeys() {
    return Set.of(ring.current(), ring.previous().orElseThrow());
  }

  private void remember(String subjectId, Optional<SecretKey> key) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(subjectId, new Cached(key, System.nanoTime()));
  }

  private String developmentKey() {
    Path folder =
        Path.of(
            dataDir
                .filter(d -> !d.isBlank())
                .orElse(System.getProperty("user.home") + "/.seatledger"));
    Path file = folder.resolve("keys").resolve("master.key");
    developmentKeyFile = file;
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // best effort on file systems without POSIX permissions
        }
      }
      LOG.warning(
          "SEATLEDGER_MASTER_KEY is not set: personal data is encrypted with a DEVELOPMENT key kept"
              + " in "
              + file
              + ". Set SEATLEDGER_MASTER_KEY (32 random bytes, base64) in production, the same on"
              + " every server, and keep it safe: without it personal data cannot be read. Never"
              + " run a second server on the same database with its own development key.");
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the development master key in " + file, e);
    }
  }
}
