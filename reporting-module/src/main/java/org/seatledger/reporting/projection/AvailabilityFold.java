package org.seatledger.reporting.projection;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * One batch of the availability read model folded in memory: the rows of the conferences the batch
 * touches, looked up once, every event applied to them in log order, and what changed written back
 * per kind of change: new rows as multi-row inserts, changed seat types as one update statement
 * (see {@link AvailabilityProjection#applyAll}).
 */
final class AvailabilityFold {
  /** Conference ids per lookup statement: well under every database's parameter limit. */
  private static final int IDS_PER_LOOKUP = 500;

  final int generation;
  final Set<String> touched = new LinkedHashSet<>();

  /**
   * Whether the batch creates, publishes or unpublishes a conference: only then are conference rows
   * looked up (a live batch of bookings moves seats only).
   */
  boolean setsUpConferences;

  /**
   * Whether the batch only moves seats (holds, sales, releases): then nothing is looked up, and
   * each seat type's seats are added to its row in one guarded update ({@link #moveOnly}).
   */
  boolean onlyMovesSeats = true;

  final Map<String, ConferenceRow> conferences = new LinkedHashMap<>();
  private final Map<List<String>, Moved> moved = new LinkedHashMap<>();
  final Map<List<String>, SeatRow> seats = new LinkedHashMap<>();
  final Map<String, Integer> seatTypesOf = new HashMap<>();

  AvailabilityFold(int generation) {
    this.generation = generation;
  }

  void load(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>(touched);
    for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP));
      String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      List<Object> parameters = new ArrayList<>();
      parameters.add(generation);
      parameters.addAll(chunk);
      if (setsUpConferences) {
        loadConferences(c, in, parameters);
      }
      try (PreparedStatement q =
              Sql.prepare(
                  c,
                  "SELECT conference_id, code, last_position FROM reporting_seat_types"
                      + " WHERE generation = ? AND conference_id IN ("
                      + in
                      + ")",
                  parameters);
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String conferenceId = rs.getString(1);
          long last = rs.getLong(3);
          seats.put(List.of(conferenceId, rs.getString(2)), new SeatRow(null, -1, last, last));
          seatTypesOf.merge(conferenceId, 1, Integer::sum);
        }
      }
    }
  }

  private void loadConferences(Connection c, String in, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT conference_id, last_position FROM reporting_conferences"
                    + " WHERE generation = ? AND conference_id IN ("
                    + in
                    + ")",
                parameters);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        long last = rs.getLong(2);
        conferences.put(rs.getString(1), new ConferenceRow(null, last, last));
      }
    }
  }

  /**
   * What a seat-moving event does to its seat types' counts: each seat held (+1) or let go (-1),
   * sold (+1) or refunded (-1); null for any other event.
   */
  record SeatMove(String conferenceId, Map<String, Integer> seats, int heldSign, int soldSign) {
    static SeatMove of(Object event) {
      if (event instanceof SeatsReserved e) {
        return new SeatMove(e.conferenceId(), e.seats(), 1, 0);
      } else if (event instanceof SeatsCommitted e) {
        return new SeatMove(e.conferenceId(), e.seats(), -1, 1);
      } else if (event instanceof SeatsReleased e) {
        return new SeatMove(
            e.conferenceId(), e.seats(), e.wereSold() ? 0 : -1, e.wereSold() ? -1 : 0);
      }
      return null;
    }
  }

  void apply(Object event, long at) {
    SeatMove seatMove = SeatMove.of(event);
    if (seatMove != null) {
      move(seatMove, at);
    } else if (event instanceof SeatCapacityChanged e) {
      SeatRow row = seatRow(e.conferenceId(), e.seatType(), at);
      if (row != null) {
        row.capacity = e.capacity();
        row.last = at;
      }
    } else if (event instanceof SeatTypeAdded e) {
      List<String> key = List.of(e.conferenceId(), e.code());
      if (!seats.containsKey(key)) {
        int ordinal = seatTypesOf.merge(e.conferenceId(), 1, Integer::sum) - 1;
        seats.put(key, new SeatRow(e, ordinal, -1, at));
      }
    } else if (event instanceof ConferenceCreated e) {
      conferences.putIfAbsent(e.conferenceId(), new ConferenceRow(e, -1, at));
    } else if (event instanceof ConferencePublished e) {
      publish(e.conferenceId(), true, at);
    } else if (event instanceof ConferenceUnpublished e) {
      publish(e.conferenceId(), false, at);
    }
  }

  /**
   * Adds a seat-moving event of a batch that only moves seats: its seats counted per seat type,
   * with the first and last positions that moved them.
   */
  void moveOnly(Object event, long at) {
    SeatMove seatMove = SeatMove.of(event);
    if (seatMove == null) {
      return;
    }
    for (Map.Entry<String, Integer> seat : seatMove.seats().entrySet()) {
      moved
          .computeIfAbsent(List.of(seatMove.conferenceId(), seat.getKey()), key -> new Moved(at))
          .take(seatMove, seat.getValue(), at);
    }
  }

  /**
   * Writes a batch that only moved seats: each seat type's row gets its seats added if it has seen
   * none of the batch's events (its last position is before the first that moved it). True when
   * every row took them: then the rows are what the looked-up fold leaves. Otherwise a row is
   * missing or has seen some of the batch (a step applies its batch whole, so neither happens to a
   * read model the engine steps), and the rows it left must be folded the looked-up way, which
   * applies each event only to a row before it — those that took the batch here now are.
   */
  boolean writeMoves(Connection c) throws SQLException {
    return Sql.updateEach(
            c,
            SEAT_MOVES,
            List.of(generation),
            List.copyOf(moved.entrySet()),
            entry -> {
              Moved row = entry.getValue();
              return new Sql.Each(
                  entry.getKey(), List.of(row.first), List.of(row.held, row.sold, row.last));
            })
        == moved.size();
  }

  /** A seat type's held and sold seats, and the position of the last event that moved them. */
  private abstract static class Counts {
    int held;
    int sold;
    long last;

    /** Takes {@code seats} seats of a seat move at position {@code at}. */
    final void take(SeatMove move, int seats, long at) {
      held += move.heldSign() * seats;
      sold += move.soldSign() * seats;
      last = at;
    }
  }

  /** The seats one seat type's row is moved by a batch that only moves seats. */
  private static final class Moved extends Counts {
    final long first;

    Moved(long first) {
      this.first = first;
    }
  }

  /** The row an event at {@code at} changes: none if missing or already past it. */
  private SeatRow seatRow(String conferenceId, String code, long at) {
    SeatRow row = seats.get(List.of(conferenceId, code));
    return row == null || row.last >= at ? null : row;
  }

  private void move(SeatMove seatMove, long at) {
    for (Map.Entry<String, Integer> seat : seatMove.seats().entrySet()) {
      SeatRow row = seatRow(seatMove.conferenceId(), seat.getKey(), at);
      if (row != null) {
        row.take(seatMove, seat.getValue(), at);
      }
    }
  }

  private void publish(String conferenceId, boolean published, long at) {
    ConferenceRow row = conferences.get(conferenceId);
    if (row != null && row.last < at) {
      row.published = published;
      row.last = at;
    }
  }

  void write(Connection c) throws SQLException {
    writeConferences(c);
    writeSeatTypes(c);
  }

  private void writeConferences(Connection c) throws SQLException {
    Sql.insert(
        c,
        "INSERT IGNORE INTO reporting_conferences (generation, conference_id, name, slug, starts_on,"
            + " ends_on, venue, published, last_position)",
        conferences.values().stream().filter(row -> row.created != null).toList(),
        (insert, row) -> {
          ConferenceCreated e = row.created;
          insert.setInt(1, generation);
          insert.setString(2, e.conferenceId());
          insert.setString(3, e.name());
          insert.setString(4, e.slug());
          insert.setDate(5, Date.valueOf(e.startsOn()));
          insert.setDate(6, Date.valueOf(e.endsOn()));
          insert.setString(7, e.venue());
          insert.setBoolean(8, row.published);
          insert.setLong(9, row.last);
        });
    Sql.batch(
        c,
        "UPDATE reporting_conferences SET published = ?, last_position = ?"
            + " WHERE generation = ? AND conference_id = ? AND last_position = ?",
        conferences.entrySet().stream().filter(entry -> entry.getValue().changed()).toList(),
        (update, entry) -> {
          ConferenceRow row = entry.getValue();
          update.setBoolean(1, row.published);
          update.setLong(2, row.last);
          update.setInt(3, generation);
          update.setString(4, entry.getKey());
          update.setLong(5, row.storedLast);
        });
  }

  private void writeSeatTypes(Connection c) throws SQLException {
    Sql.insert(
        c,
        "INSERT IGNORE INTO reporting_seat_types (generation, conference_id, code, name, ordinal,"
            + " capacity, held, sold, price, currency, last_position)",
        seats.values().stream().filter(row -> row.added != null).toList(),
        (insert, row) -> {
          SeatTypeAdded e = row.added;
          insert.setInt(1, generation);
          insert.setString(2, e.conferenceId());
          insert.setString(3, e.code());
          insert.setString(4, e.name());
          insert.setInt(5, row.ordinal);
          insert.setInt(6, row.capacity);
          insert.setInt(7, row.held);
          insert.setInt(8, row.sold);
          insert.setBigDecimal(9, e.price());
          insert.setString(10, e.currency());
          insert.setLong(11, row.last);
        });
    Sql.updateEach(
        c,
        SEAT_TYPE_CHANGES,
        List.of(generation),
        seats.entrySet().stream().filter(entry -> entry.getValue().changed()).toList(),
        entry -> {
          SeatRow row = entry.getValue();
          return new Sql.Each(
              entry.getKey(),
              List.of(row.storedLast),
              Arrays.asList(row.capacity, row.held, row.sold, row.last));
        });
  }

  /**
   * The seat types a batch changed, in one statement: the seats it moved added, the capacity it set
   * (if any), each row only if it is as the batch found it.
   */
  private static final Sql.Updates SEAT_TYPE_CHANGES =
      new Sql.Updates(
          "reporting_seat_types",
          "generation = ?",
          List.of("conference_id", "code"),
          "last_position = ?",
          List.of(
              "capacity = COALESCE(?, capacity)",
              "held = held + ?",
              "sold = sold + ?",
              "last_position = ?"));

  /** Seats added to the seat types of a batch that only moves seats, each row once. */
  private static final Sql.Updates SEAT_MOVES =
      new Sql.Updates(
          "reporting_seat_types",
          "generation = ?",
          List.of("conference_id", "code"),
          "last_position < ?",
          List.of("held = held + ?", "sold = sold + ?", "last_position = ?"));

  /** A conference row: as stored ({@code storedLast} ≥ 0) or created by this batch. */
  private static final class ConferenceRow {
    final ConferenceCreated created;
    final long storedLast;
    boolean published;
    long last;

    ConferenceRow(ConferenceCreated created, long storedLast, long last) {
      this.created = created;
      this.storedLast = storedLast;
      this.last = last;
    }

    boolean changed() {
      return created == null && last > storedLast;
    }
  }

  /**
   * A seat type row: as stored, with the seats this batch moved and the capacity it set; or created
   * by this batch, with its values after the rest of the batch.
   */
  private static final class SeatRow extends Counts {
    final SeatTypeAdded added;
    final int ordinal;
    final long storedLast;
    Integer capacity;

    SeatRow(SeatTypeAdded added, int ordinal, long storedLast, long last) {
      this.added = added;
      this.ordinal = ordinal;
      this.storedLast = storedLast;
      this.last = last;
      this.capacity = added == null ? null : added.quantity();
    }

    boolean changed() {
      return added == null && last > storedLast;
    }
  }

  /** One batch's rows, keyed by conference and by conference and seat type. */
}
