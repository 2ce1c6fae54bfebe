package org.seatledger.reporting.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.projection.ProjectionHost;
import org.seatledger.eventlog.api.projection.ProjectionSet;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Projectors;
import org.seatledger.eventlog.api.projection.Sql;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.projection.AvailabilityProjection;
import org.seatledger.reporting.projection.BookingsProjection;
import org.seatledger.reporting.projection.StatsProjection;

/**
 * The reporting module's read models and their queries. The projection host ({@link
 * ProjectionHost}) runs the read models declared in {@link #PROJECTIONS}: once the schema is ready
 * and on a short timer, which alone keeps them current if wake-ups are lost and brings in other
 * servers' commits. This bean only wakes them when an append commits ({@link LogAdvanced},
 * asynchronously) and reads their rows.
 */
@ApplicationScoped
public class Reporting implements ReportingQueries {

  /** The staff read models, kept with their checkpoints in {@code reporting_projections}. */
  @Produces
  static final ProjectionSet PROJECTIONS =
      new ProjectionSet(
          "reporting_projections",
          List.of(new AvailabilityProjection(), new BookingsProjection(), new StatsProjection()));

  /** The order in which the bookings were placed: their position in the log, the table's key. */
  private static final String PLACED_ORDER = "placed_position";

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject ProjectionHost host;

  private Projectors projectors;

  @PostConstruct
  void init() {
    projectors = host.projectors(PROJECTIONS);
  }

  void onAppend(@ObservesAsync LogAdvanced advanced) {
    projectors.wake(advanced.position());
  }

  @Override
  public Optional<Availability> availability(String conferenceId) {
    long position = projectors.position(AVAILABILITY);
    int generation = projectors.generation(AVAILABILITY);
    List<SeatTypeCount> counts = new ArrayList<>();
    boolean exists = false;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT 1 FROM reporting_conferences WHERE generation = ? AND conference_id = ?")) {
        q.setInt(1, generation);
        q.setString(2, conferenceId);
        try (ResultSet rows = q.executeQuery()) {
          exists = rows.next();
        }
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT code, name, capacity, held, sold, price, currency FROM reporting_seat_types"
                  + " WHERE generation = ? AND conference_id = ? ORDER BY ordinal, code")) {
        q.setInt(1, generation);
        q.setString(2, conferenceId);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            int capacity = rows.getInt(3);
            int held = rows.getInt(4);
            int sold = rows.getInt(5);
            counts.add(
                new SeatTypeCount(
                    rows.getString(1),
                    rows.getString(2),
                    capacity,
                    held,
                    sold,
                    capacity - held - sold,
                    rows.getBigDecimal(6),
                    rows.getString(7)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read availability", e);
    }
    return exists
        ? Optional.of(new Availability(conferenceId, position, counts))
        : Optional.empty();
  }

  @Override
  public Page<ConferenceRow> conferences(String nameContains, int page, int size) {
    long position = projectors.position(AVAILABILITY);
    int generation = projectors.generation(AVAILABILITY);
    try (Connection c = dataSource.getConnection()) {
      return new Page<>(
          ConferenceRows.read(c, generation, nameContains, page, size),
          page,
          size,
          ConferenceRows.count(c, generation, nameContains),
          position);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the conferences", e);
    }
  }

  @Override
  public Map<String, String> conferenceNames() {
    try (Connection c = dataSource.getConnection()) {
      return ConferenceRows.names(c, projectors.generation(AVAILABILITY));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the conferences' names", e);
    }
  }

  @Override
  public Page<BookingRow> bookings(BookingFilter filter) {
    long position = projectors.position(BOOKINGS);
    String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
    String like =
        text == null
            ? null
            : "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
    Sql.Where where =
        Sql.where("generation = ?", projectors.generation(BOOKINGS))
            .and("conference_id = ?", filter.conferenceId())
            .and("status = ?", filter.status())
            .and(
                "(LOWER(registrant_name) LIKE ? OR LOWER(registrant_email) LIKE ? OR booking_id LIKE ?)",
                like,
                like,
                like);
    // Map.of refuses a null key even in a lookup: no sort asked for is the default order
    String column =
        filter.sort() == null
            ? PLACED_ORDER
            : BOOKING_SORTS.getOrDefault(filter.sort(), PLACED_ORDER);
    // the tie-break is the order in which the bookings were placed (the table's key, which every
    // index ends with) and runs the same way as the sort: an index on the column then serves the
    // page (mixed directions made MariaDB sort every booking of the conference for each page)
    String direction = filter.descending() ? " DESC" : " ASC";
    String order =
        column.equals(PLACED_ORDER)
            ? column + direction
            : column + direction + ", " + PLACED_ORDER + direction;
    List<BookingRow> items = new ArrayList<>();
    long total;
    try (Connection c = dataSource.getConnection()) {
      total = where.count(c, "reporting_bookings");
      try (PreparedStatement q =
          Sql.prepare(
              c,
              "SELECT booking_id, conference_id, status, registrant_name, registrant_email, seats, seat_count, total,"
                  + " currency, hold_until, placed_at FROM reporting_bookings"
                  + where.sql()
                  + " ORDER BY "
                  + order
                  + " LIMIT ? OFFSET ?",
              where.paged(filter.page(), filter.size()))) {
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            items.add(
                new BookingRow(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5),
                    rows.getString(6),
                    rows.getInt(7),
                    rows.getBigDecimal(8),
                    rows.getString(9),
                    Sql.instant(rows.getLong(10)),
                    Sql.instant(rows.getLong(11))));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list bookings", e);
    }
    return new Page<>(items, filter.page(), filter.size(), total, position);
  }

  @Override
  public List<AttendeeRow> attendees(String conferenceId) {
    List<AttendeeRow> attendees = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT booking_id, seat_type, name, email FROM reporting_attendees WHERE generation = ? AND conference_id = ?"
                    + " ORDER BY name, booking_id, ordinal",
                List.of(projectors.generation(BOOKINGS), conferenceId));
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        attendees.add(
            new AttendeeRow(
                rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list attendees", e);
    }
    return attendees;
  }

  @Override
  public List<DailyStats> stats(String conferenceId) {
    List<DailyStats> days = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT stat_day, bookings, confirmations, cancellations, expirations, revenue FROM reporting_daily_stats"
                    + " WHERE generation = ? AND conference_id = ? ORDER BY stat_day",
                List.of(projectors.generation(STATS), conferenceId));
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        days.add(
            new DailyStats(
                rows.getDate(1).toLocalDate(),
                rows.getInt(2),
                rows.getInt(3),
                rows.getInt(4),
                rows.getInt(5),
                rows.getBigDecimal(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read statistics", e);
    }
    return days;
  }

  @Override
  public boolean awaitPosition(String projection, long position, Duration patience) {
    return projectors.awaitPosition(projection, position, patience);
  }

  @Override
  public List<ProjectionStatus> projections() {
    return projectors.status();
  }

  @Override
  public boolean retry(String projection) {
    return projectors.retry(projection);
  }

  @Override
  public boolean pause(String projection) {
    return projectors.pause(projection);
  }

  @Override
  public boolean resume(String projection) {
    return projectors.resume(projection);
  }

  @Override
  public boolean rebuild(String projection) {
    return projectors.rebuild(projection);
  }
}
