package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A one-trip group as the database receives it: one text of statements — the opening call, an
 * insert for each table with rows, the commit — whose every placeholder carries the value of the
 * column the text names at its place; and a refused text is rolled back before the refusal goes on.
 */
class OneTripAppendTest {

  private final Map<Integer, Object> bound = new HashMap<>();
  private final List<String> sent = new ArrayList<>();

  @Test
  void theTextOpensInsertsEachTablesRowsAndCommits() {
    String text = OneTripAppend.text(decision(2, 3, 2));

    List<String> statements = List.of(text.split(";"));
    assertEquals(5, statements.size(), text);
    assertEquals("CALL append_group_open(?, ?, ?)", statements.get(0));
    assertTrue(statements.get(1).startsWith(LogWriter.INSERT_KEYS + " VALUES "), text);
    assertTrue(statements.get(2).startsWith(LogWriter.INSERT_EVENTS + " VALUES "), text);
    assertTrue(statements.get(3).startsWith(LogWriter.INSERT_COMMANDS + " VALUES "), text);
    assertEquals("COMMIT", statements.get(4));
    assertEquals(3 + 2 * 4 + 3 * 16 + 2 * 5, text.chars().filter(c -> c == '?').count());
  }

  @Test
  void aTableWithoutRowsHasNoInsert() {
    String text = OneTripAppend.text(decision(0, 1, 1));

    assertFalse(text.contains("subject_keys"), text);
    assertEquals(4, text.split(";").length, text);
  }

  @Test
  void everyValueIsBoundAtThePlaceholderOfItsColumn() throws SQLException {
    AppendGuards.Decision decision = decision(1, 2, 2);
    String text = OneTripAppend.text(decision);

    OneTripAppend.send(connection(null), new KnownTail.Plan(decision, 41, "master-1"));

    Map<String, List<Integer>> placeholders = placeholdersByColumn(text);
    assertEquals(41L, bound.get(1));
    assertEquals(43L, bound.get(2), "the sequence moves past the group");
    assertEquals("master-1", bound.get(3));
    for (int row = 0; row < 2; row++) {
      StoredEvent e = decision.events().get(row);
      assertEquals(e.globalPosition, column(placeholders, "events.global_position", row));
      assertEquals(e.eventId, column(placeholders, "events.event_id", row));
      assertEquals(e.streamId, column(placeholders, "events.stream_id", row));
      assertEquals(e.streamVersion, column(placeholders, "events.stream_version", row));
      assertEquals(e.schemaVersion, column(placeholders, "events.schema_version", row));
      assertEquals(e.payload, column(placeholders, "events.payload", row));
      assertEquals(e.recordedAtMicros, column(placeholders, "events.recorded_at", row));
      assertEquals(e.commandId, column(placeholders, "events.command_id", row));
      assertEquals(e.reason, column(placeholders, "events.reason", row));
      assertEquals(e.previousHash, column(placeholders, "events.previous_hash", row));
      assertEquals(e.hash, column(placeholders, "events.hash", row));
      ProcessedCommand p = decision.processed().get(row);
      assertEquals(p.commandId, column(placeholders, "processed_commands.command_id", row));
      assertEquals(p.outcome, column(placeholders, "processed_commands.outcome", row));
      assertEquals(p.lastPosition, column(placeholders, "processed_commands.last_position", row));
    }
    AppendKeys.NewKey key = decision.keys().get(0);
    assertEquals(key.subjectId(), column(placeholders, "subject_keys.subject_id", 0));
    assertEquals(key.wrappedKey(), column(placeholders, "subject_keys.wrapped_key", 0));
    assertEquals(key.createdAtMicros(), column(placeholders, "subject_keys.created_at", 0));
    assertEquals(
        text.chars().filter(c -> c == '?').count(), bound.size(), "every placeholder is bound");
    assertEquals(List.of(text), sent, "one text, nothing after it");
  }

  @Test
  void aRefusedTextIsRolledBackBeforeTheRefusalGoesOn() {
    SQLException duplicate =
        new SQLIntegrityConstraintViolationException("Duplicate entry 'c-0'", "23000", 1062);

    SQLException thrown =
        assertThrows(
            SQLException.class,
            () ->
                OneTripAppend.send(
                    connection(duplicate), new KnownTail.Plan(decision(0, 1, 1), 1, null)));

    assertSame(duplicate, thrown);
    assertEquals("ROLLBACK", sent.get(sent.size() - 1), "the open transaction is ended");
    assertFalse(OneTripAppend.refusesSeveralStatements(duplicate));
  }

