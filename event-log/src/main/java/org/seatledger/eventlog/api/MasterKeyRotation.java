package org.seatledger.eventlog.api;

import java.util.Objects;

/**
 * What a rotation did.
 *
 * @param fromKeyId the key data keys were re-wrapped from (null when there was none to rotate from)
 * @param toKeyId the key that is active now
 * @param activated whether this call made {@code toKeyId} the active key (false: it already was)
 * @param rewrapped data keys re-wrapped by this call
 * @param leftUnderOtherKeys data keys wrapped by keys this server holds neither of, left as they
 *     are
 * @param summary one sentence for the admin
 */
public record MasterKeyRotation(
    String fromKeyId,
    String toKeyId,
    boolean activated,
    long rewrapped,
    long leftUnderOtherKeys,
    String summary) {
  public MasterKeyRotation {
    Objects.requireNonNull(toKeyId, "toKeyId");
    Objects.requireNonNull(summary, "summary");
  }
}
