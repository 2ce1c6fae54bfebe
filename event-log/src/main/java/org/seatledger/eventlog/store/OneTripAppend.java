package org.seatledger.eventlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * A whole group in one round trip, its commit included (MySQL, MariaDB): the rows {@link KnownTail}
 * decided from what the committer's own commits left, sent as one text of several statements —
 * {@code CALL append_group_open(…)} (event-log migration V9), which opens a transaction and, under
 * the append lock, checks that the log's next position is the one the rows were numbered from,
 * moves it past them and checks the master key the new data keys were wrapped with; then one
 * multi-row {@code INSERT} each for the keys, the events and the command rows; then {@code COMMIT}.
 * One round trip where the ordinary path ({@link LogWriter#write}) takes five to seven with its
 * commit, and no transaction manager's commit on the server's side.
 *
 * <p>The server runs the statements in order and stops at the first that fails: the {@code COMMIT}
 * is reached only when every row went in. After a failure the transaction may still be open (a row
 * was refused after the sequence moved), so it is rolled back here before the failure is passed on;
 * a connection lost on the way is rolled back by the server. Nothing of a group is ever stored
 * half-way.
 *
 * <p>Nothing is looked up first: whatever a lookup would have found — another writer moved the log,
 * a stream is past the cached version, a command was carried out, a subject has a key — makes the
 * procedure signal or a unique key refuse a row, and the committer writes the group the ordinary
 * way, which answers it as before.
 *
 * <p>The values are bound as parameters of one prepared statement, so the driver escapes them for
 * the connection as it does any parameter. The connection must accept several statements in one
 * text (Connector/J's {@code allowMultiQueries}, set on the {@code jdbc/seatledger-appends} data
 * source only); one that does not answers with a syntax error ({@link #refusesSeveralStatements}).
 */
final class OneTripAppend {

  private OneTripAppend() {}

  /** MySQL's and MariaDB's error code for a statement they cannot parse. */
  private static final int SYNTAX_ERROR = 1064;

  /**
   * Sends a group's decided rows, numbered from {@code first}, on a connection in autocommit that
   * takes several statements in one text: when it returns, the group is committed.
   */
  static void send(Connection c, KnownTail.Plan plan) throws SQLException {
    AppendGuards.Decision decision = plan.decision();
    try (PreparedStatement group = c.prepareStatement(text(decision))) {
      group.setLong(1, plan.first());
      group.setLong(2, decision.nextPosition());
      if (plan.masterKeyId() == null) {
        group.setNull(3, Types.VARCHAR);
      } else {
        group.setString(3, plan.masterKeyId());
      }
      int next = 4;
      next = Sql.bind(group, next, LogWriter.INSERT_KEYS, decision.keys(), LogWriter.KEY_ROW);
      next = Sql.bind(group, next, LogWriter.INSERT_EVENTS, decision.events(), LogWriter.EVENT_ROW);
      Sql.bind(group, next, LogWriter.INSERT_COMMANDS, decision.processed(), LogWriter.COMMAND_ROW);
      // each statement's answer in turn: a failure of any of them is thrown from here
      boolean rows = group.execute();
      while (rows || group.getUpdateCount() != -1) {
        rows = group.getMoreResults();
      }
    } catch (SQLException refused) {
      rollBack(c, refused);
      throw refused;
    }
  }

  /**
   * The group's statements: the opening call, an insert for each table that has rows, the commit.
   * Data keys come only with the master key that wrapped them (the plan names it).
   */
  static String text(AppendGuards.Decision decision) {
    StringBuilder text = new StringBuilder(256).append("CALL append_group_open(?, ?, ?)");
    insert(text, LogWriter.INSERT_KEYS, decision.keys());
    insert(text, LogWriter.INSERT_EVENTS, decision.events());
    insert(text, LogWriter.INSERT_COMMANDS, decision.processed());
    return text.append(";COMMIT").toString();
  }

  private static void insert(StringBuilder text, String insertInto, List<?> rows) {
    if (!rows.isEmpty()) {
      text.append(';').append(Sql.values(insertInto, rows.size()));
    }
  }

  /**
   * True when the database refused the text as a whole because the connection takes one statement
   * at a time: MySQL and MariaDB answer a second statement with a syntax error.
   */
  static boolean refusesSeveralStatements(SQLException e) {
    return e.getErrorCode() == SYNTAX_ERROR;
  }

  /** Ends whatever the text left open; a connection that cannot do even that is lost anyway. */
  private static void rollBack(Connection c, SQLException refused) {
    try (Statement rollBack = c.createStatement()) {
      rollBack.execute("ROLLBACK");
    } catch (SQLException lost) {
      refused.addSuppressed(lost);
    }
  }
}
