package org.seatledger.it.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Someone with write access to the database, as a test plays them: rewrites one field of a stored
 * event and re-computes its stream's whole hash chain from the README's canonical form, so the
 * per-stream verification passes again; then puts every row back as it was. Only a digest kept
 * outside the system can tell.
 */
public final class Intruder {

  private final DataSource owner;
  private final List<Row> original;

  private Intruder(DataSource owner, List<Row> original) {
    this.owner = owner;
    this.original = original;
  }

  /**
   * Sets {@code column} ({@code payload} or {@code recorded_by}) of the event at {@code position}
   * to {@code value} and re-computes the chain of its stream; the intruder that can undo it.
   */
  public static Intruder rewrite(DataSource owner, long position, String column, String value)
      throws SQLException {
    if (!column.equals("payload") && !column.equals("recorded_by")) {
      throw new IllegalArgumentException("rewrites payload or recorded_by, not " + column);
    }
    String stream = streamOf(owner, position);
    Intruder intruder = new Intruder(owner, rowsOf(owner, stream));
    execute(
        owner, "UPDATE events SET " + column + " = ? WHERE global_position = ?", value, position);
    String previous = "0".repeat(64);
    for (Row row : rowsOf(owner, stream)) {
      String hash = canonicalHash(previous, row);
      execute(
          owner,
          "UPDATE events SET previous_hash = ?, hash = ? WHERE global_position = ?",
          previous,
          hash,
          row.position);
      previous = hash;
    }
    return intruder;
  }

  /** The stored payload of the event at {@code position}. */
  public static String payloadAt(DataSource owner, long position) throws SQLException {
    return single(owner, "SELECT payload FROM events WHERE global_position = ?", position);
  }

  /** Puts every row of the stream back as it was before the rewrite. */
  public void restore() throws SQLException {
    for (Row row : original) {
      execute(
          owner,
          "UPDATE events SET payload = ?, recorded_by = ?, previous_hash = ?, hash = ?"
              + " WHERE global_position = ?",
          row.payload,
          row.recordedBy,
          row.previousHash,
          row.hash,
          row.position);
    }
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

  private static String streamOf(DataSource owner, long position) throws SQLException {
    return single(owner, "SELECT stream_id FROM events WHERE global_position = ?", position);
  }

  private static String single(DataSource owner, String sql, long position) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, position);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no event at position " + position);
        }
        return rs.getString(1);
      }
    }
  }

  private static List<Row> rowsOf(DataSource owner, String stream) throws SQLException {
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

  /** The README's canonical form: each field's UTF-8 bytes behind a 4-byte length (-1: none). */
  private static String canonicalHash(String previousHash, Row row) {
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
        bytes.writeBytes(utf8);
      }
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void execute(DataSource owner, String sql, Object... parameters)
      throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
