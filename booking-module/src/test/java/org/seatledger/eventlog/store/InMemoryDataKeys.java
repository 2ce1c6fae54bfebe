package org.seatledger.eventlog.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys for tests: each subject's key is derived from its id, so fixtures written once stay
 * readable; erasing a subject makes its key unavailable, as deleting the row does.
 */
final class InMemoryDataKeys implements DataKeys, EventSerializer.WritingKeys {
  private final Set<String> erased = new HashSet<>();

  /** Writing, as an append does: no key (and so no personal data stored) for an erased subject. */
  @Override
  public SecretKey keyFor(String subjectId) {
    return find(subjectId).orElse(null);
  }

  @Override
  public Optional<SecretKey> find(String subjectId) {
    if (erased.contains(subjectId)) {
      return Optional.empty();
    }
    try {
      byte[] key =
          MessageDigest.getInstance("SHA-256")
              .digest(("test-key:" + subjectId).getBytes(StandardCharsets.UTF_8));
      return Optional.of(new SecretKeySpec(key, "AES"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean erase(String subjectId) {
    return erased.add(subjectId);
  }
}
