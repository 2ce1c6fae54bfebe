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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.MasterKeyMismatch;

/**
 * This server's master keys and the guard that it wraps data keys only with the one the database
 * names.
 *
 * <p>The master key comes from {@code SEATLEDGER_MASTER_KEY} (32 random bytes, base64). Without it
 * a development key is generated once into the data folder, with a loud warning: in production
 * every server must be given the same master key. {@code SEATLEDGER_MASTER_KEY_PREVIOUS} is held as
 * well during a rotation.
 *
 * <p>The database records which master key wraps new data keys ({@link MasterKeyRecord}); the first
 * server to need it records its own. A server that holds another key wraps nothing: it throws
 * {@link MasterKeyMismatch} before the first wrap, so it never writes what other servers cannot
 * read. The record is read again when older than a few seconds, so a rotation on another server is
 * followed.
 */
@ApplicationScoped
public class MasterKeyGuard {

  private static final Logger LOG = Logger.getLogger(MasterKeyGuard.class.getName());
  private static final Duration ACTIVE_KEY_FOR = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

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

  /** The database's active key as last read, and when. */
  private record Checked(MasterKeyRecord.Active active, long readAtNanos) {
    boolean fresh() {
      return System.nanoTime() - readAtNanos < ACTIVE_KEY_FOR.toNanos();
    }
  }

  private volatile Checked checked;

  /** The active key id last reported as not matching: the SEVERE line is logged once per change. */
  private final AtomicReference<String> reportedMismatch = new AtomicReference<>();

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
