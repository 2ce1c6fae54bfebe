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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

/**
 * A digest kept outside the system catches what the hash chain alone cannot: someone with write
 * access to the database rewrites an event and re-computes its stream's whole chain, so the stream
 * verifies again — but the log no longer gives the kept digest, and the check names where. The
 * chain is re-computed here from the README's canonical form, as an intruder would; every row is
 * put back afterwards, so the shared log stays verifiable.
 */
@ExtendWith(ArquillianExtension.class)
class DigestIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("digest-it", DigestIT.class, Fixtures.class);
  }

  @Inject EventStore store;
  @Inject LogDigests digests;

  /** An account that may change the table, as an intruder with database access would. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void aRewrittenEventWithItsStreamsChainRecomputedFailsTheKeptDigest() throws Exception {
    String stream = newStream("digest-rewrite");
    AppendResult written = threeEvents(stream);
    long second = written.firstPosition() + 1;
    LogDigest kept = digests.digest();
    assertTrue(kept.position() >= written.lastPosition(), "the digest covers the new events");
    assertTrue(digests.check(kept).ok(), "the untouched log gives the kept digest");

    List<Row> original = rowsOf(stream);
    try {
      execute(
          "UPDATE events SET payload = ? WHERE global_position = ?",
          original.get(1).payload.replaceFirst("2", "7"),
          second);
      recomputeChain(stream);

      VerificationReport streamCheck = store.verify(Optional.of(stream));
      assertTrue(streamCheck.ok(), "the re-computed chain verifies: " + streamCheck.detail());
      assertTrue(store.verify(Optional.empty()).ok(), "and so does the whole log's chain");

      DigestCheck check = digests.check(kept);
      assertFalse(check.ok(), check.detail());
      assertTrue(
          check.differsFrom() <= second && second <= check.differsTo(),
          "named " + check.differsFrom() + ".." + check.differsTo() + " for " + second);
      if (kept.position() <= 256) {
        assertEquals(second, check.differsFrom(), "a small log is named exactly");
        assertTrue(check.exact());
      }
    } finally {
      for (Row row : original) {
        execute(
            "UPDATE events SET payload = ?, previous_hash = ?, hash = ? WHERE global_position = ?",
            row.payload,
            row.previousHash,
            row.hash,
            row.position);
      }
    }
    assertTrue(digests.check(kept).ok(), "restored, the log gives the kept digest again");
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

  /** One stored event, every field its hash covers. */
  private static final class Row {
    long position;
    String eventId;
    String streamId;
    String streamType;
    long streamVersion;
    String eventType;
    int schemaVersion;
    String payload;
    long recordedAt;
    String recordedBy;
    String commandId;
    String correlationId;
    String causationId;
    String reason;
    String previousHash;
    String hash;
  }

  private List<Row> rowsOf(String stream) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT global_position, event_id, stream_id, stream_type, stream_version,"
                    + " event_type, schema_version, payload, recorded_at, recorded_by, command_id,"
                    + " correlation_id, causation_id, reason, previous_hash, hash FROM events"
                    + " WHERE stream_id = ? ORDER BY stream_version")) {
      q.setString(1, stream);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Row row = new Row();
          row.position = rs.getLong(1);
          row.eventId = rs.getString(2);
          row.streamId = rs.getString(3);
          row.streamType = rs.getString(4);
          row.streamVersion = rs.getLong(5);
          row.eventType = rs.getString(6);
          row.schemaVersion = rs.getInt(7);
          row.payload = rs.getString(8);
          row.recordedAt = rs.getLong(9);
          row.recordedBy = rs.getString(10);
          row.commandId = rs.getString(11);
          row.correlationId = rs.getString(12);
          row.causationId = rs.getString(13);
          row.reason = rs.getString(14);
          row.previousHash = rs.getString(15);
          row.hash = rs.getString(16);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Re-computes the stream's whole chain from its stored rows and writes it back with SQL. */
  private void recomputeChain(String stream) throws Exception {
    String previous = "0".repeat(64);
    for (Row row : rowsOf(stream)) {
      String hash = canonicalHash(previous, row);
      execute(
          "UPDATE events SET previous_hash = ?, hash = ? WHERE global_position = ?",
          previous,
          hash,
          row.position);
      previous = hash;
    }
  }

  /** The README's canonical form: each field's UTF-8 bytes behind a 4-byte length (-1: none). */
  private static String canonicalHash(String previousHash, Row row) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String field :
        new String[] {
          "seatledger-event-v1",
          previousHash,
          Long.toString(row.position),
          row.eventId,
          row.streamId,
          row.streamType,
          Long.toString(row.streamVersion),
          row.eventType,
          Integer.toString(row.schemaVersion),
          row.payload,
          Long.toString(row.recordedAt),
          row.recordedBy,
          row.commandId,
          row.correlationId,
          row.causationId,
          row.reason
        }) {
      byte[] utf8 = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
      int length = utf8 == null ? -1 : utf8.length;
      bytes.write(length >>> 24);
      bytes.write(length >>> 16);
      bytes.write(length >>> 8);
      bytes.write(length);
      if (utf8 != null) {
        bytes.write(utf8);
      }
    }
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
  }

  private void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
