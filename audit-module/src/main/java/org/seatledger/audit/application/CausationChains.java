package org.seatledger.audit.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatledger.audit.api.AuditQueries.Causation;
import org.seatledger.audit.api.AuditQueries.ChainCommand;
import org.seatledger.audit.api.AuditQueries.ChainEvent;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.eventlog.api.LogQuery;
import org.seatledger.eventlog.api.LogSearch;

/**
 * The causation chain of a request, from the audit trail: the events carrying its correlation id,
 * grouped by the command that appended them, and the compensations that followed — a booking the
 * request placed that was later cancelled or expired, with the events of that compensating command
 * (the seats given back). Each is an index range of the log's events (by correlation id, by stream;
 * {@link LogSearch}) with the trail's sentences ({@link TrailLines}).
 */
final class CausationChains {

  /** Most events read for one chain, and most bookings whose compensations are looked for. */
  static final int MAX_EVENTS = 1_000;

  private static final int MAX_BOOKINGS = 200;
  private static final List<String> COMPENSATIONS = List.of("BookingCancelled", "BookingExpired");

  private final LogSearch log;
  private final TrailLines lines;

  CausationChains(LogSearch log, TrailLines lines) {
    this.log = log;
    this.lines = lines;
  }

  Optional<Causation> of(String correlationId, int generation, long trailPosition) {
    List<Entry> events =
        entries(LogQuery.oldestFirst(MAX_EVENTS).correlation(correlationId), generation);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    List<ChainCommand> compensations = new ArrayList<>();
    for (Entry compensation : compensationsOf(events, generation, correlationId)) {
      compensations.addAll(
          commands(
              entries(
                  LogQuery.oldestFirst(MAX_EVENTS)
                      .correlation(compensation.correlationId())
                      .command(compensation.commandId()),
                  generation)));
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
  }

  /** The correlation id of the event at {@code globalPosition}, if the trail has it. */
  Optional<String> correlationOf(long globalPosition, int generation) {
    return entries(
            LogQuery.oldestFirst(1).between(globalPosition - 1, globalPosition + 1), generation)
        .stream()
        .findFirst()
        .map(Entry::correlationId);
  }

  /** The later cancellations and expiries of the bookings these events belong to. */
  private List<Entry> compensationsOf(List<Entry> events, int generation, String correlationId) {
    Set<String> bookings = new LinkedHashSet<>();
    events.stream()
        .map(Entry::streamId)
        .filter(id -> id.startsWith("booking-"))
        .limit(MAX_BOOKINGS)
        .forEach(bookings::add);
    if (bookings.isEmpty()) {
      return List.of();
    }
    return entries(
            LogQuery.oldestFirst(MAX_EVENTS).streams(List.copyOf(bookings)).types(COMPENSATIONS),
            generation)
        .stream()
        .filter(e -> !e.correlationId().equals(correlationId))
        .toList();
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

  private List<Entry> entries(LogQuery query, int generation) {
    return lines.entries(log.find(query), generation, null);
  }
}
