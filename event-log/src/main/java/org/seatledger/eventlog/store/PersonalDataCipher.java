package org.seatledger.eventlog.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.seatledger.eventlog.api.EventDecodingException;

/**
 * Encrypts one personal value with its subject's key: AES-256-GCM, a random 96-bit nonce per value,
 * the subject id as associated data (a value cannot be moved to another person). The stored form is
 * {@code pd1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 */
public final class PersonalDataCipher {

  static final String PREFIX = "pd1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One cipher object per thread, initialised afresh (new nonce) for every value: looking the
   * algorithm up costs more than the encryption of a name.
   */
  private static final ThreadLocal<Cipher> AES_GCM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is not available", e);
            }
          });

  private final DataKeys keys;

  public PersonalDataCipher(DataKeys keys) {
    this.keys = keys;
  }

  /** Encrypts with a given key of the subject (one an append obtained for all its events). */
  static String encrypt(SecretKey key, String subjectId, String plaintext) {
    return PREFIX + Base64.getEncoder().encodeToString(seal(key, subjectId, plaintext));
  }

  /** The keys of these people, in one look-up (see {@link DataKeys#findAll}). */
  Map<String, Optional<SecretKey>> keysOf(Collection<String> subjectIds) {
    return subjectIds.isEmpty() ? Map.of() : keys.findAll(subjectIds);
  }

  /** The plaintext, or empty when the subject's key is gone (erased). */
  public Optional<String> decrypt(String subjectId, String stored) {
    return decrypt(subjectId, stored, Map.of());
  }

  /**
   * As {@link #decrypt(String, String)}, with the keys of a page's people looked up before ({@link
   * #keysOf}); a subject not among them is found on its own.
   */
  Optional<String> decrypt(
      String subjectId, String stored, Map<String, Optional<SecretKey>> known) {
    if (!isEncrypted(stored)) {
      return Optional.of(stored);
    }
    if (subjectId == null) {
      throw new EventDecodingException("encrypted personal data names no data subject");
    }
    Optional<SecretKey> key = known.get(subjectId);
    return (key == null ? keys.find(subjectId) : key)
        .map(found -> open(found, subjectId, stored.substring(PREFIX.length())));
  }

  static boolean isEncrypted(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  static byte[] seal(SecretKey key, String associatedData, String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  static String open(SecretKey key, String associatedData, String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new EventDecodingException(
          "personal data of subject " + associatedData + " does not decrypt", e);
    }
  }
}