  @Test
  void aConnectionThatTakesOneStatementAtATimeIsToldFromItsSyntaxError() {
    assertTrue(
        OneTripAppend.refusesSeveralStatements(
            new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064)));
  }

  /** Each column of each insert, qualified by its table, to the placeholders of its rows. */
  private static Map<String, List<Integer>> placeholdersByColumn(String text) {
    Map<String, List<Integer>> columns = new HashMap<>();
    int parameter = 3; // the opening call's
    Matcher insert =
        Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\) VALUES ([^;]*)").matcher(text);
    while (insert.find()) {
      String[] names = insert.group(2).split(",\\s*");
      long rows = insert.group(3).chars().filter(c -> c == '(').count();
      for (int row = 0; row < rows; row++) {
        for (String name : names) {
          columns
              .computeIfAbsent(insert.group(1) + "." + name, n -> new ArrayList<>())
              .add(++parameter);
        }
      }
    }
    return columns;
  }

  private Object column(Map<String, List<Integer>> placeholders, String column, int row) {
    return bound.get(placeholders.get(column).get(row));
  }

  /** A connection whose statements record what is bound and sent, failing with {@code failure}. */
  private Connection connection(SQLException failure) {
    return proxy(
        Connection.class,
        (method, args) ->
            switch (method) {
              case "prepareStatement" -> preparedStatement((String) args[0], failure);
              case "createStatement" -> statement();
              default -> null;
            });
  }

  private PreparedStatement preparedStatement(String text, SQLException failure) {
    return proxy(
        PreparedStatement.class,
        (method, args) -> {
          switch (method) {
            case "setLong", "setInt", "setString", "setObject" ->
                bound.put((Integer) args[0], args[1]);
            case "setNull" -> bound.put((Integer) args[0], null);
            case "execute" -> {
              sent.add(text);
              if (failure != null) {
                throw failure;
              }
              return false;
            }
            case "getUpdateCount" -> {
              return -1;
            }
            case "getMoreResults" -> {
              return false;
            }
            default -> {}
          }
          return null;
        });
  }

  private Statement statement() {
    return proxy(
        Statement.class,
        (method, args) -> {
          if (method.equals("execute")) {
            sent.add((String) args[0]);
            return false;
          }
          return null;
        });
  }

  @FunctionalInterface
  private interface Answer {
    Object answer(String method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            OneTripAppendTest.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args)));
  }

  private static AppendGuards.Decision decision(int keys, int events, int commands) {
    List<AppendKeys.NewKey> newKeys = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      newKeys.add(new AppendKeys.NewKey("person-" + i, "master-1", "wrapped-" + i, 900 + i));
    }
    List<StoredEvent> rows = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      rows.add(event(41 + i));
    }
    List<ProcessedCommand> processed = new ArrayList<>();
    for (int i = 0; i < commands; i++) {
      ProcessedCommand p = new ProcessedCommand();
      p.commandId = "c-" + i;
      p.outcome = i == 0 ? null : "{\"seat\":\"Zoë\"}";
      p.firstPosition = 41L + i;
      p.lastPosition = 41L + i;
      p.recordedAtMicros = 7;
      processed.add(p);
    }
    return new AppendGuards.Decision(List.of(), rows, processed, newKeys, 41 + events);
  }

  private static StoredEvent event(long position) {
    StoredEvent e = new StoredEvent();
    e.globalPosition = position;
    e.eventId = "6f0c1f8e-0000-4000-8000-0000000000" + position;
    e.streamId = "booking-" + position;
    e.streamType = "Booking";
    e.streamVersion = position - 40;
    e.eventType = "BookingPlaced";
    e.schemaVersion = 2;
    e.payload = "{\"name\":\"O'Brien; -- \\\\ " + position + "\"}";
    e.recordedAtMicros = 1_700_000_000_123_456L + position;
    e.recordedBy = "sam";
    e.commandId = "c-" + (position - 41);
    e.correlationId = "corr-1";
    e.causationId = "cause-1";
    e.reason = position % 2 == 0 ? null : "why " + position;
    e.previousHash = HashChain.GENESIS;
    e.hash = String.format("%064d", position);
    return e;
  }
}
