package org.seatledger.eventlog.api;

import java.util.Optional;

/**
 * The master key that wraps every data subject's key, as the database records it: which key is
 * active, whether this server holds it, and rotation to a new one while the servers keep running.
 */
public interface MasterKeyAdmin {

  /** The recorded key, this server's keys and how many data keys each master key wraps. */
  MasterKeyStatus status();

  /**
   * Why this server must not write personal data (it does not hold the database's master key), in
   * words for an admin and without key material; empty when it may. The first mismatch seen is
   * logged SEVERE with what to do.
   */
  Optional<String> mismatch();

  /**
   * Makes this server's {@code SEATLEDGER_MASTER_KEY} the active one (the database's key must be
   * this server's {@code SEATLEDGER_MASTER_KEY_PREVIOUS}) and re-wraps every data key wrapped by
   * the previous key, in batches of their own transaction, until none is left. Repeating it once
   * done re-wraps nothing.
   *
   * @throws MasterKeyRotationRefused when this server does not hold the keys to rotate from and to
   */
  MasterKeyRotation rotate();
}
