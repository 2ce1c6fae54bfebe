package org.seatledger.audit.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.audit.api.AuditQueries.HistoryEntry;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.booking.api.EntityView;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Histories with field-level diffs, and time travel: replays of one stream read from the log, page
 * by page, folded by the aggregates' own evolve through {@link EntityStates}. Nothing is stored;
 * personal fields read as the log gives them ({@code [erased]} after an erasure).
 */
final class Histories {
  private static final int PAGE = 1000;

  private final EventLog log;

  Histories(EventLog log) {
    this.log = log;
  }

  /** Every event of the stream, newest first, with the fields it changed; empty when none. */
  List<HistoryEntry> history(String streamId) {
    List<HistoryEntry> entries = new ArrayList<>();
    List<RecordedEvent> events = stream(streamId);
    EntityView view = EntityStates.initial(events);
    Map<String, JsonValue> state = EntityStates.fields(view);
    for (RecordedEvent event : events) {
      view = EntityStates.evolve(view, event);
      Map<String, JsonValue> after = EntityStates.fields(view);
      List<FieldChange> changes =
          EntityStates.diff(state, after).stream()
              .map(c -> new FieldChange(c.field(), plain(c.before()), plain(c.after())))
              .toList();
      entries.add(
          new HistoryEntry(
              event.globalPosition(),
              event.streamVersion(),
              event.type(),
              event.recordedAt(),
              event.recordedBy(),
              Summaries.reasonOf(event),
              Summaries.of(event),
              event.commandId(),
              event.correlationId(),
              event.causationId(),
              changes));
      state = after;
    }
    Collections.reverse(entries);
    return entries;
  }

  /**
   * The state up to {@code version} when given, else up to and including {@code asOf}; empty when
   * the stream does not exist.
   */
  Optional<StateAt> state(String streamId, Instant asOf, Long version) {
    List<RecordedEvent> events = stream(streamId);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    EntityView view = EntityStates.initial(events);
    long reached = 0;
    for (RecordedEvent event : events) {
      boolean included =
          version != null ? event.streamVersion() <= version : !event.recordedAt().isAfter(asOf);
      if (!included) {
        break;
      }
      view = EntityStates.evolve(view, event);
      reached = event.streamVersion();
    }
    return Optional.of(
        new StateAt(streamId, reached, asOf, EntityStates.json(EntityStates.fields(view))));
  }

  private List<RecordedEvent> stream(String streamId) {
    List<RecordedEvent> all = new ArrayList<>();
    List<RecordedEvent> page;
    long from = 1;
    do {
      page = log.readStream(streamId, from, PAGE);
      all.addAll(page);
      from += page.size();
    } while (page.size() == PAGE);
    return all;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      default -> value.toString();
    };
  }
}
