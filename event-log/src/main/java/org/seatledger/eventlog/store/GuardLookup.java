package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seatledger.eventlog.api.AppendResult;

/**
 * What the guards of an append need from the database ({@link AppendGuards.Found}; the master key
 * too where the database locks a row for one branch of a {@code UNION ALL}, else {@link LogWriter}
 * reads it with a lock of its own), read in one round trip on the writer's connection: the commands
 * carried out before (idempotency), the subjects that have a data key already, and the head (newest
 * version, hash, type) of each stream appended to — lookups by primary or unique key, sent as one
 * {@code UNION ALL}, so the committer waits for the database once for all of them.
 *
 * <p>Each head is its own {@code ORDER BY stream_version DESC LIMIT 1}: one index entry however
 * long the stream (a {@code MAX … GROUP BY} over several streams read every version of each, and a
 * busy conference's stream grows by thousands of events a day). A stream every append expects not
 * to exist only needs to be absent: its version 1 is looked for, and only when it is there after
 * all (a collision) is its head read, in a second query.
 */
final class GuardLookup {

  private GuardLookup() {}

  /** Reads the guards' state for these batches; run while the append lock is held. */
  static AppendGuards.Found find(Connection c, List<Prepared.Batch> batches) throws SQLException {
    return find(c, batches, false);
  }

  /**
   * {@link #find}, and in the same statement the master key the database names for new data keys,
   * read with a lock held until commit ({@code SELECT … FOR UPDATE}, as {@link LogWriter} reads it
   * on its own): only where {@link SequenceLock#locksInUnion()}. The lock is what makes a rotation
   * wait for this append or this append see the rotation; the other branches read as before, after
   * the append lock was taken.
   */
  static AppendGuards.Found findWithActiveKey(Connection c, List<Prepared.Batch> batches)
      throws SQLException {
    return find(c, batches, true);
  }

  private static AppendGuards.Found find(
      Connection c, List<Prepared.Batch> batches, boolean activeKey) throws SQLException {
    GuardKeys keys = GuardKeys.of(batches);
    List<String> commandIds = keys.commandIds();
    Set<String> existing = keys.existing();
    Set<String> fresh = keys.fresh();
    List<String> subjects = keys.subjects();
    Query query = new Query();
    if (activeKey) {
      query.branch(
          "SELECT 'M', key_id, NULL, NULL, NULL, NULL FROM master_key WHERE id = 1 FOR UPDATE",
          List.of());
    }
    heads(query, existing);
    if (!fresh.isEmpty()) {
      query.branch(
          "SELECT 'N', stream_id, NULL, NULL, NULL, NULL FROM events"
              + " WHERE stream_version = 1 AND stream_id IN ("
              + marks(fresh)
              + ")",
          fresh);
    }
    processed(query, commandIds);
    if (!subjects.isEmpty()) {
      query.branch(
          "SELECT 'K', subject_id, NULL, NULL, NULL, NULL FROM subject_keys"
              + " WHERE subject_id IN ("
              + marks(subjects)
              + ")",
          subjects);
    }
    Map<String, Head> heads = new HashMap<>();
    Map<String, AppendResult> carriedOut = new HashMap<>();
    Set<String> keysTaken = new HashSet<>();
    Set<String> collided = new LinkedHashSet<>();
    String[] activeKeyId = {null};
    query.run(
        c,
        rows -> {
          String id = rows.getString(2);
          switch (rows.getString(1)) {
            case "H" -> heads.put(id, head(rows));
            case "N" -> collided.add(id);
            case "C" -> carriedOut.put(id, firstOutcome(rows));
            case "M" -> activeKeyId[0] = id.strip();
            default -> keysTaken.add(id);
          }
        });
    if (!collided.isEmpty()) {
      Query again = new Query();
      heads(again, collided);
      again.run(c, rows -> heads.put(rows.getString(2), head(rows)));
    }
    return new AppendGuards.Found(heads, carriedOut, keysTaken, activeKeyId[0]);
  }

  private static void heads(Query query, Set<String> streams) {
    for (String stream : streams) {
      query.branch(
          "SELECT 'H', stream_id, stream_type, stream_version, NULL, hash FROM events"
              + " WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1",
          List.of(stream));
    }
  }

  /** The branch that finds commands carried out before (rows read by {@link #firstOutcome}). */
  private static void processed(Query query, List<String> commandIds) {
    if (!commandIds.isEmpty()) {
      query.branch(
          "SELECT 'C', command_id, outcome, first_position, last_position, NULL"
              + " FROM processed_commands WHERE command_id IN ("
              + marks(commandIds)
              + ")",
          commandIds);
    }
  }

  /** A command carried out before, as a repeat of it is answered. */
  private static AppendResult firstOutcome(ResultSet rows) throws SQLException {
    return new AppendResult(
        orZero(rows.getObject(4, Long.class)),
        orZero(rows.getObject(5, Long.class)),
        List.of(),
        true,
        rows.getString(3));
  }

  private static Head head(ResultSet rows) throws SQLException {
    return new Head(rows.getLong(4), rows.getString(6), rows.getString(3));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static String marks(Collection<String> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  /** Branches of one {@code UNION ALL} (each in parentheses: a branch may order and limit). */
  private static final class Query {
    private final List<String> branches = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();

    void branch(String sql, Collection<String> values) {
      branches.add("(" + sql + ")");
      parameters.addAll(values);
    }

    void run(Connection c, RowHandler handler) throws SQLException {
      if (branches.isEmpty()) {
        return;
      }
      try (PreparedStatement statement = c.prepareStatement(String.join(" UNION ALL ", branches))) {
        int index = 1;
        for (String value : parameters) {
          statement.setString(index++, value);
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            handler.row(rows);
          }
        }
      }
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void row(ResultSet rows) throws SQLException;
  }
}
