package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasterKeyRingTest {

  private final MasterKey oldKey = MasterKey.ofBase64(MasterKeyTest.base64(1), "old");
  private final MasterKey newKey = MasterKey.ofBase64(MasterKeyTest.base64(2), "new");
  private final MasterKey otherKey = MasterKey.ofBase64(MasterKeyTest.base64(3), "other");

  private final MasterKeyRing onlyOld = new MasterKeyRing(oldKey, Optional.empty());
  private final MasterKeyRing rotating = new MasterKeyRing(newKey, Optional.of(oldKey));

  @Test
  void aServerWrapsWithTheKeyTheDatabaseNamesEvenIfItIsOnlyItsPreviousKey() {
    assertEquals(Optional.of(oldKey), onlyOld.wrapping(oldKey.fingerprint()));
    // step 1 of a rotation: every server holds both keys and still wraps with the old one
    assertEquals(Optional.of(oldKey), rotating.wrapping(oldKey.fingerprint()));
    assertEquals(Optional.of(newKey), rotating.wrapping(newKey.fingerprint()));
  }

  @Test
  void aServerThatDoesNotHoldTheDatabasesKeyWrapsNothing() {
    assertEquals(Optional.empty(), onlyOld.wrapping(newKey.fingerprint()));
    assertEquals(Optional.empty(), rotating.wrapping(otherKey.fingerprint()));
  }

  @Test
  void rowsAreOpenedWithTheKeyTheirIdNames() {
    assertEquals(Optional.of(oldKey), rotating.withId(oldKey.keyId()));
    assertEquals(Optional.of(newKey), rotating.withId(newKey.keyId()));
    assertEquals(Optional.empty(), onlyOld.withId(newKey.keyId()));
  }

  @Test
  void rotatingOnAServerHoldingTheActiveKeyAsPreviousActivatesItsCurrentKey() {
    MasterKeyRing.Plan plan = rotating.rotation(oldKey.fingerprint());

    assertEquals(new MasterKeyRing.Plan.Activate(oldKey, newKey), plan);
  }

  @Test
  void rotatingAgainOnceTheNewKeyIsActiveOnlyRewrapsWhatIsLeft() {
    assertEquals(
        new MasterKeyRing.Plan.Rewrap(Optional.of(oldKey), newKey),
        rotating.rotation(newKey.fingerprint()));
    assertEquals(
        new MasterKeyRing.Plan.Rewrap(Optional.empty(), oldKey),
        onlyOld.rotation(oldKey.fingerprint()));
  }

  @Test
  void rotatingOnAServerWithoutTheActiveKeyIsRefusedWithWhatToConfigure() {
    MasterKeyRing.Plan plan = onlyOld.rotation(newKey.fingerprint());

    MasterKeyRing.Plan.Refuse refuse = assertInstanceOf(MasterKeyRing.Plan.Refuse.class, plan);
    assertTrue(refuse.sentence().contains(newKey.keyId()), refuse.sentence());
    assertTrue(refuse.sentence().contains("SEATLEDGER_MASTER_KEY_PREVIOUS"), refuse.sentence());
    assertInstanceOf(MasterKeyRing.Plan.Refuse.class, rotating.rotation(otherKey.fingerprint()));
  }

  @Test
  void theSameKeyGivenAsCurrentAndPreviousIsOneKey() {
    MasterKeyRing twice = new MasterKeyRing(oldKey, Optional.of(oldKey));

    assertEquals(Optional.empty(), twice.previous());
    assertEquals(
        new MasterKeyRing.Plan.Rewrap(Optional.empty(), oldKey),
        twice.rotation(oldKey.fingerprint()));
  }
}
