package org.seatledger.bench.app;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The CRUD baseline, built for the benchmark only: the textbook design the event-sourced path is
 * compared with. A booking is one transaction — lock the seat type's availability row, check,
 * update the count, insert the booking row — on the same database and data source as the
 * application, behind the same HTTP server, taking the same request body.
 */
@Path("crud")
@Produces(MediaType.APPLICATION_JSON)
public class CrudProbe {

  private static final int ATTEMPTS = 5;
  static final LongAdder RETRIES = new LongAdder();

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

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
      s.execute("DROP TABLE IF EXISTS crud_bookings");
      s.execute("DROP TABLE IF EXISTS crud_seat_types");
      s.execute(
          "CREATE TABLE crud_seat_types (conference_id VARCHAR(100) NOT NULL,"
              + " code VARCHAR(30) NOT NULL, capacity INT NOT NULL, sold INT NOT NULL,"
              + " PRIMARY KEY (conference_id, code))");
      s.execute(
          "CREATE TABLE crud_bookings (booking_id CHAR(36) NOT NULL PRIMARY KEY,"
              + " conference_id VARCHAR(100) NOT NULL, code VARCHAR(30) NOT NULL,"
              + " quantity INT NOT NULL, registrant_name VARCHAR(200) NOT NULL,"
              + " registrant_email VARCHAR(254) NOT NULL, created_at BIGINT NOT NULL)");
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

  /** Books seats the CRUD way. 201, or 409 when not enough are left. */
  @POST
  @Path("conferences/{id}/bookings")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response book(@PathParam("id") String conferenceId, JsonObject body) throws SQLException {
    JsonObject registrant = body.getJsonObject("registrant");
    Map.Entry<String, JsonValue> wanted = body.getJsonObject("seats").entrySet().iterator().next();
    String code = wanted.getKey();
    int quantity = ((jakarta.json.JsonNumber) wanted.getValue()).intValue();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          String id = book(c, conferenceId, code, quantity, registrant);
          c.commit();
          return id == null
              ? Response.status(409)
                  .entity(
                      Json.createObjectBuilder().add("detail", "Not enough seats left.").build())
                  .build()
              : Response.status(201)
                  .entity(Json.createObjectBuilder().add("id", id).build())
                  .build();
        } catch (SQLTransactionRollbackException deadlockOrTimeout) {
          c.rollback();
          RETRIES.increment();
          if (attempt == ATTEMPTS) {
            return Response.status(409)
                .entity(Json.createObjectBuilder().add("detail", "Busy; try again.").build())
                .build();
          }
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      }
    }
  }

  private static String book(
      Connection c, String conferenceId, String code, int quantity, JsonObject registrant)
      throws SQLException {
    int capacity;
    int sold;
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT capacity, sold FROM crud_seat_types WHERE conference_id = ? AND code = ?"
                + " FOR UPDATE")) {
      lock.setString(1, conferenceId);
      lock.setString(2, code);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        capacity = rs.getInt(1);
        sold = rs.getInt(2);
      }
    }
    if (sold + quantity > capacity) {
      return null;
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE crud_seat_types SET sold = sold + ? WHERE conference_id = ? AND code = ?")) {
      update.setInt(1, quantity);
      update.setString(2, conferenceId);
      update.setString(3, code);
      update.executeUpdate();
    }
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO crud_bookings VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, conferenceId);
      insert.setString(3, code);
      insert.setInt(4, quantity);
      insert.setString(5, registrant.getString("name"));
      insert.setString(6, registrant.getString("email"));
      insert.setLong(7, System.currentTimeMillis());
      insert.executeUpdate();
    }
    return id;
  }

  /** Per conference: capacity, the sold counter, and the seats of the booking rows. */
  @GET
  @Path("check")
  public JsonObject check() throws SQLException {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT t.conference_id, t.capacity, t.sold,"
                    + " (SELECT COALESCE(SUM(b.quantity), 0) FROM crud_bookings b"
                    + " WHERE b.conference_id = t.conference_id) AS booked,"
                    + " (SELECT COUNT(*) FROM crud_bookings b"
                    + " WHERE b.conference_id = t.conference_id) AS bookings"
                    + " FROM crud_seat_types t ORDER BY t.conference_id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        rows.add(
            Json.createObjectBuilder()
                .add("conferenceId", rs.getString(1))
                .add("capacity", rs.getInt(2))
                .add("sold", rs.getInt(3))
                .add("bookedSeats", rs.getLong(4))
                .add("bookings", rs.getLong(5)));
      }
    }
    return Json.createObjectBuilder()
        .add("conferences", rows)
        .add("retries", RETRIES.sum())
        .build();
  }
}
