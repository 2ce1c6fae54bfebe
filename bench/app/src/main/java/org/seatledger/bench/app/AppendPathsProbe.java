package org.seatledger.bench.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.BadRequestException;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.eventlog.api.CommandAppend;
import org.seatledger.eventlog.api.CommandMetadata;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.eventlog.api.StreamAppend;
import org.seatledger.eventlog.store.JpaLogWriter;

/**
 * The two append paths of the event log side by side, on the same workload: the application's
 * plain-JDBC path ({@code LogWriter}, reached by {@link EventStore#appendAll} inside a transaction)
 * and the EclipseLink path ({@link JpaLogWriter#appendAll}). Each transaction appends {@code
 * commands} commands, each shaped like a booking: one event to a new stream and one to the thread's
 * own long-lived stream at its exact version. Both paths take the lock of {@code event_sequence},
 * look up the guards, insert the events and command rows and commit; only the lookups and the
 * inserts differ.
 */
@Path("paths")
@Produces(MediaType.APPLICATION_JSON)
public class AppendPathsProbe {

  @Inject EventStore store;
  @Inject JpaLogWriter jpa;

  @Resource UserTransaction transaction;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** A thread's own stream and the version it has reached. */
  private static final class Lane {
    final String stream;
    long version;

    Lane(String stream) {
      this.stream = stream;
    }
  }

  /**
   * Appends through {@code path} ({@code jdbc} or {@code jpa}) from {@code threads} threads for
   * {@code seconds}, {@code commands} commands per transaction; answers events/s and what the log
   * holds for the run (every acknowledged event and command row must be there).
   */
  @POST
  @Path("appends")
  public JsonObject appends(
      @QueryParam("path") String path,
      @QueryParam("threads") @DefaultValue("16") int n,
      @QueryParam("seconds") @DefaultValue("5") double seconds,
      @QueryParam("commands") @DefaultValue("1") int commands)
      throws Exception {
    boolean viaJpa =
        switch (path == null ? "" : path) {
          case "jpa" -> true;
          case "jdbc" -> false;
          default -> throw new BadRequestException("path must be jdbc or jpa");
        };
    String prefix = "paths-" + path + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    AtomicLong counter = new AtomicLong();
    ThreadLocal<Lane> lanes =
        ThreadLocal.withInitial(() -> new Lane(prefix + "lane-" + counter.incrementAndGet()));
    Parallel.Outcome outcome =
        Parallel.run(
            threads,
            n,
            seconds,
            () -> {
              Lane lane = lanes.get();
              List<CommandAppend> batch = new ArrayList<>();
              for (int i = 0; i < commands; i++) {
                String id = prefix + counter.incrementAndGet();
                batch.add(
                    new CommandAppend(
                        new CommandMetadata(id, id, id, "bench", "append paths"),
                        List.of(
                            new StreamAppend(
                                id,
                                "BenchStream",
                                ExpectedVersion.NO_STREAM,
                                List.of(new SeatCapacityChanged(id, "standard", 100))),
                            new StreamAppend(
                                lane.stream,
                                "BenchStream",
                                lane.version == 0 && i == 0
                                    ? ExpectedVersion.NO_STREAM
                                    : ExpectedVersion.exactly(lane.version + i),
                                List.of(new SeatCapacityChanged(lane.stream, "standard", i)))),
                        null));
              }
              transaction.begin();
              try {
                if (viaJpa) {
                  jpa.appendAll(batch);
                } else {
                  store.appendAll(batch);
                }
                transaction.commit();
              } catch (Exception e) {
                if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                  transaction.rollback();
                }
                lane.version = store.streamVersion(lane.stream);
                throw e;
              }
              lane.version += commands;
              return 2L * commands;
            });
    return Json.createObjectBuilder()
        .add("path", path)
        .add("threads", n)
        .add("commandsPerTransaction", commands)
        .add("events", outcome.units())
        .add("seconds", outcome.seconds())
        .add("eventsPerSecond", outcome.perSecond())
        .add("failures", outcome.failures())
        .add("loggedEvents", count("events", prefix))
        .add("loggedCommands", count("processed_commands", prefix))
        .build();
  }

  private long count(String table, String prefix) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE command_id LIKE ?")) {
      q.setString(1, prefix + "%");
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
