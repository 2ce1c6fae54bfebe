package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A whole group in one round trip, its commit included (MySQL, MariaDB): the rows {@link KnownTail}
 * decided from what the committer's own commits left, sent as JSON arrays to the stored procedure
 * {@code append_group_committed} (event-log migration V6), which opens a transaction, calls {@code
 * append_group} (V5) — under the append lock it checks that the log's next position is the one the
 * rows were numbered from, moves it past them, checks the master key the new data keys were wrapped
 * with, and inserts the keys, the events and the command rows — and commits; on any failure it
 * rolls the group back and passes the error on. One round trip where the ordinary path ({@link
 * LogWriter#write}) takes five to seven with its commit, and no transaction manager's commit on the
 * server's side.
 *
 * <p>Nothing is looked up first: whatever a lookup would have found — another writer moved the log,
 * a stream is past the cached version, a command was carried out, a subject has a key — makes the
 * procedure signal or a unique key refuse a row, the transaction rolls back, and the committer
 * writes the group the ordinary way, which answers it as before.
 *
 * <p>Every string is sent with its non-ASCII characters escaped ({@code \\uXXXX}), so what the
 * server's {@code JSON_TABLE} reads back is the very string the hash was computed over, whatever
 * the connection's character set.
 */
final class OneTripAppend {

  private OneTripAppend() {}

  /**
   * Calls {@code append_group_committed} for a group's decided rows, numbered from {@code first},
   * on a connection in autocommit: when it returns, the group is committed.
   */
  static void send(Connection c, KnownTail.Plan plan) throws SQLException {
    AppendGuards.Decision decision = plan.decision();
    // a plain statement, not prepareCall: Connector/J's CallableStatement reads the procedure's
    // parameters from the server first, one more round trip
    try (PreparedStatement call =
        c.prepareStatement("CALL append_group_committed(?, ?, ?, ?, ?, ?)")) {
      call.setLong(1, plan.first());
      call.setLong(2, decision.nextPosition());
      if (plan.masterKeyId() == null) {
        call.setNull(3, Types.VARCHAR);
      } else {
        call.setString(3, plan.masterKeyId());
      }
      call.setString(4, keysJson(decision.keys()));
      call.setString(5, eventsJson(decision.events()));
      call.setString(6, commandsJson(decision.processed()));
      call.execute();
    }
  }

  static String keysJson(List<AppendKeys.NewKey> keys) {
    Json json = new Json();
    for (AppendKeys.NewKey key : keys) {
      json.row()
          .field("subject_id", key.subjectId())
          .field("key_id", key.keyId())
          .field("wrapped_key", key.wrappedKey())
          .field("created_at", key.createdAtMicros());
    }
    return json.end();
  }

  static String eventsJson(List<StoredEvent> events) {
    Json json = new Json();
    for (StoredEvent e : events) {
      json.row()
          .field("global_position", e.globalPosition)
          .field("event_id", e.eventId)
          .field("stream_id", e.streamId)
          .field("stream_type", e.streamType)
          .field("stream_version", e.streamVersion)
          .field("event_type", e.eventType)
          .field("schema_version", e.schemaVersion)
          .field("payload", e.payload)
          .field("recorded_at", e.recordedAtMicros)
          .field("recorded_by", e.recordedBy)
          .field("command_id", e.commandId)
          .field("correlation_id", e.correlationId)
          .field("causation_id", e.causationId)
          .field("reason", e.reason)
          .field("previous_hash", e.previousHash)
          .field("hash", e.hash);
    }
    return json.end();
  }

  static String commandsJson(List<ProcessedCommand> processed) {
    Json json = new Json();
    for (ProcessedCommand p : processed) {
      json.row()
          .field("command_id", p.commandId)
          .field("outcome", p.outcome)
          .field("first_position", p.firstPosition)
          .field("last_position", p.lastPosition)
          .field("recorded_at", p.recordedAtMicros);
    }
    return json.end();
  }

  /**
   * An array of flat objects. A null value is left out: {@code JSON_TABLE} reads a missing member
   * as SQL {@code NULL} (its default {@code NULL ON EMPTY}, on MySQL and MariaDB alike).
   */
  private static final class Json {
    private final StringBuilder out = new StringBuilder(4096).append('[');
    private boolean firstRow = true;
    private boolean firstField;

    Json row() {
      if (!firstRow) {
        out.append("},");
      }
      out.append('{');
      firstRow = false;
      firstField = true;
      return this;
    }

    Json field(String name, Long value) {
      if (value != null) {
        name(name).append(value.longValue());
      }
      return this;
    }

    Json field(String name, long value) {
      name(name).append(value);
      return this;
    }

    Json field(String name, String value) {
      if (value != null) {
        quoted(name(name), value);
      }
      return this;
    }

    String end() {
      if (!firstRow) {
        out.append('}');
      }
      return out.append(']').toString();
    }

    private StringBuilder name(String name) {
      if (!firstField) {
        out.append(',');
      }
      firstField = false;
      return out.append('"').append(name).append("\":");
    }

    private static void quoted(StringBuilder out, String value) {
      out.append('"');
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (ch == '"' || ch == '\\') {
          out.append('\\').append(ch);
        } else if (ch < 0x20 || ch > 0x7e) {
          out.append("\\u").append(HEX[ch >> 12 & 0xf]).append(HEX[ch >> 8 & 0xf]);
          out.append(HEX[ch >> 4 & 0xf]).append(HEX[ch & 0xf]);
        } else {
          out.append(ch);
        }
      }
      out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
  }
}
