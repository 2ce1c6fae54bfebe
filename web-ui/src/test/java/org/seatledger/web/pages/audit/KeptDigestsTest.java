package org.seatledger.web.pages.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.LogDigest;

/** A digest pasted back into the integrity page: what is read, and what is answered. */
class KeptDigestsTest {

  private static final String A = "a".repeat(64);
  private static final String B = "B".repeat(64);

  @Test
  void aDownloadedDigestIsReadBack() throws Exception {
    LogDigest digest =
        KeptDigests.read(
            "{\"format\":\"seatledger-log-digest-v1\",\"position\":8,\"lastHash\":\""
                + A
                + "\",\"digest\":\""
                + B
                + "\",\"fingerprint\":\"8:BBBB\",\"issuedAt\":\"2027-05-04T09:00:00Z\","
                + "\"checkpoints\":[{\"position\":4,\"digest\":\""
                + A
                + "\"},{\"position\":8,\"digest\":\""
                + B
                + "\"}]}");
    assertEquals(8, digest.position());
    assertEquals(B.toLowerCase(), digest.digest());
    assertEquals(A, digest.lastHash());
    assertEquals(2, digest.checkpoints().size());
    assertEquals(4, digest.checkpoints().get(0).position());
  }

  @Test
  void anEmptyLogsDigestHasNoLastHash() throws Exception {
    LogDigest digest =
        KeptDigests.read("{\"position\":0,\"lastHash\":null,\"digest\":\"" + A + "\"}");
    assertNull(digest.lastHash());
    assertEquals(0, digest.checkpoints().size());
  }

  @Test
  void whatIsNotADigestIsAnsweredWithASentence() {
    assertEquals("Paste the digest you kept (the JSON file you downloaded).", refusal("  "));
    assertEquals("That is not a digest: paste the whole JSON file, from { to }.", refusal("{nope"));
    assertEquals("That is not a digest: paste the whole JSON file, from { to }.", refusal("[1]"));
    assertEquals("position: a whole number is missing.", refusal("{\"digest\":\"" + A + "\"}"));
    assertEquals(
        "digest: 64 hex digits are missing.", refusal("{\"position\":3,\"digest\":\"abc\"}"));
    assertEquals(
        "This server checks digests of the form 'seatledger-log-digest-v1'.",
        refusal("{\"format\":\"v0\",\"position\":3,\"digest\":\"" + A + "\"}"));
    assertEquals(
        "checkpoints: positions rise and are at most the digest's position; 9 is not.",
        refusal(
            "{\"position\":8,\"digest\":\""
                + A
                + "\",\"checkpoints\":[{\"position\":9,\"digest\":\""
                + A
                + "\"}]}"));
  }

  private static String refusal(String text) {
    return assertThrows(KeptDigests.Unreadable.class, () -> KeptDigests.read(text)).getMessage();
  }
}
