package org.seatledger.bench.app;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.seatledger.eventlog.store.StoredEvent;

/**
 * The event log's reads by position two ways, on the same pages: plain JDBC, as the store reads
 * ({@code DatabaseEventStore.rows}: the 16 columns, each value kept), and a JPQL query of {@link
 * StoredEvent} entities through the {@code eventlog} persistence unit (read-only hint, so nothing
 * is registered for commit). Neither decodes the payload: this compares only how the rows reach
 * Java. Pages are position ranges (positions are gap-free).
 */
@Path("read-paths")
@Produces(MediaType.APPLICATION_JSON)
public class ReadPathsProbe {

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  private static final String COLUMNS =
      "SELECT global_position, event_id, stream_id, stream_type, stream_version, event_type,"
          + " schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,"
          + " causation_id, reason, previous_hash, hash FROM events";

  /**
   * Reads positions 1 to {@code upTo} (0: the whole log) in pages of {@code page} through {@code
   * path} ({@code jdbc} or {@code jpa}).
   */
  @POST
  public JsonObject read(
      @QueryParam("path") String path,
      @QueryParam("upTo") @DefaultValue("0") long upTo,
      @QueryParam("page") @DefaultValue("2000") int page)
      throws Exception {
    boolean viaJpa = "jpa".equals(path);
    if (upTo <= 0) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement q = c.prepareStatement("SELECT MAX(global_position) FROM events");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        upTo = rs.getLong(1);
      }
    }
    long rows = 0;
    long start = System.nanoTime();
    for (long after = 0; after < upTo; after += page) {
      rows += viaJpa ? jpaPage(after, after + page).size() : jdbcPage(after, after + page).size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Json.createObjectBuilder()
        .add("path", viaJpa ? "jpa" : "jdbc")
        .add("rows", rows)
        .add("upTo", upTo)
        .add("seconds", seconds)
        .add("rowsPerSecond", rows / seconds)
        .build();
  }

  private List<StoredEvent> jpaPage(long after, long last) {
    return em.createQuery(
            "SELECT e FROM StoredEvent e WHERE e.globalPosition > :after"
                + " AND e.globalPosition <= :last ORDER BY e.globalPosition",
            StoredEvent.class)
        .setParameter("after", after)
        .setParameter("last", last)
        .setHint("eclipselink.read-only", "true")
        .getResultList();
  }

  /** The store's JDBC read; each row's 16 values are kept, as the store keeps them in an object. */
  private List<Object[]> jdbcPage(long after, long last) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                COLUMNS
                    + " WHERE global_position > ? AND global_position <= ?"
                    + " ORDER BY global_position")) {
      query.setLong(1, after);
      query.setLong(2, last);
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          rows.add(
              new Object[] {
                found.getLong(1),
                found.getString(2),
                found.getString(3),
                found.getString(4),
                found.getLong(5),
                found.getString(6),
                found.getInt(7),
                found.getString(8),
                found.getLong(9),
                found.getString(10),
                found.getString(11),
                found.getString(12),
                found.getString(13),
                found.getString(14),
                found.getString(15),
                found.getString(16)
              });
        }
      }
    }
    return rows;
  }
}
