package org.seatledger.eventlog.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The master keys one server holds: its current key and, while a rotation is under way, the
 * previous one. Pure decisions, given the fingerprint the database records as active.
 */
public record MasterKeyRing(MasterKey current, Optional<MasterKey> previous) {

  public MasterKeyRing {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(previous, "previous");
    if (previous.isPresent() && previous.get().fingerprint().equals(current.fingerprint())) {
      previous = Optional.empty(); // the same key twice is one key
    }
  }

  /**
   * The key that wraps new data keys: whichever of this server's keys the database names as active.
   * Empty when this server holds neither — it must not wrap anything then.
   */
  public Optional<MasterKey> wrapping(String activeFingerprint) {
    return held(activeFingerprint);
  }

  /** The key with this fingerprint, if this server holds it. */
  public Optional<MasterKey> held(String fingerprint) {
    if (current.fingerprint().equals(fingerprint)) {
      return Optional.of(current);
    }
    return previous.filter(key -> key.fingerprint().equals(fingerprint));
  }

  /** The key with this id (a data key row's tag), if this server holds it. */
  public Optional<MasterKey> withId(String keyId) {
    if (current.keyId().equals(keyId)) {
      return Optional.of(current);
    }
    return previous.filter(key -> key.keyId().equals(keyId));
  }

  /** What a rotation on this server does, given the database's active key. */
  public sealed interface Plan {
    /** Make {@code to} active instead of {@code from}, then re-wrap from {@code from}. */
    record Activate(MasterKey from, MasterKey to) implements Plan {}

    /** {@code to} is active already; re-wrap whatever {@code from} still wraps (if held). */
    record Rewrap(Optional<MasterKey> from, MasterKey to) implements Plan {}

    /** This server cannot rotate; the sentence says what to configure. */
    record Refuse(String sentence) implements Plan {}
  }

  public Plan rotation(String activeFingerprint) {
    if (current.fingerprint().equals(activeFingerprint)) {
      return new Plan.Rewrap(previous, current);
    }
    if (previous.isPresent() && previous.get().fingerprint().equals(activeFingerprint)) {
      return new Plan.Activate(previous.get(), current);
    }
    return new Plan.Refuse(
        "This server holds neither the active master key "
            + MasterKey.keyIdOf(activeFingerprint)
            + " nor can rotate from it: give it the new key as SEATLEDGER_MASTER_KEY and the active"
            + " one as SEATLEDGER_MASTER_KEY_PREVIOUS, then rotate again.");
  }
}
