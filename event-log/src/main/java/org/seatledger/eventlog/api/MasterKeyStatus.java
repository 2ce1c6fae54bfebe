package org.seatledger.eventlog.api;

import java.util.Map;
import java.util.Objects;

/**
 * The master key as this server sees it. Key ids are the first 16 hex digits of a key's fingerprint
 * (an HMAC under the key, never the key itself).
 *
 * @param activeKeyId the key the database names for wrapping new data keys; null before any server
 *     has recorded one
 * @param serverKeyId this server's {@code SEATLEDGER_MASTER_KEY}
 * @param previousKeyId this server's {@code SEATLEDGER_MASTER_KEY_PREVIOUS}, or null
 * @param matches whether this server holds the active key (and so may write personal data)
 * @param dataKeysByMasterKey how many data keys each master key wraps, by key id
 */
public record MasterKeyStatus(
    String activeKeyId,
    String serverKeyId,
    String previousKeyId,
    boolean matches,
    Map<String, Long> dataKeysByMasterKey) {
  public MasterKeyStatus {
    Objects.requireNonNull(serverKeyId, "serverKeyId");
    dataKeysByMasterKey = Map.copyOf(dataKeysByMasterKey);
  }
}
