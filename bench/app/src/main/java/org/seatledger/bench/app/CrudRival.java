package org.seatledger.bench.app;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.seatledger.booking.api.Limits;

/**
 * The CRUD rival, built for the benchmark only: how a careful CRUD product would keep the promises
 * the event-sourced API keeps, on the same server, database and data source. Per booking it pays
 * for the same HTTP stack, the same authentication ({@link RivalAuthentication}), the same strict
 * JSON reading, JSON-B binding and Bean Validation ({@link RivalJsonReader}, {@link NewBooking}),
 * the same idempotency guarantee (a processed-request row per user and {@code Idempotency-Key},
 * written in the booking's transaction; a repeat answers the first outcome) and keeps history the
 * way CRUD products do: an audit row per change (the booking, each seat type's count) in the same
 * transaction. The booking itself is the textbook transaction: lock the seat type rows, check,
 * update, insert.
 *
 * <p>What it does not do (the product does): encrypt personal data, chain hashes, hold seats until
 * a deadline, keep read models, snapshots or an outbox.
 *
 * <p>The body is validated once, in the method, as the product's resources do ({@code
 * RequestBodies}): with executable validation off, neither RESTEasy nor a CDI interceptor checks it
 * a second time, whichever of them would run here.
 */
@Path("rival")
@ValidateOnExecution(type = ExecutableType.NONE)
@Produces(MediaType.APPLICATION_JSON)
public class CrudRival {

  /** The product's booking body, with the product's limits. */
  public record Registrant(
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotBlank @Size(max = Limits.EMAIL) @Email String email) {}

  /** The product's booking body, with the product's limits. */
  public record NewBooking(
      @NotNull @Valid Registrant registrant,
      @NotEmpty @Size(max = Limits.SEAT_TYPES)
          Map<@NotBlank String, @NotNull @Positive @Max(Limits.SEATS_PER_BOOKING) Integer> seats) {}

  private static final int ATTEMPTS = 5;
  static final LongAdder RETRIES = new LongAdder();

  @Resource(lookup = "jdbc/seatledger", shareable = false)
  DataSource dataSource;

  @Context HttpServletRequest request;

  /**
   * As the product's: every property reachable, no JPA lookups ({@code WEB-INF/validation.xml}).
   */
  @Resource Validator validator;

