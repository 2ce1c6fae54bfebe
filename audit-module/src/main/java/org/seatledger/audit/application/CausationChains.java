package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.seatledger.audit.api.AuditQueries.Causation;
import org.seatledger.audit.api.AuditQueries.ChainCommand;
import org.seatledger.audit.api.AuditQueries.ChainEvent;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * The causation chain of a request, from the audit trail: the events carrying its correlation id,
 * grouped by the command that appended them, and the compensations that followed — a booking the
 * request placed that was later cancelled or expired, with the events of that compensating command
 * (the seats given back). Each is an index range of {@code audit_entries} (by correlation id, by
 * stream).
 */
final class CausationChains {

  /** Most events read for one chain, and most bookings whose compensations are looked for. */
  static final int MAX_EVENTS = 1_000;

  private static final int MAX_BOOKINGS = 200;
  private static final List<String> COMPENSATIONS = List.of("BookingCancelled", "BookingExpired");

  private static final String COLUMNS =
      "SELECT global_position, stream_id, stream_type, stream_version, event_type, recorded_at,"
          + " recorded_by, summary, reason, command_id, correlation_id, causation_id FROM audit_entries";

  private final DataSource dataSource;

  CausationChains(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<Causation> of(String correlationId, int generation, long trailPosition) {
    try (Connection c = dataSource.getConnection()) {
      List<Entry> events =
          entries(
              c,
              " WHERE generation = ? AND correlation_id = ? ORDER BY global_position LIMIT ?",
              generation,
              correlationId,
              MAX_EVENTS);
      if (events.isEmpty()) {
        return Optional.empty();
      }
      List<ChainCommand> compensations = new ArrayList<>();
      for (Entry compensation : compensationsOf(c, events, generation, correlationId)) {
        compensations.addAll(
            commands(
                entries(
                    c,
                    " WHERE generation = ? AND correlation_id = ? AND command_id = ?"
                        + " ORDER BY global_position LIMIT ?",
                    generation,
                    compensation.correlationId(),
                    compensation.commandId(),
                    MAX_EVENTS)));
      }
      Entry first = events.get(0);
      return Optional.of(
          new Causation(
              correlationId,
              first.recordedBy(),
              first.recordedAt(),
              commands(events),
              compensations,
              trailPosition));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }

  /** The correlation id of the event at {@code globalPosition}, if the trail has it. */
  Optional<String> correlationOf(long globalPosition, int generation) {
    try (Connection c = dataSource.getConnection()) {
      List<Entry> found =
          entries(c, " WHERE generation = ? AND global_position = ?", generation, globalPosition);
      return found.stream().findFirst().map(Entry::correlationId);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }

  /** The later cancellations and expiries of the bookings these events belong to. */
  private List<Entry> compensationsOf(
      Connection c, List<Entry> events, int generation, String correlationId) throws SQLException {
    Set<String> bookings = new LinkedHashSet<>();
    events.stream()
        .map(Entry::streamId)
        .filter(id -> id.startsWith("booking-"))
        .limit(MAX_BOOKINGS)
        .forEach(bookings::add);
    if (bookings.isEmpty()) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(generation);
    parameters.addAll(bookings);
    parameters.addAll(COMPENSATIONS);
    parameters.add(correlationId);
    return entries(
        c,
        " WHERE generation = ? AND stream_id IN ("
            + String.join(", ", Collections.nCopies(bookings.size(), "?"))
            + ") AND event_type IN (?, ?) AND correlation_id <> ? ORDER BY global_position",
        parameters.toArray());
  }

  /** Events grouped by their command, in the order of each command's first event. */
  static List<ChainCommand> commands(List<Entry> events) {
    Map<String, List<Entry>> byCommand = new LinkedHashMap<>();
    events.forEach(e -> byCommand.computeIfAbsent(e.commandId(), id -> new ArrayList<>()).add(e));
    List<ChainCommand> commands = new ArrayList<>();
    byCommand.forEach(
        (commandId, entries) -> {
          Entry first = entries.get(0);
          commands.add(
              new ChainCommand(
                  commandId,
                  first.correlationId(),
                  first.causationId(),
                  first.recordedBy(),
                  first.recordedAt(),
                  first.reason(),
                  entries.stream()
                      .map(
                          e ->
                              new ChainEvent(
                                  e.globalPosition(),
                                  e.streamId(),
                                  e.streamVersion(),
                                  e.type(),
                                  e.summary()))
                      .toList()));
        });
    return commands;
  }

  private static List<Entry> entries(Connection c, String where, Object... parameters)
      throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement q = Sql.prepare(c, COLUMNS + where, List.of(parameters));
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        entries.add(TrailSearch.entry(rows));
      }
    }
    return entries;
  }
}
