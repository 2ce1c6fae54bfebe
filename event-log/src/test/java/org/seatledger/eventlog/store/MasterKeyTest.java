package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

  static final String KEY_A = base64(1);
  static final String KEY_B = base64(2);

  static String base64(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void theFingerprintIsAnHmacOfTheFixedLabelUnderTheKey() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY_A), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal("seatledger master key fingerprint v1".getBytes()));

    MasterKey key = MasterKey.ofBase64(KEY_A, "SEATLEDGER_MASTER_KEY");

    assertEquals(expected, key.fingerprint());
    assertEquals(expected.substring(0, 16), key.keyId());
  }

  @Test
  void neitherFingerprintNorNameRevealTheKey() {
    MasterKey key = MasterKey.ofBase64(KEY_A, "SEATLEDGER_MASTER_KEY");
    String hexOfKey = HexFormat.of().formatHex(Base64.getDecoder().decode(KEY_A));

    assertFalse(key.fingerprint().contains(hexOfKey));
    assertFalse(key.toString().contains(KEY_A));
    assertFalse(key.toString().contains(hexOfKey));
  }

  @Test
  void differentKeysHaveDifferentFingerprintsAndTheSameKeyTheSame() {
    assertNotEquals(
        MasterKey.ofBase64(KEY_A, "a").fingerprint(), MasterKey.ofBase64(KEY_B, "b").fingerprint());
    assertEquals(
        MasterKey.ofBase64(KEY_A, "a").fingerprint(),
        MasterKey.ofBase64(" " + KEY_A + "\n", "a").fingerprint());
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64IsRefusedWithTheSettingNamed() {
    IllegalStateException shortKey =
        assertThrows(
            IllegalStateException.class,
            () -> MasterKey.ofBase64("c2hvcnQ=", "SEATLEDGER_MASTER_KEY_PREVIOUS"));
    assertTrue(shortKey.getMessage().contains("SEATLEDGER_MASTER_KEY_PREVIOUS"));
    assertTrue(shortKey.getMessage().contains("32 bytes"));
    IllegalStateException notBase64 =
        assertThrows(
            IllegalStateException.class, () -> MasterKey.ofBase64("%%%", "SEATLEDGER_MASTER_KEY"));
    assertTrue(notBase64.getMessage().contains("not base64"));
  }

  @Test
  void aDataKeyWrappedByOneMasterKeyOpensOnlyWithIt() {
    MasterKey a = MasterKey.ofBase64(KEY_A, "a");
    MasterKey b = MasterKey.ofBase64(KEY_B, "b");
    byte[] dataKey = Base64.getDecoder().decode(base64(7));

    String wrapped = StoredDataKeys.wrap(a, "subject-1", dataKey);

    assertEquals(
        base64(7),
        Base64.getEncoder().encodeToString(StoredDataKeys.unwrap(a, "subject-1", wrapped)));
    assertThrows(RuntimeException.class, () -> StoredDataKeys.unwrap(b, "subject-1", wrapped));
    assertThrows(RuntimeException.class, () -> StoredDataKeys.unwrap(a, "subject-2", wrapped));
  }
}
