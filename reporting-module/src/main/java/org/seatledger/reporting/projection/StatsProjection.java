package org.seatledger.reporting.projection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Per conference and UTC day: bookings placed, confirmed, cancelled and expired, and revenue (paid
 * amounts, less the totals of confirmed bookings cancelled later).
 */
public final class StatsProjection implements Projection {

  public static final String NAME = "reporting.stats";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Class<?>> eventClasses() {
    return EVENTS;
  }

  private static final Set<Class<?>> EVENTS =
      Set.of(BookingPlaced.class, BookingConfirmed.class, SeatsReleased.class);

  /** Counts and amounts only: the names, e-mails and payment references are never read. */
  @Override
  public boolean readsPersonalData() {
    return false;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * A batch is summed per conference and day in memory and written as one update (or insert) per
   * day, after the batch's bookings; bookings placed before the batch are looked up in one query.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    Map<String, Placed> bookings = placedBefore(events, c, generation);
    Map<String, Placed> placedNow = new LinkedHashMap<>();
    Map<List<Object>, Day> days = new LinkedHashMap<>();
    for (RecordedEvent recorded : events) {
      Object event = recorded.event();
      LocalDate date = LocalDate.ofInstant(recorded.recordedAt(), ZoneOffset.UTC);
      long at = recorded.globalPosition();
      if (event instanceof BookingPlaced e) {
        Placed placed = new Placed(e.conferenceId(), e.total());
        bookings.putIfAbsent(e.bookingId(), placed);
        placedNow.putIfAbsent(e.bookingId(), placed);
        day(days, e.conferenceId(), date, at).booked++;
      } else if (event instanceof BookingConfirmed e) {
        Placed placed = bookings.get(e.bookingId());
        if (placed != null) {
          Day day = day(days, placed.conferenceId(), date, at);
          day.confirmed++;
          day.revenue = day.revenue.add(e.amount());
        }
      } else if (event instanceof SeatsReleased e) {
        Day day = day(days, e.conferenceId(), date, at);
        if ("expired".equals(e.reason())) {
          day.expired++;
        } else {
          day.cancelled++;
        }
        Placed placed = bookings.get(e.bookingId());
        if (e.wereSold() && placed != null) {
          day.revenue = day.revenue.subtract(placed.total());
        }
      }
    }
    insertBookings(placedNow, c, generation);
    addToDays(days, c, generation);
  }

  private record Placed(String conferenceId, BigDecimal total) {}

  /** A day's counters moved by events {@code first..last} of a batch. */
  private static final class Day {
    int booked;
    int confirmed;
    int cancelled;
    int expired;
    BigDecimal revenue = BigDecimal.ZERO;
    long first = Long.MAX_VALUE;
    long last;
  }

  private static Day day(Map<List<Object>, Day> days, String conference, LocalDate date, long at) {
    Day day = days.computeIfAbsent(List.of(conference, date), k -> new Day());
    day.first = Math.min(day.first, at);
    day.last = Math.max(day.last, at);
    return day;
  }

  /** The bookings the batch confirms or releases that were placed before it. */
  private static Map<String, Placed> placedBefore(
      List<RecordedEvent> events, Connection c, int generation) throws SQLException {
    Set<String> placedInBatch = new HashSet<>();
    Set<String> wanted = new LinkedHashSet<>();
    for (RecordedEvent recorded : events) {
      Object event = recorded.event();
      if (event instanceof BookingPlaced e) {
        placedInBatch.add(e.bookingId());
      } else if (event instanceof BookingConfirmed e && !placedInBatch.contains(e.bookingId())) {
        wanted.add(e.bookingId());
      } else if (event instanceof SeatsReleased e
          && e.wereSold()
          && !placedInBatch.contains(e.bookingId())) {
        wanted.add(e.bookingId());
      }
    }
    Map<String, Placed> found = new HashMap<>();
    List<String> ids = new ArrayList<>(wanted);
    for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
      List<Object> parameters = new ArrayList<>(chunk.size() + 1);
      parameters.add(generation);
      parameters.addAll(chunk);
      try (PreparedStatement query =
              Sql.prepare(
                  c,
                  "SELECT booking_id, conference_id, total FROM reporting_stat_bookings"
                      + " WHERE generation = ? AND booking_id IN ("
                      + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                      + ")",
                  parameters);
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), new Placed(rows.getString(2), rows.getBigDecimal(3)));
        }
      }
    }
    return found;
  }

  private static final int LOOKUP_CHUNK = 500;

  private static void insertBookings(Map<String, Placed> placed, Connection c, int generation)
      throws SQLException {
    Sql.insert(
        c,
        "INSERT IGNORE INTO reporting_stat_bookings (generation, booking_id, conference_id, total)",
        placed.entrySet(),
        (insert, booking) -> {
          insert.setInt(1, generation);
          insert.setString(2, booking.getKey());
          insert.setString(3, booking.getValue().conferenceId());
          insert.setBigDecimal(4, booking.getValue().total());
        });
  }

  /**
   * Adds to each day's counters unless its row has seen these events already (rows remember the
   * last position applied to them), in one statement; when fewer rows changed than the batch has
   * days, the days are inserted as well, ignored where a row exists: a day without a row gets one.
   */
  private static void addToDays(Map<List<Object>, Day> days, Connection c, int generation)
      throws SQLException {
    if (days.isEmpty()) {
      return;
    }
    List<Map.Entry<List<Object>, Day>> entries = new ArrayList<>(days.entrySet());
    int updated =
        Sql.updateEach(
            c,
            DAY_CHANGES,
            List.of(generation),
            entries,
            entry -> {
              Day day = entry.getValue();
              return new Sql.Each(
                  List.of(entry.getKey().get(0), Date.valueOf((LocalDate) entry.getKey().get(1))),
                  List.of(day.first),
                  List.of(
                      day.booked,
                      day.confirmed,
                      day.cancelled,
                      day.expired,
                      day.revenue,
                      day.last));
            });
    if (updated == entries.size()) {
      return;
    }
    Sql.insert(
        c,
        "INSERT IGNORE INTO reporting_daily_stats (generation, conference_id, stat_day, bookings, confirmations,"
            + " cancellations, expirations, revenue, last_position)",
        entries,
        (insert, entry) -> {
          Day day = entry.getValue();
          insert.setInt(1, generation);
          insert.setString(2, (String) entry.getKey().get(0));
          insert.setDate(3, Date.valueOf((LocalDate) entry.getKey().get(1)));
          insert.setInt(4, day.booked);
          insert.setInt(5, day.confirmed);
          insert.setInt(6, day.cancelled);
          insert.setInt(7, day.expired);
          insert.setBigDecimal(8, day.revenue);
          insert.setLong(9, day.last);
        });
  }

  /** A batch's counts added to the days it touched, each day only if it has not seen them. */
  private static final Sql.Updates DAY_CHANGES =
      new Sql.Updates(
          "reporting_daily_stats",
          "generation = ?",
          List.of("conference_id", "stat_day"),
          "last_position < ?",
          List.of(
              "bookings = bookings + ?",
              "confirmations = confirmations + ?",
              "cancellations = cancellations + ?",
              "expirations = expirations + ?",
              "revenue = revenue + ?",
              "last_position = ?"));

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM reporting_daily_stats WHERE generation = ?", generation);
    Sql.update(c, "DELETE FROM reporting_stat_bookings WHERE generation = ?", generation);
  }
}