  /** Fresh tables and {@code conferences} conferences of {@code capacity} standard seats. */
  @POST
  @Path("reset")
  public JsonObject reset(
      @QueryParam("conferences") @DefaultValue("1") int conferences,
      @QueryParam("capacity") @DefaultValue("1000000") int capacity)
      throws SQLException {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          new String[] {
            "crud_bookings",
            "crud_seat_types",
            "crud_booking_seats",
            "crud_audit",
            "crud_processed_requests"
          }) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      s.execute(
          "CREATE TABLE crud_seat_types (conference_id VARCHAR(100) NOT NULL,"
              + " code VARCHAR(30) NOT NULL, capacity INT NOT NULL, sold INT NOT NULL,"
              + " PRIMARY KEY (conference_id, code))");
      s.execute(
          "CREATE TABLE crud_bookings (booking_id CHAR(36) NOT NULL PRIMARY KEY,"
              + " conference_id VARCHAR(100) NOT NULL, registrant_name VARCHAR(200) NOT NULL,"
              + " registrant_email VARCHAR(254) NOT NULL, created_by VARCHAR(100) NOT NULL,"
              + " created_at BIGINT NOT NULL)");
      s.execute(
          "CREATE TABLE crud_booking_seats (booking_id CHAR(36) NOT NULL,"
              + " code VARCHAR(30) NOT NULL, quantity INT NOT NULL,"
              + " conference_id VARCHAR(100) NOT NULL, PRIMARY KEY (booking_id, code),"
              + " INDEX crud_booking_seats_conference (conference_id))");
      s.execute(
          "CREATE TABLE crud_audit (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
              + " entity_type VARCHAR(30) NOT NULL, entity_id VARCHAR(140) NOT NULL,"
              + " action VARCHAR(30) NOT NULL, changed_by VARCHAR(100) NOT NULL,"
              + " changed_at BIGINT NOT NULL, request_key VARCHAR(300) NOT NULL,"
              + " change_json TEXT NOT NULL, INDEX crud_audit_entity (entity_type, entity_id))");
      s.execute(
          "CREATE TABLE crud_processed_requests (principal VARCHAR(100) NOT NULL,"
              + " request_key VARCHAR(200) NOT NULL, status INT NOT NULL,"
              + " outcome VARCHAR(500) NOT NULL, processed_at BIGINT NOT NULL,"
              + " PRIMARY KEY (principal, request_key))");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO crud_seat_types VALUES (?, 'standard', ?, 0)")) {
        for (int i = 0; i < conferences; i++) {
          String id = "crud-" + i;
          insert.setString(1, id);
          insert.setInt(2, capacity);
          insert.executeUpdate();
          ids.add(id);
        }
      }
    }
    RETRIES.reset();
    return Json.createObjectBuilder().add("conferences", ids).build();
  }

  /** Books seats the CRUD way: 201, 409 when not enough are left; a repeat answers as the first. */
  @POST
  @Path("conferences/{id}/bookings")
  @RolesAllowed("staff")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response book(@PathParam("id") String conferenceId, @Valid @NotNull NewBooking body)
      throws SQLException {
    if (body == null) {
      return answer(400, "{\"detail\":\"Send the details as a JSON object.\"}", false);
    }
    Set<ConstraintViolation<NewBooking>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      return answer(
          400,
          Json.createObjectBuilder()
              .add(
                  "detail",
                  "Please correct: "
                      + violations.stream()
                          .map(v -> v.getPropertyPath() + " " + v.getMessage())
                          .sorted()
                          .collect(Collectors.joining("; "))
                      + ".")
              .build()
              .toString(),
          false);
    }
    String user = request.getUserPrincipal().getName();
    String key = request.getHeader("Idempotency-Key");
    if (key == null) {
      key = "generated:" + UUID.randomUUID();
    }
    Response earlier = earlierOutcome(user, key);
    if (earlier != null) {
      return earlier;
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          Response outcome = book(c, conferenceId, body, user, key);
          c.commit();
          return outcome;
        } catch (SQLIntegrityConstraintViolationException repeatedMeanwhile) {
          c.rollback();
          Response first = earlierOutcome(user, key);
          if (first != null) {
            return first;
          }
          throw repeatedMeanwhile;
        } catch (SQLTransactionRollbackException deadlockOrTimeout) {
          c.rollback();
          RETRIES.increment();
          if (attempt == ATTEMPTS) {
            return answer(409, "{\"detail\":\"Busy; try again.\"}", false);
          }
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
    }
  }

  private static Response book(
      Connection c, String conferenceId, NewBooking body, String user, String key)
      throws SQLException {
    Map<String, Integer> seats = new TreeMap<>(body.seats()); // one lock order: no deadlocks
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT capacity, sold FROM crud_seat_types WHERE conference_id = ? AND code = ?"
                + " FOR UPDATE")) {
      for (Map.Entry<String, Integer> wanted : seats.entrySet()) {
        lock.setString(1, conferenceId);
        lock.setString(2, wanted.getKey());
        try (ResultSet rs = lock.executeQuery()) {
          String refusal =
              !rs.next()
                  ? "There is no seat type '" + wanted.getKey() + "'."
                  : rs.getInt(2) + wanted.getValue() > rs.getInt(1)
                      ? "Only " + (rs.getInt(1) - rs.getInt(2)) + " seats left."
                      : null;
          if (refusal != null) {
            String outcome = "{\"detail\":\"" + refusal.replace("'", "") + "\"}";
            processed(c, user, key, 409, outcome);
            return answer(409, outcome, false);
          }
        }
      }
    }
    String id = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE crud_seat_types SET sold = sold + ? WHERE conference_id = ? AND code = ?")) {
      for (Map.Entry<String, Integer> wanted : seats.entrySet()) {
        update.setInt(1, wanted.getValue());
        update.setString(2, conferenceId);
        update.setString(3, wanted.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO crud_bookings VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, conferenceId);
      insert.setString(3, body.registrant().name());
      insert.setString(4, body.registrant().email());
      insert.setString(5, user);
      insert.setLong(6, now);
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO crud_booking_seats VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, Integer> wanted : seats.entrySet()) {
        insert.setString(1, id);
        insert.setString(2, wanted.getKey());
        insert.setInt(3, wanted.getValue());
        insert.setString(4, conferenceId);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement audit =
        c.prepareStatement(
            "INSERT INTO crud_audit (entity_type, entity_id, action, changed_by, changed_at,"
                + " request_key, change_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      audit(audit, "booking", id, "created", user, now, key, "{\"seats\":" + json(seats) + "}");
      for (Map.Entry<String, Integer> wanted : seats.entrySet()) {
        audit(
            audit,
            "seat_type",
            conferenceId + "/" + wanted.getKey(),
            "seats_taken",
            user,
            now,
            key,
            "{\"booking\":\"" + id + "\",\"quantity\":" + wanted.getValue() + "}");
      }
      audit.executeBatch();
    }
    String outcome = "{\"id\":\"" + id + "\"}";
    processed(c, user, key, 201, outcome);
    return answer(201, outcome, false);
  }

  private static void audit(
      PreparedStatement audit,
      String type,
      String entity,
      String action,
      String user,
      long now,
      String key,
      String change)
      throws SQLException {
    audit.setString(1, type);
    audit.setString(2, entity);
    audit.setString(3, action);
    audit.setString(4, user);
    audit.setLong(5, now);
    audit.setString(6, key);
    audit.setString(7, change);
    audit.addBatch();
  }

  private static String json(Map<String, Integer> seats) {
    var object = Json.createObjectBuilder();
    seats.forEach(object::add);
    return object.build().toString();
  }

  /** The outcome stored for the request: written in the transaction that made it. */
  private static void processed(Connection c, String user, String key, int status, String outcome)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO crud_processed_requests VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, user);
      insert.setString(2, key);
      insert.setInt(3, status);
      insert.setString(4, outcome);
      insert.setLong(5, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }

  /** The first outcome of a request already processed, or null. */
  private Response earlierOutcome(String user, String key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT status, outcome FROM crud_processed_requests"
                    + " WHERE principal = ? AND request_key = ?")) {
      q.setString(1, user);
      q.setString(2, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? answer(rs.getInt(1), rs.getString(2), true) : null;
      }
    }
  }

  /**
   * The body is a plain record: every property is there to check, no JPA provider is asked. The
   * module's traversable resolver ({@code WEB-INF/validation.xml}).
   */
  public static final class EveryProperty implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object object,
        jakarta.validation.Path.Node property,
        Class<?> rootType,
        jakarta.validation.Path path,
        ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object object,
        jakarta.validation.Path.Node property,
        Class<?> rootType,
        jakarta.validation.Path path,
        ElementType type) {
      return true;
    }
  }

  private static Response answer(int status, String json, boolean replayed) {
    Response.ResponseBuilder builder = Response.status(status).entity(json);
    if (replayed) {
      builder.header("Idempotent-Replayed", "true");
    }
    return builder.build();
  }

  /**
   * Per conference: capacity, the sold counters, the seats of the booking rows, and the audit and
   * processed-request rows that must come with each booking.
   */
  @GET
  @Path("check")
  public JsonObject check() throws SQLException {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT t.conference_id, SUM(t.capacity), SUM(t.sold),"
                    + " (SELECT COALESCE(SUM(b.quantity), 0) FROM crud_booking_seats b"
                    + " WHERE b.conference_id = t.conference_id) AS booked"
                    + " FROM crud_seat_types t GROUP BY t.conference_id"
                    + " ORDER BY t.conference_id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        rows.add(
            Json.createObjectBuilder()
                .add("conferenceId", rs.getString(1))
                .add("capacity", rs.getLong(2))
                .add("sold", rs.getLong(3))
                .add("bookedSeats", rs.getLong(4)));
      }
    }
    return Json.createObjectBuilder()
        .add("conferences", rows)
        .add("bookings", count("SELECT COUNT(*) FROM crud_bookings"))
        .add(
            "bookingAuditRows",
            count("SELECT COUNT(*) FROM crud_audit WHERE entity_type = 'booking'"))
        .add(
            "acceptedRequests",
            count("SELECT COUNT(*) FROM crud_processed_requests WHERE status = 201"))
        .add("retries", RETRIES.sum())
        .build();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
