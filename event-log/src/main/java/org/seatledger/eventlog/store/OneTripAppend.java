package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A whole group in one round trip, its commit included (MySQL, MariaDB): the rows {@link KnownTail}
 * decided from what the committer's own commits left, sent as JSON to the stored procedure {@code
 * append_group_rows} (event-log migration V7), which opens a transaction and, under the append
 * lock, checks that the log's next position is the one the rows were numbered from, moves it past
 * them, checks the master key the new data keys were wrapped with, inserts the keys, the events and
 * the command rows, and commits; on any failure it rolls the group back and passes the error on.
 * One round trip where the ordinary path ({@link LogWriter#write}) takes five to seven with its
 * commit, and no transaction manager's commit on the server's side.
 *
 * <p>Nothing is looked up first: whatever a lookup would have found — another writer moved the log,
 * a stream is past the cached version, a command was carried out, a subject has a key — makes the
 * procedure signal or a unique key refuse a row, the transaction rolls back, and the committer
 * writes the group the ordinary way, which answers it as before.
 *
 * <p>Each table's rows go as an array of rows, each row an array of its values in the order of the
 * procedure's columns ({@link #EVENT_COLUMNS}, {@link #COMMAND_COLUMNS}, {@link #KEY_COLUMNS}): the
 * procedure's {@code JSON_TABLE} finds an array element by its index, where it had to go through an
 * object's members by name for every column of every row (docs/performance.md, "Rows as JSON
 * arrays"). Every string is sent with its non-ASCII characters escaped ({@code \\uXXXX}), so what
 * the server reads back is the very string the hash was computed over, whatever the connection's
 * character set.
 */
final class OneTripAppend {

  /** The values of an event's row, in order: {@code append_group_rows}'s columns. */
  static final List<String> EVENT_COLUMNS =
      List.of(
          "global_position",
          "event_id",
          "stream_id",
          "stream_type",
          "stream_version",
          "event_type",
          "schema_version",
          "payload",
          "recorded_at",
          "recorded_by",
          "command_id",
          "correlation_id",
          "causation_id",
          "reason",
          "previous_hash",
          "hash");

  /** The values of a command row, in order. */
  static final List<String> COMMAND_COLUMNS =
      List.of("command_id", "outcome", "first_position", "last_position", "recorded_at");

  /** The values of a data key's row, in order. */
  static final List<String> KEY_COLUMNS =
      List.of("subject_id", "key_id", "wrapped_key", "created_at");

  private OneTripAppend() {}

  /**
   * Calls {@code append_group_rows} for a group's decided rows, numbered from {@code first}, on a
   * connection in autocommit: when it returns, the group is committed.
   */
  static void send(Connection c, KnownTail.Plan plan) throws SQLException {
    AppendGuards.Decision decision = plan.decision();
    // a plain statement, not prepareCall: Connector/J's CallableStatement reads the procedure's
    // parameters from the server first, one more round trip
    try (PreparedStatement call = c.prepareStatement("CALL append_group_rows(?, ?, ?, ?, ?, ?)")) {
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
          .value(key.subjectId())
          .value(key.keyId())
          .value(key.wrappedKey())
          .value(key.createdAtMicros());
    }
    return json.end();
  }

  static String eventsJson(List<StoredEvent> events) {
    Json json = new Json();
    for (StoredEvent e : events) {
      json.row()
          .value(e.globalPosition)
          .value(e.eventId)
          .value(e.streamId)
          .value(e.streamType)
          .value(e.streamVersion)
          .value(e.eventType)
          .value(e.schemaVersion)
          .value(e.payload)
          .value(e.recordedAtMicros)
          .value(e.recordedBy)
          .value(e.commandId)
          .value(e.correlationId)
          .value(e.causationId)
          .value(e.reason)
          .value(e.previousHash)
          .value(e.hash);
    }
    return json.end();
  }

  static String commandsJson(List<ProcessedCommand> processed) {
    Json json = new Json();
    for (ProcessedCommand p : processed) {
      json.row()
          .value(p.commandId)
          .value(p.outcome)
          .value(p.firstPosition)
          .value(p.lastPosition)
          .value(p.recordedAtMicros);
    }
    return json.end();
  }

  /** An array of rows, each an array of values; a null value is JSON {@code null}. */
  private static final class Json {
    private final StringBuilder out = new StringBuilder(4096).append('[');
    private boolean firstRow = true;
    private boolean firstValue;

    Json row() {
      if (!firstRow) {
        out.append("],");
      }
      out.append('[');
      firstRow = false;
      firstValue = true;
      return this;
    }

    Json value(Long value) {
      if (value == null) {
        next().append("null");
      } else {
        next().append(value.longValue());
      }
      return this;
    }

    Json value(long value) {
      next().append(value);
      return this;
    }

    Json value(String value) {
      if (value == null) {
        next().append("null");
      } else {
        quoted(next(), value);
      }
      return this;
    }

    String end() {
      if (!firstRow) {
        out.append(']');
      }
      return out.append(']').toString();
    }

    private StringBuilder next() {
      if (!firstValue) {
        out.append(',');
      }
      firstValue = false;
      return out;
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
