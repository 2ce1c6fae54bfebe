package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.LogDigest;
import org.seatledger.eventlog.api.LogDigests;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.it.Http;

/**
 * A digest kept outside the system catches what the hash chain alone cannot: someone with write
 * access to the database rewrites an event and re-computes its stream's whole chain, so the stream
 * verifies again — but the log no longer gives the kept digest, and the check names the exact event
 * (through the API, which has the audit trail's record of the hashes; the checkpoints alone name a
 * range). The chain is re-computed from the README's canonical form, as an intruder would ({@link
 * Intruder}); every row is put back afterwards, so the shared log stays verifiable.
 */
@ExtendWith(ArquillianExtension.class)
class DigestIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "digest-it", DigestIT.class, Fixtures.class, Intruder.class, Http.class);
  }

  @Inject EventStore store;
  @Inject LogDigests digests;

  /** An account that may change the table, as an intruder with database access would. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void aRewrittenEventWithItsStreamsChainRecomputedFailsTheKeptDigestNamingIt() throws Exception {
    String stream = newStream("digest-rewrite");
    AppendResult written = threeEvents(stream);
    long second = written.firstPosition() + 1;
    Http auditor = Http.admin();
    HttpResponse<String> applied =
        auditor.get("/api/audit/events?size=1&atLeast=" + written.lastPosition());
    assertEquals(200, applied.statusCode(), "the audit trail has applied the events");
    HttpResponse<String> download = auditor.get("/api/audit/digest");
    assertEquals(200, download.statusCode(), download.body());
    JsonObject keptJson = Http.object(download);
    LogDigest kept = digests.digest();
    assertTrue(kept.position() >= written.lastPosition(), "the digest covers the new events");
    assertTrue(digests.check(kept).ok(), "the untouched log gives the kept digest");
    assertTrue(Http.object(check(auditor, keptJson)).getBoolean("ok"));

    Intruder intruder =
        Intruder.rewrite(
            owner, second, "payload", Intruder.payloadAt(owner, second).replaceFirst("2", "7"));
    try {
      VerificationReport streamCheck = store.verify(Optional.of(stream));
      assertTrue(streamCheck.ok(), "the re-computed chain verifies: " + streamCheck.detail());
      assertTrue(store.verify(Optional.empty()).ok(), "and so does the whole log's chain");
      HttpResponse<String> viaApi = auditor.postJson("/api/audit/verify?streamId=" + stream, "");
      assertEquals(200, viaApi.statusCode(), viaApi.body());
      assertTrue(Http.object(viaApi).getBoolean("ok"), viaApi.body());

      DigestCheck alone = digests.check(kept);
      assertFalse(alone.ok(), alone.detail());
      assertTrue(
          alone.differsFrom() <= second && second <= alone.differsTo(),
          "the checkpoints alone name a range: "
              + alone.differsFrom()
              + ".."
              + alone.differsTo()
              + " for "
              + second);

      HttpResponse<String> answer = check(auditor, keptJson);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonObject found = Http.object(answer);
      assertFalse(found.getBoolean("ok"), answer.body());
      assertTrue(found.getBoolean("exact"), answer.body());
      assertEquals(second, found.getJsonNumber("differsFrom").longValue(), answer.body());
      assertEquals(second, found.getJsonNumber("differsTo").longValue(), answer.body());
      assertTrue(
          found.getString("detail").startsWith("the event at position " + second + " differs"),
          found.getString("detail"));
    } finally {
      intruder.restore();
    }
    assertTrue(digests.check(kept).ok(), "restored, the log gives the kept digest again");
    assertTrue(Http.object(check(auditor, keptJson)).getBoolean("ok"));
  }

  private static HttpResponse<String> check(Http auditor, JsonObject kept) {
    return auditor.postJson("/api/audit/digest/verify", kept.toString());
  }

  @Test
  void aNewerDigestExtendsTheOlderOne() {
    LogDigest older = digests.digest();
    threeEvents(newStream("digest-grow"));
    LogDigest newer = digests.digest();

    assertTrue(newer.position() >= older.position() + 3);
    assertTrue(digests.check(older).ok(), "events appended since do not matter");
    assertTrue(digests.check(newer).ok());
    assertEquals(recomputedDigest(newer.position()), newer.digest(), "the README's sha256sum");
  }

  /** The digest as the README computes it by hand: SHA-256 of the hashes, one per line. */
  private String recomputedDigest(long upTo) {
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT hash FROM events WHERE global_position BETWEEN 1 AND ?"
                    + " ORDER BY global_position")) {
      q.setLong(1, upTo);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          sha.update((rs.getString(1) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private AppendResult threeEvents(String stream) {
    return store.append(
        command(),
        List.of(
            append(
                stream,
                ExpectedVersion.NO_STREAM,
                reserved(stream, 1),
                reserved(stream, 2),
                reserved(stream, 3))),
        null);
  }
}
