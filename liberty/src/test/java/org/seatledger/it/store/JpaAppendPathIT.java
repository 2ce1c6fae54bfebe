package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.ConcurrencyConflict;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.store.JpaLogWriter;

/**
 * The EclipseLink append path ({@link JpaLogWriter}) and the application's JDBC path ({@link
 * EventStore#append}) write the same rows and give the same answers: the same commands appended
 * through each to a stream of its own store rows equal in every column but the ones that name the
 * stream, the command and the moment; both chains verify, and so does the whole log.
 */
@ExtendWith(ArquillianExtension.class)
class JpaAppendPathIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("jpa-append-path-it", JpaAppendPathIT.class, Fixtures.class);
  }

  @Inject EventStore store;
  @Inject JpaLogWriter jpa;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  /** An account that may write the table without the application, as a rogue writer would. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** Columns that differ by construction between two streams: every other column must be equal. */
  private static final List<String> NAMING =
      List.of(
          "global_position",
          "event_id",
          "stream_id",
          "recorded_at",
          "command_id",
          "correlation_id",
          "causation_id",
          "previous_hash",
          "hash");

  @Test
  void theSameCommandsThroughBothPathsStoreTheSameRowsAndEveryChainVerifies() throws Exception {
    String viaJdbc = newStream("path-jdbc");
    String viaJpa = newStream("path-jpa");
    List<List<SeatsReserved>> commands = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      commands.add(List.of(seats(i), seats(i + 10)));
    }
    List<AppendResult> jdbcResults = new ArrayList<>();
    List<AppendResult> jpaResults = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      ExpectedVersion expected =
          i == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(2L * i);
      String outcome = "{\"n\":" + i + "}";
      jdbcResults.add(
          store.append(
              command("jdbc-" + viaJdbc + "-" + i),
              List.of(append(viaJdbc, expected, commands.get(i).toArray())),
              outcome));
      jpaResults.add(
          jpa.appendAll(
                  List.of(
                      new CommandAppend(
                          command("jpa-" + viaJpa + "-" + i),
                          List.of(append(viaJpa, expected, commands.get(i).toArray())),
                          outcome)))
              .get(0));
    }

    List<Map<String, String>> jdbcRows = rows(viaJdbc);
    List<Map<String, String>> jpaRows = rows(viaJpa);
    assertEquals(6, jdbcRows.size());
    assertEquals(6, jpaRows.size());
    assertEquals(16, jpaRows.get(0).size(), "every column of the events table is compared");
    for (int i = 0; i < 6; i++) {
      assertEquals(
          withoutNaming(jdbcRows.get(i)),
          withoutNaming(jpaRows.get(i)),
          "event " + (i + 1) + ": type, version, payload, who, why are the same on both paths");
    }
    for (int i = 0; i < commands.size(); i++) {
      for (var pair :
          List.of(Map.entry(jdbcRows, jdbcResults.get(i)), Map.entry(jpaRows, jpaResults.get(i)))) {
        List<Map<String, String>> rows = pair.getKey();
        AppendResult result = pair.getValue();
        assertEquals(result.lastPosition(), result.firstPosition() + 1);
        assertEquals(result.firstPosition(), position(rows.get(2 * i)), "positions as answered");
        assertEquals(result.lastPosition(), position(rows.get(2 * i + 1)));
        assertEquals(2L * i + 2, result.streams().get(0).version());
        assertEquals(
            List.of("{\"n\":" + i + "}", result.firstPosition(), result.lastPosition()),
            processedRow(rows.get(2 * i).get("command_id")),
            "the command row: its outcome and positions");
      }
    }
    for (List<Map<String, String>> rows : List.of(jdbcRows, jpaRows)) {
      assertEquals("0".repeat(64), rows.get(0).get("previous_hash"));
      for (int i = 1; i < rows.size(); i++) {
        assertEquals(rows.get(i - 1).get("hash"), rows.get(i).get("previous_hash"));
      }
    }
    assertTrue(store.verify(Optional.of(viaJdbc)).ok());
    assertTrue(store.verify(Optional.of(viaJpa)).ok(), "the JPA path's hashes recompute");
    var all = store.verify(Optional.empty());
    assertTrue(all.ok(), "positions stay gap-free with both paths interleaved: " + all.detail());
  }

  @Test
  void aRepeatedCommandIdIsAnsweredWithItsFirstOutcomeWhicheverPathWroteIt() {
    String stream = newStream("path-repeat");
    CommandMetadata first = command("repeat-" + stream);
    AppendResult written =
        store.append(
            first, List.of(append(stream, ExpectedVersion.NO_STREAM, seats(1))), "{\"first\":1}");
    AppendResult viaJpa =
        jpa.appendAll(
                List.of(
                    new CommandAppend(
                        first,
                        List.of(append(stream, ExpectedVersion.ANY, seats(2))),
                        "{\"second\":2}")))
            .get(0);
    assertTrue(viaJpa.repeated());
    assertEquals("{\"first\":1}", viaJpa.outcome());
    assertEquals(written.lastPosition(), viaJpa.lastPosition());

    CommandMetadata second = command("repeat-jpa-" + stream);
    AppendResult jpaFirst =
        jpa.appendAll(
                List.of(
                    new CommandAppend(
                        second,
                        List.of(append(stream, ExpectedVersion.exactly(1), seats(3))),
                        "{\"jpa\":1}")))
            .get(0);
    AppendResult viaJdbc =
        store.append(second, List.of(append(stream, ExpectedVersion.ANY, seats(4))), "{}");
    assertTrue(viaJdbc.repeated());
    assertEquals("{\"jpa\":1}", viaJdbc.outcome());
    assertEquals(jpaFirst.lastPosition(), viaJdbc.lastPosition());
    assertEquals(2, store.streamVersion(stream), "repeats appended nothing");
  }

  @Test
  void aStaleOrTakenVersionIsTheSameConflictOnBothPathsAndWritesNothing() {
    String stream = newStream("path-stale");
    store.append(command(), List.of(append(stream, ExpectedVersion.NO_STREAM, seats(1))), null);
    for (ExpectedVersion wrong : List.of(ExpectedVersion.NO_STREAM, ExpectedVersion.exactly(5))) {
      ConcurrencyConflict jdbc =
          assertThrows(
              ConcurrencyConflict.class,
              () -> store.append(command(), List.of(append(stream, wrong, seats(2))), null));
      ConcurrencyConflict viaJpa =
          assertThrows(
              ConcurrencyConflict.class,
              () ->
                  jpa.appendAll(
                      List.of(
                          new CommandAppend(
                              command(), List.of(append(stream, wrong, seats(2))), null))));
      assertEquals(jdbc.getMessage(), viaJpa.getMessage(), "the same sentence on both paths");
    }
    assertEquals(1, store.streamVersion(stream));
  }

  @Test
  void aVersionStoredMeanwhileBehindTheLockIsRefusedByTheUniqueKeyOnBothPaths() throws Exception {
    assertUniqueKeyGuards(
        "jdbc",
        (stream) ->
            store.append(
                command(), List.of(append(stream, ExpectedVersion.exactly(1), seats(2))), null));
    assertUniqueKeyGuards(
        "jpa",
        (stream) ->
            jpa.appendAll(
                    List.of(
                        new CommandAppend(
                            command(),
                            List.of(append(stream, ExpectedVersion.exactly(1), seats(2))),
                            null)))
                .get(0));
  }

  /**
   * A writer that ignores the lock inserts version 2 and holds its transaction open; the path under
   * test, holding the lock, reads the head (version 1: the rogue row is not committed), inserts its
   * own version 2 and waits on the unique key until the rogue commits. The database then refuses
   * the duplicate and the path answers with the typed conflict. The rogue row is removed after.
   *
   * <p>The rogue row sits at a negative global position, below every position the sequence hands
   * out: the server's read models, the head and the chain read positions above their checkpoint (at
   * least 0), so for the half second it is there no projection of the shared log sees it. At a
   * position above the head it stopped the availability model on its empty payload and moved the
   * head out of reach, and the server stayed not ready for the tests after this one.
   */
  private void assertUniqueKeyGuards(String path, Function<String, AppendResult> appendVersion2)
      throws Exception {
    String stream = newStream("path-unique-" + path);
    store.append(command(), List.of(append(stream, ExpectedVersion.NO_STREAM, seats(1))), null);
    long rogue = -1_000_000L - Math.abs(UUID.randomUUID().getMostSignificantBits() % 1000);
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO events (global_position, event_id, stream_id, stream_type,"
                  + " stream_version, event_type, schema_version, payload, recorded_at,"
                  + " recorded_by, command_id, correlation_id, causation_id, reason,"
                  + " previous_hash, hash) VALUES (?, ?, ?, 'SeatAvailability', 2,"
                  + " 'SeatsReserved', 2, '{}', 0, 'rogue', ?, ?, ?, NULL, ?, ?)")) {
        String id = UUID.randomUUID().toString();
        insert.setLong(1, rogue);
        insert.setString(2, id);
        insert.setString(3, stream);
        insert.setString(4, id);
        insert.setString(5, id);
        insert.setString(6, id);
        insert.setString(7, "0".repeat(64));
        insert.setString(8, "1".repeat(64));
        insert.executeUpdate();
      }
      Future<AppendResult> attempt = executor.submit(() -> appendVersion2.apply(stream));
      Thread.sleep(500);
      c.commit();
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> attempt.get(60, TimeUnit.SECONDS), path);
      assertInstanceOf(ConcurrencyConflict.class, failed.getCause(), path + ": " + failed);
    } finally {
      try (Connection c = owner.getConnection();
          PreparedStatement delete =
              c.prepareStatement("DELETE FROM events WHERE global_position = ?")) {
        delete.setLong(1, rogue);
        delete.executeUpdate();
      }
    }
    assertEquals(1, store.readStream(stream, 1, 10).size(), path + ": nothing of it was written");
    assertTrue(store.verify(Optional.empty()).ok(), path + ": the log is whole again");
  }

  private static SeatsReserved seats(int n) {
    return new SeatsReserved(
        "conference-paths",
        "booking-" + n,
        Map.of("standard", n),
        Instant.parse("2026-06-01T12:00:00Z"));
  }

  private static Map<String, String> withoutNaming(Map<String, String> row) {
    Map<String, String> kept = new LinkedHashMap<>(row);
    NAMING.forEach(kept::remove);
    return kept;
  }

  private static long position(Map<String, String> row) {
    return Long.parseLong(row.get("global_position"));
  }

  private List<Map<String, String>> rows(String stream) throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT * FROM events WHERE stream_id = ? ORDER BY stream_version")) {
      query.setString(1, stream);
      try (ResultSet found = query.executeQuery()) {
        ResultSetMetaData meta = found.getMetaData();
        while (found.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            // as text: a CLOB (H2's MEDIUMTEXT) has no value equality
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), found.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private List<Object> processedRow(Object commandId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT outcome, first_position, last_position FROM processed_commands"
                    + " WHERE command_id = ?")) {
      query.setObject(1, commandId);
      try (ResultSet found = query.executeQuery()) {
        assertTrue(found.next(), "a command row for " + commandId);
        return List.of(found.getString(1), found.getLong(2), found.getLong(3));
      }
    }
  }
}
