package org.seatledger.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.reporting.api.ReportingQueries.ConferenceRow;
import org.seatledger.reporting.projection.AvailabilityProjection;

/**
 * The staff list of conferences: seats summed per conference, soonest first, searched by name, a
 * page at a time.
 */
class ConferenceRowsTest {

  private static final Instant T = Instant.parse("2027-03-01T09:00:00Z");
  private Connection connection;
  private long position;

  @BeforeEach
  void database() throws SQLException {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/reporting")
        .load()
        .migrate();
    connection = DriverManager.getConnection(url, "sa", "");
    feed(
        new ConferenceCreated(
            "late", "Late 100% Conf", "late", day("2027-09-01"), day("2027-09-02"), "Oslo"),
        new ConferenceCreated(
            "soon", "DevConf", "devconf", day("2027-05-04"), day("2027-05-06"), "Brno"),
        new SeatTypeAdded("soon", "standard", "Standard", 10, new BigDecimal("100.00"), "EUR"),
        new SeatCapacityChanged("soon", "standard", 10),
        new SeatTypeAdded("soon", "vip", "VIP", 5, new BigDecimal("300.00"), "EUR"),
        new SeatCapacityChanged("soon", "vip", 5),
        new ConferencePublished("soon"),
        new SeatsReserved("soon", "b1", Map.of("standard", 2, "vip", 1), T),
        new SeatsReserved("soon", "b2", Map.of("standard", 3), T),
        new SeatsCommitted("soon", "b1", Map.of("standard", 2, "vip", 1)));
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void eachConferenceComesWithItsSeatsSummedOverItsSeatTypesSoonestFirst() throws SQLException {
    assertEquals(
        List.of(
            new ConferenceRow(
                "soon",
                "DevConf",
                "devconf",
                day("2027-05-04"),
                day("2027-05-06"),
                "Brno",
                true,
                15,
                3,
                3,
                9),
            new ConferenceRow(
                "late",
                "Late 100% Conf",
                "late",
                day("2027-09-01"),
                day("2027-09-02"),
                "Oslo",
                false,
                0,
                0,
                0,
                0)),
        ConferenceRows.read(connection, 1, null, 1, 50));
  }

  @Test
  void aSearchMatchesAPartOfTheNameInAnyCaseWithWildcardsTakenLiterally() throws SQLException {
    assertEquals(List.of("soon"), ids(ConferenceRows.read(connection, 1, "devc", 1, 50)));
    assertEquals(List.of("late"), ids(ConferenceRows.read(connection, 1, " 100% ", 1, 50)));
    assertEquals(List.of(), ids(ConferenceRows.read(connection, 1, "0_%", 1, 50)));
    assertEquals(List.of("soon", "late"), ids(ConferenceRows.read(connection, 1, "  ", 1, 50)));
  }

  @Test
  void anotherGenerationOfTheReadModelIsNotListed() throws SQLException {
    assertEquals(List.of(), ConferenceRows.read(connection, 2, null, 1, 50));
    assertEquals(0, ConferenceRows.count(connection, 2, null));
  }

  @Test
  void everyConferencesNameByItsIdSoonestFirstWithoutSeatsOrACap() throws SQLException {
    Map<String, String> names = ConferenceRows.names(connection, 1);
    assertEquals(List.of("soon", "late"), List.copyOf(names.keySet()));
    assertEquals(Map.of("soon", "DevConf", "late", "Late 100% Conf"), names);
    assertEquals(Map.of(), ConferenceRows.names(connection, 2));

    for (int i = 0; i < 500; i++) {
      feed(
          new ConferenceCreated(
              "c" + i, "Conf " + i, "c" + i, day("2028-01-01"), day("2028-01-02"), "Rome"));
    }
    Map<String, String> all = ConferenceRows.names(connection, 1);
    assertEquals(502, all.size(), "beyond any screenful");
    assertEquals("Conf 99", all.get("c99"), "the last of them, by date and name");
  }

  @Test
  void pagesFollowOneAnotherWithoutGapOrRepeatAndTheCountCoversThemAll() throws SQLException {
    for (int i = 0; i < 120; i++) {
      feed(
          new ConferenceCreated(
              "c" + i,
              String.format("Conf %03d", i),
              "c" + i,
              day("2028-01-01"),
              day("2028-01-02"),
              "Rome"),
          new SeatTypeAdded("c" + i, "standard", "Standard", 0, BigDecimal.TEN, "EUR"),
          new SeatCapacityChanged("c" + i, "standard", i + 1));
    }
    assertEquals(122, ConferenceRows.count(connection, 1, null));
    List<ConferenceRow> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      List<ConferenceRow> rows = ConferenceRows.read(connection, 1, null, page, 50);
      assertEquals(page < 3 ? 50 : 22, rows.size(), "page " + page);
      seen.addAll(rows);
    }
    assertEquals(List.of(), ConferenceRows.read(connection, 1, null, 4, 50), "past the last");
    assertEquals(List.of("soon", "late", "c0", "c1"), ids(seen.subList(0, 4)));
    assertEquals(122, Set.copyOf(ids(seen)).size(), "no conference on two pages");
    assertEquals("Conf 119", seen.get(121).name(), "soonest first, then by name");
    assertEquals(120, seen.get(121).capacity(), "each conference's own seats, on any page");

    assertEquals(20, ConferenceRows.count(connection, 1, "conf 1"), "Conf 100 to Conf 119");
    assertEquals(List.of("c100", "c101"), ids(ConferenceRows.read(connection, 1, "conf 1", 1, 2)));
    assertEquals(List.of("c110", "c111"), ids(ConferenceRows.read(connection, 1, "conf 1", 6, 2)));
  }

  private static List<String> ids(List<ConferenceRow> rows) {
    return rows.stream().map(ConferenceRow::id).toList();
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  private void feed(Object... events) throws SQLException {
    AvailabilityProjection projection = new AvailabilityProjection();
    for (Object event : events) {
      projection.apply(recorded(event), connection, 1);
    }
  }

  private RecordedEvent recorded(Object event) {
    return new RecordedEvent(
        ++position,
        "s",
        "t",
        1,
        UUID.randomUUID().toString(),
        event.getClass().getSimpleName(),
        1,
        T,
        "staff",
        "c",
        "c",
        "c",
        null,
        "0",
        "1",
        event,
        Json.createObjectBuilder().build());
  }
}
