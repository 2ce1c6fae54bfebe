package org.seatledger.booking.eventstore;

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
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Data keys of data subjects, kept in the database wrapped (AES-GCM) with the master key.
 *
 * <p>The master key comes from {@code SEATLEDGER_MASTER_KEY} (32 random bytes, base64). Without it
 * a development key is generated once into the data folder, with a loud warning: in production
 * every server must be given the same master key. Unwrapped keys are cached for a minute; an
 * erasure on this server takes effect at once, on other servers within that minute.
 */
@ApplicationScoped
public class StoredDataKeys implements DataKeys {

  private static final Logger LOG = Logger.getLogger(StoredDataKeys.class.getName());
  private static final Duration CACHE_FOR = Duration.ofMinutes(1);
  private static final int CACHE_LIMIT = 50_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SubjectKeyRows rows;

  @Inject
  @ConfigProperty(name = "seatledger.master-key")
  Optional<String> configuredMasterKey;

  @Inject
  @ConfigProperty(name = "SEATLEDGER_DATA_DIR")
  Optional<String> dataDir;

  private SecretKey master;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<SecretKey> key, long loadedAtNanos) {
    boolean fresh() {
      return System.nanoTime() - loadedAtNanos < CACHE_FOR.toNanos();
    }
  }

  @PostConstruct
  void loadMasterKey() {
    master = aesKey(configuredMasterKey.filter(k -> !k.isBlank()).orElseGet(this::developmentKey));
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
    Optional<SecretKey> key = rows.wrappedKey(subjectId).map(wrapped -> unwrap(subjectId, wrapped));
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
    Map<String, String> wrapped = rows.wrappedKeys(lookUp);
    for (String subject : lookUp) {
      String row = wrapped.get(subject);
      remember(subject, row == null ? Optional.empty() : Optional.of(unwrap(subject, row)));
    }
  }

  /** A new key and its row, not stored yet. */
  record Generated(SecretKey key, AppendKeys.NewKey row) {}

  /**
   * The keys for an append whose events name {@code subjects}: those not in memory are looked up in
   * one query; subjects without a key get one when first used, stored with the append.
   */
  public AppendKeys forAppend(Set<String> subjects) {
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
    if (!lookUp.isEmpty()) {
      rows.wrappedKeys(lookUp)
          .forEach(
              (subject, wrapped) -> {
                SecretKey key = unwrap(subject, wrapped);
                remember(subject, Optional.of(key));
                found.put(subject, key);
                absent.remove(subject);
              });
    }
    return new AppendKeys(this, found, absent);
  }

  Generated generate(String subjectId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String wrapped =
        Base64.getEncoder()
            .encodeToString(
                PersonalDataCipher.seal(
                    master, "subject:" + subjectId, Base64.getEncoder().encodeToString(bytes)));
    return new Generated(
        new SecretKeySpec(bytes, "AES"), new AppendKeys.NewKey(subjectId, wrapped, Clock.micros()));
  }

  /** The append that stored these keys committed: they are served from memory from now on. */
  void committed(AppendKeys keys) {
    keys.createdKeys().forEach((subject, key) -> remember(subject, Optional.of(key)));
  }

  /** The append failed: whatever was assumed about its new subjects is looked up again. */
  void discarded(AppendKeys keys) {
    keys.createdKeys().keySet().forEach(cache::remove);
  }

  @Override
  public boolean erase(String subjectId) {
    boolean existed = rows.delete(subjectId);
    remember(subjectId, Optional.empty());
    return existed;
  }

  private SecretKey create(String subjectId) {
    Generated generated = generate(subjectId);
    try {
      rows.insert(subjectId, generated.row().wrappedKey(), generated.row().createdAtMicros());
      remember(subjectId, Optional.of(generated.key()));
      return generated.key();
    } catch (RuntimeException anotherWriterWasFaster) {
      cache.remove(subjectId);
      return rows.wrappedKey(subjectId)
          .map(wrapped -> unwrap(subjectId, wrapped))
          .orElseThrow(() -> anotherWriterWasFaster);
    }
  }

  private SecretKey unwrap(String subjectId, String wrapped) {
    String keyBase64 = PersonalDataCipher.open(master, "subject:" + subjectId, wrapped);
    return new SecretKeySpec(Base64.getDecoder().decode(keyBase64), "AES");
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
              + " every server, and keep it safe: without it personal data cannot be read.");
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the development master key in " + file, e);
    }
  }

  private static SecretKey aesKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("SEATLEDGER_MASTER_KEY is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "SEATLEDGER_MASTER_KEY must be 32 bytes (base64 of 32 bytes)");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
