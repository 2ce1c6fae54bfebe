package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.SubjectKeys.KeyState;

/**
 * The data keys an append encrypts with: a subject the command brings into being is not looked up,
 * and a key made for an append that turned out to be a repeat (nothing written) is never taken for
 * the subject's key — the key stored by the first time is.
 */
class StoredDataKeysTest {

  private static final MasterKey MASTER = MasterKey.of(new SecretKeySpec(new byte[32], "AES"));

  private final Map<String, SubjectKeyRows.Wrapped> stored = new HashMap<>();
  private final List<Set<String>> lookedUp = new ArrayList<>();
  private final StoredDataKeys keys = new StoredDataKeys();

  StoredDataKeysTest() {
    keys.masterKey =
        new MasterKeyGuard() {
          @Override
          MasterKey wrappingKey() {
            return MASTER;
          }

          @Override
          public MasterKeyRing ring() {
            return new MasterKeyRing(MASTER, Optional.empty());
          }
        };
    keys.rows =
        new SubjectKeyRows() {
          @Override
          public Map<String, Wrapped> wrappedKeys(Collection<String> subjectIds) {
            lookedUp.add(Set.copyOf(subjectIds));
            Map<String, Wrapped> found = new HashMap<>();
            subjectIds.forEach(
                id -> Optional.ofNullable(stored.get(id)).ifPresent(w -> found.put(id, w)));
            return found;
          }

          @Override
          public Optional<Wrapped> wrappedKey(String subjectId) {
            return Optional.ofNullable(stored.get(subjectId));
          }

          @Override
          public KeyState erase(String subjectId) {
            Wrapped before = stored.put(subjectId, new Wrapped(subjectId, null, ERASED));
            return before == null ? KeyState.NONE : KeyState.PRESENT;
          }
        };
  }

  private void store(String subjectId, byte[] key) {
    stored.put(
        subjectId,
        new SubjectKeyRows.Wrapped(
            subjectId, MASTER.keyId(), StoredDataKeys.wrap(MASTER, subjectId, key)));
  }

  @Test
  void aSubjectTheCommandBringsIntoBeingIsNotLookedUpTheOthersAre() {
    store("registrant-old", new byte[32]);

    AppendKeys append =
        keys.forAppend(Set.of("registrant-new", "registrant-old"), Set.of("registrant-new"));

    assertEquals(List.of(Set.of("registrant-old")), lookedUp);
    assertNotNull(append.keyFor("registrant-new"));
    assertEquals(
        1, append.created().size(), "a new key for the new subject, stored with the append");
    assertEquals("registrant-new", append.created().get(0).subjectId());
  }

  @Test
  void aPagesPeopleAreLookedUpInOneQueryThoseKnownFromMemoryAndAnErasureCountsAtOnce() {
    byte[] alice = new byte[32];
    alice[0] = 1;
    store("alice", alice);
    store("bob", new byte[32]);
    stored.put("carol", new SubjectKeyRows.Wrapped("carol", null, SubjectKeyRows.ERASED));

    Map<String, Optional<SecretKey>> page = keys.findAll(Set.of("alice", "bob", "carol", "dave"));

    assertEquals(List.of(Set.of("alice", "bob", "carol", "dave")), lookedUp, "one query");
    assertArrayEquals(alice, page.get("alice").orElseThrow().getEncoded());
    assertEquals(Optional.empty(), page.get("carol"), "erased");
    assertEquals(Optional.empty(), page.get("dave"), "never had personal data");

    keys.erase("alice");
    Map<String, Optional<SecretKey>> next = keys.findAll(Set.of("alice", "bob"));

    assertEquals(1, lookedUp.size(), "both known from memory");
    assertEquals(Optional.empty(), next.get("alice"), "erased on this server: at once");
    assertEquals(page.get("bob"), next.get("bob"));
  }

  @Test
  void aKeyMadeForAnAppendAnsweredAsARepeatIsNotTakenForTheSubjectsKey() {
    byte[] first = new byte[32];
    first[0] = 7;
    store("registrant-1", first); // stored when the command was carried out the first time

    AppendKeys repeat = keys.forAppend(Set.of("registrant-1"), Set.of("registrant-1"));
    repeat.keyFor("registrant-1"); // a second key, made without looking
    EventAppender.keysOfRepeatNotStored(
        repeat, List.of(new AppendResult(5, 6, List.of(), true, "{}")));
    keys.committed(repeat);

    SecretKey key = keys.find("registrant-1").orElseThrow();
    assertArrayEquals(first, key.getEncoded(), "the first time's key, as stored");
  }
}
