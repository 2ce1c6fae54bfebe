package org.seatledger.reporting.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.LogAdvanced;
import org.seatledger.eventlog.api.SchemaReady;
import org.seatledger.eventlog.api.projection.ProjectionRunner;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.eventlog.api.projection.Sql;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.projection.AvailabilityProjection;
import org.seatledger.reporting.projection.BookingsProjection;
import org.seatledger.reporting.projection.StatsProjection;

/**
 * The reporting module's projectors and queries. Projectors run once the schema is ready ({@link
 * SchemaReady}; before that their tables may not exist), when an append commits ({@link
 * LogAdvanced}, asynchronously), and on a short timer; the timer alone keeps the models current if
 * wake-ups are lost, and brings in other servers' commits.
 */
@ApplicationScoped
public class Reporting implements ReportingQueries {
  private static final Logger LOG = Logger.getLogger(Reporting.class.getName());

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject UserTransaction transaction;
  @Inject EventLog log;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "seatledger.projection-interval-ms", defaultValue = "1000")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "seatledger.projection-batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "seatledger.projection-wake-up", defaultValue = "true")
  boolean wakeUp;

  private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();
  private ScheduledFuture<?> timer;

  @PostConstruct
  void init() {
    for (var projection :
        List.of(new AvailabilityProjection(), new BookingsProjection(), new StatsProjection())) {
      runners.put(
          projection.name(),
          new ProjectionRunner(
              projection,
              log,
              dataSource,
              transaction,
              "reporting_projections",
              batchSize,
              scheduler));
    }
  }

  synchronized void onSchemaReady(@Observes SchemaReady ready) {
    if (timer == null) {
      timer =
          scheduler.scheduleWithFixedDelay(this::runAll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  void onAppend(@ObservesAsync LogAdvanced advanced) {
    if (wakeUp) {
      runAll();
    }
  }

  /**
   * Each read model catches up on a task of its own, side by side: one slow read model (or one busy
   * with a long batch) does not hold back the others' lag.
   */
  void runAll() {
    try {
      runners.values().forEach(runner -> scheduler.execute(runner::runOnce));
    } catch (RejectedExecutionException stopping) {
      // the server is stopping: the read models catch up from their checkpoints at the next start
      LOG.log(Level.FINE, "read models not woken: the executor is shutting down", stopping);
    }
  }

  @Override
  public Optional<Availability> availability(String conferenceId) {
    ProjectionRunner runner = runners.get(AVAILABILITY);
    long position = runner.position();
    int generation = runner.generation();
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
  public Page<BookingRow> bookings(BookingFilter filter) {
    ProjectionRunner runner = runners.get(BOOKINGS);
    long position = runner.position();
    String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
    String like =
        text == null
            ? null
            : "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
    Sql.Where where =
        Sql.where("generation = ?", runner.generation())
            .and("conference_id = ?", filter.conferenceId())
            .and("status = ?", filter.status())
            .and(
                "(LOWER(registrant_name) LIKE ? OR LOWER(registrant_email) LIKE ? OR booking_id LIKE ?)",
                like,
                like,
                like);
    String order =
        BOOKING_SORTS.getOrDefault(filter.sort(), "placed_at")
            + (filter.descending() ? " DESC" : " ASC");
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
                  + ", booking_id LIMIT ? OFFSET ?",
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
                List.of(runners.get(BOOKINGS).generation(), conferenceId));
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
                List.of(runners.get(STATS).generation(), conferenceId));
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
    ProjectionRunner runner = runners.get(projection);
    return runner != null && runner.awaitPosition(position, patience);
  }

  @Override
  public List<ProjectionStatus> projections() {
    return runners.values().stream().map(ProjectionRunner::status).toList();
  }

  @Override
  public boolean retry(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null) {
      return false;
    }
    runner.retry();
    runner.runOnce();
    return true;
  }

  @Override
  public boolean pause(String projection) {
    ProjectionRunner runner = runners.get(projection);
    return runner != null && runner.pause();
  }

  @Override
  public boolean resume(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null || !runner.resume()) {
      return false;
    }
    scheduler.execute(runner::runOnce);
    return true;
  }

  @Override
  public boolean rebuild(String projection) {
    ProjectionRunner runner = runners.get(projection);
    if (runner == null || !runner.startRebuild()) {
      return false;
    }
    scheduler.execute(runner::runOnce);
    return true;
  }

  /** The runners, for tests and diagnostics within the module. */
  Map<String, ProjectionRunner> runners() {
    return runners;
  }
}
