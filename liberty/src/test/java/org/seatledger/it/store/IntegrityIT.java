package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.eventlog.store.StoredDataKeys;
import org.seatledger.it.Http;

/**
 * Proof that history was not altered: changing, deleting or swapping events with SQL behind the
 * application's back is found, at the first bad position; erasing a person keeps the chain whole.
 * Every tampering is undone again, so the shared log stays verifiable.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrityIT {

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of("integrity-it", IntegrityIT.class, Fixtures.class, Http.class);
  }

  @Inject EventStore store;
  @Inject StoredDataKeys keys;
  @Inject UserTransaction transaction;

  /** An account that may change the table, as an intruder with database access would. */
  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void changingOneByteOfAPayloadIsFoundAtThatPosition() throws SQLException {
    String stream = newStream("tamper-byte");
    String untouched = newStream("untouched");
    AppendResult written = threeEvents(stream);
    threeEvents(untouched);
    long second = written.firstPosition() + 1;
    String original = payloadAt(second);
    try {
      execute(
          "UPDATE events SET payload = ? WHERE global_position = ?",
          original.replaceFirst("1", "2"),
          second);
      VerificationReport report = store.verify(Optional.of(stream));
      assertFalse(report.ok());
      assertEquals(second, report.firstBadPosition());
      assertTrue(report.detail().contains("changed"), report.detail());
      assertEquals(1, report.checkedEvents(), "the first event was fine");

      VerificationReport all = store.verify(Optional.empty());
      assertFalse(all.ok());
      assertEquals(
          second, all.firstBadPosition(), "the whole log names the same first bad position");

      assertTrue(store.verify(Optional.of(untouched)).ok(), "untouched streams verify clean");
    } finally {
      execute("UPDATE events SET payload = ? WHERE global_position = ?", original, second);
    }
    VerificationReport restored = store.verify(Optional.of(stream));
    assertTrue(restored.ok(), restored.detail());
  }

  @Test
  void deletingAnEventIsFound() throws SQLException, InterruptedException {
    String stream = newStream("tamper-delete");
    AppendResult written = threeEvents(stream);
    long second = written.firstPosition() + 1;
    List<Object> row = rowAt(second);
    try {
      execute("DELETE FROM events WHERE global_position = ?", second);
      VerificationReport report = store.verify(Optional.of(stream));
      assertFalse(report.ok());
      assertEquals(
          second + 1, report.firstBadPosition(), "the stream's chain breaks at the next event");
      VerificationReport all = store.verify(Optional.empty());
      assertFalse(all.ok());
      assertEquals(second, all.firstBadPosition(), "the log names the missing position");
      assertTrue(all.detail().contains("missing"), all.detail());
      assertTheAuditTrailRebuildsPastTheHole();
    } finally {
      insertRow(row);
    }
    assertTrue(store.verify(Optional.empty()).ok());
  }

  /**
   * The audit pages stay up while the log has a hole: the trail, rebuilt from a log with a deleted
   * row (so it surely reads the hole, which the live trail may have passed already), records the
   * position as missing and goes live; it does not stop there.
   */
  private static void assertTheAuditTrailRebuildsPastTheHole() throws InterruptedException {
    Http admin = Http.admin();
    HttpResponse<String> rebuild =
        admin.postJson("/api/admin/projections/" + TRAIL + "/rebuild", "");
    assertEquals(200, rebuild.statusCode(), rebuild.body());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    JsonObject trail = trail(admin);
    while (trail.containsKey("rebuild")
        || !trail.getString("status").equals("RUNNING")
        || trail.getJsonNumber("lagEvents").longValue() > 0) {
      assertFalse(trail.containsKey("error"), "the trail stopped on the hole: " + trail);
      assertTrue(Instant.now().isBefore(deadline), "the trail's rebuild: " + trail);
      Thread.sleep(200);
      trail = trail(admin);
    }
    assertFalse(trail.containsKey("error"), trail.toString());
  }

  private static final String TRAIL = "audit.trail";

  private static JsonObject trail(Http admin) {
    return ((JsonArray) Http.json(admin.get("/api/admin/projections")))
        .stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("name").equals(TRAIL))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void eventsAppendedWhileTheWholeLogIsVerifiedAreLeftForTheNextVerification() {
    threeEvents(newStream("before-verify"));
    AtomicReference<AppendResult> during = new AtomicReference<>();
    VerificationReport report =
        store.verify(
            Optional.empty(),
            checked -> {
              if (during.get() == null) {
                during.set(threeEvents(newStream("during-verify")));
              }
            });
    assertTrue(report.ok(), "not mistaken for events deleted at the end: " + report.detail());
    assertTrue(
        report.checkedEvents() < during.get().lastPosition(),
        "walks the log as it was when it began");
    VerificationReport next = store.verify(Optional.empty());
    assertTrue(next.ok(), next.detail());
    assertTrue(next.checkedEvents() >= during.get().lastPosition(), "the next one checks them");
  }

  @Test
  void swappingTwoEventsIsFound() throws SQLException {
    String stream = newStream("tamper-swap");
    AppendResult written = threeEvents(stream);
    long first = written.firstPosition();
    long second = first + 1;
    try {
      swapPositions(first, second);
      VerificationReport all = store.verify(Optional.empty());
      assertFalse(all.ok());
      assertEquals(first, all.firstBadPosition());
      assertFalse(store.verify(Optional.of(stream)).ok());
    } finally {
      swapPositions(first, second);
    }
    VerificationReport restored = store.verify(Optional.of(stream));
    assertTrue(restored.ok(), restored.detail());
  }

  @Test
  void erasingAPersonHidesTheirDataKeepsOthersAndTheChainVerifies() throws SQLException {
    String ada = "subject-" + newStream("ada");
    String grace = "subject-" + newStream("grace");
    String adaBooking = newStream("booking");
    String graceBooking = newStream("booking");
    store.append(
        command(),
        List.of(
            new org.seatledger.eventlog.api.StreamAppend(
                adaBooking,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(placed(adaBooking, ada, "Ada Lovelace", "ada@example.org")))),
        null);
    store.append(
        command(),
        List.of(
            new org.seatledger.eventlog.api.StreamAppend(
                graceBooking,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(placed(graceBooking, grace, "Grace Hopper", "grace@example.org")))),
        null);
    long position = store.readStream(adaBooking, 1, 1).get(0).globalPosition();
    assertFalse(payloadAt(position).contains("Ada"), "personal data is never stored in clear text");

    assertTrue(keys.erase(ada));

    BookingPlaced erased = (BookingPlaced) store.readStream(adaBooking, 1, 1).get(0).event();
    assertEquals(PersonalData.ERASED, erased.registrantName());
    assertEquals(PersonalData.ERASED, erased.registrantEmail());
    assertEquals(new BigDecimal("199.00"), erased.total(), "the booking itself is still there");
    RecordedEvent other = store.readStream(graceBooking, 1, 1).get(0);
    assertEquals("Grace Hopper", ((BookingPlaced) other.event()).registrantName());
    assertTrue(
        store.verify(Optional.of(adaBooking)).ok(), "erasure changes nothing that is hashed");
    assertNull(store.verify(Optional.of(adaBooking)).firstBadPosition());
  }

  @Test
  void aPersonsKeyIsStoredWithTheEventsThatNeedItOrNotAtAll() throws Exception {
    String subject = "subject-" + UUID.randomUUID();
    String rolledBack = newStream("booking");
    transaction.begin();
    try {
      store.append(
          command(),
          List.of(
              new org.seatledger.eventlog.api.StreamAppend(
                  rolledBack,
                  "Booking",
                  ExpectedVersion.NO_STREAM,
                  List.of(placed(rolledBack, subject, "Ada Lovelace", "ada@example.org")))),
          null);
    } finally {
      transaction.rollback();
    }
    assertEquals(0, keyRows(subject), "no key without the events that use it");
    assertEquals(0, store.streamVersion(rolledBack));

    String committed = newStream("booking");
    store.append(
        command(),
        List.of(
            new org.seatledger.eventlog.api.StreamAppend(
                committed,
                "Booking",
                ExpectedVersion.NO_STREAM,
                List.of(placed(committed, subject, "Ada Lovelace", "ada@example.org")))),
        null);
    assertEquals(1, keyRows(subject), "the key committed with the events");
    BookingPlaced read = (BookingPlaced) store.readStream(committed, 1, 1).get(0).event();
    assertEquals("Ada Lovelace", read.registrantName());
  }

  private long keyRows(String subject) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM subject_keys WHERE subject_id = ?")) {
      q.setString(1, subject);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
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

  private static BookingPlaced placed(String booking, String subject, String name, String email) {
    return new BookingPlaced(
        booking,
        "c-1",
        subject,
        name,
        email,
        Map.of("standard", 1),
        new BigDecimal("199.00"),
        "EUR",
        Instant.parse("2026-06-01T12:00:00Z"));
  }

  private String payloadAt(long position) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT payload FROM events WHERE global_position = ?")) {
      q.setLong(1, position);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private List<Object> rowAt(long position) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT * FROM events WHERE global_position = ?")) {
      q.setLong(1, position);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        ResultSetMetaData meta = rs.getMetaData();
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(meta.getColumnLabel(i));
          row.add(rs.getObject(i));
        }
        return row;
      }
    }
  }

  private void insertRow(List<Object> row) throws SQLException {
    StringBuilder columns = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i += 2) {
      columns.append(columns.length() == 0 ? "" : ", ").append(row.get(i));
      marks.append(marks.length() == 0 ? "?" : ", ?");
      values.add(row.get(i + 1));
    }
    execute("INSERT INTO events (" + columns + ") VALUES (" + marks + ")", values.toArray());
  }

  private void swapPositions(long a, long b) throws SQLException {
    execute("UPDATE events SET global_position = ? WHERE global_position = ?", -1L, a);
    execute("UPDATE events SET global_position = ? WHERE global_position = ?", a, b);
    execute("UPDATE events SET global_position = ? WHERE global_position = ?", b, -1L);
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
