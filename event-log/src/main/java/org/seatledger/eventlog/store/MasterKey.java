package org.seatledger.eventlog.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A master key with its fingerprint: HMAC-SHA256 of a fixed label under the key, in hex. The
 * fingerprint identifies the key in the database without revealing it; its first 16 hex digits are
 * the key id each wrapped data key is tagged with.
 */
public record MasterKey(String keyId, String fingerprint, SecretKey key) {

  static final String FINGERPRINT_LABEL = "seatledger master key fingerprint v1";
  static final int KEY_ID_LENGTH = 16;

  public MasterKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(key, "key");
  }

  public static MasterKey of(SecretKey key) {
    String fingerprint = fingerprint(key);
    return new MasterKey(keyIdOf(fingerprint), fingerprint, key);
  }

  /** The AES key in {@code base64}, which must be 32 bytes. */
  public static MasterKey ofBase64(String base64, String setting) {
    byte[] bytes;
    try {
      bytes = java.util.Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          setting + " must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    }
    return of(new SecretKeySpec(bytes, "AES"));
  }

  static String fingerprint(SecretKey key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(FINGERPRINT_LABEL.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static String keyIdOf(String fingerprint) {
    return fingerprint.substring(0, KEY_ID_LENGTH);
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "MasterKey[" + keyId + "]";
  }
}
