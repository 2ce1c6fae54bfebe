package org.seatledger.audit.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries.Comparison;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.audit.api.AuditQueries.HistoryEntry;
import org.seatledger.audit.api.AuditQueries.HistoryPage;
import org.seatledger.audit.api.AuditQueries.Point;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.audit.api.VersionPastEnd;
import org.seatledger.booking.api.EntityView;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Histories with field-level diffs, paged by stream version, and time travel: folds of one stream
 * ({@link Replays}) by the aggregates' own evolve through {@link EntityStates}. A page of changes
 * needs the state before its oldest change, which is folded from the nearest snapshot below it;
 * then only the page's events are read. Nothing is stored; personal fields read as the log gives
 * them ({@code [erased]} after an erasure).
 */
final class Histories {

  private final Replays replays;

  Histories(Replays replays) {
    this.replays = replays;
  }

  /** The changes below {@code beforeVersion} (null: all), newest first, at most {@code limit}. */
  Optional<HistoryPage> history(String streamId, Long beforeVersion, int limit) {
    Optional<String> streamType = replays.streamType(streamId);
    if (streamType.isEmpty()) {
      return Optional.empty();
    }
    long head = replays.head(streamId);
    long newest = beforeVersion == null ? head : Math.min(head, beforeVersion - 1);
    if (newest < 1) {
      return Optional.of(new HistoryPage(streamId, head, List.of(), null));
    }
    long oldest = Math.max(1, newest - limit + 1);
    EntityView start = replays.at(streamId, streamType.get(), oldest - 1);
    List<HistoryEntry> entries = new ArrayList<>();
    replays.fold(
        streamId,
        start,
        oldest - 1,
        newest,
        (event, before, after) -> entries.add(entry(event, before, after)));
    Collections.reverse(entries);
    return Optional.of(new HistoryPage(streamId, head, entries, oldest > 1 ? oldest : null));
  }

  /** The state at a point; empty when the stream does not exist. */
  Optional<StateAt> state(String streamId, Point point) {
    return replays.streamType(streamId).map(type -> state(streamId, type, point));
  }

  /** Two points side by side; empty when the stream does not exist. */
  Optional<Comparison> compare(String streamId, Point first, Point second) {
    return replays
        .streamType(streamId)
        .map(
            type -> {
              StateAt a = state(streamId, type, first);
              StateAt b = state(streamId, type, second);
              List<FieldChange> changes =
                  EntityStates.diff(fieldsOf(a), fieldsOf(b)).stream()
                      .map(c -> new FieldChange(c.field(), plain(c.before()), plain(c.after())))
                      .toList();
              return new Comparison(streamId, a, b, changes);
            });
  }

  private StateAt state(String streamId, String streamType, Point point) {
    long version;
    if (point.version() != null) {
      long head = replays.head(streamId);
      if (point.version() > head) {
        throw new VersionPastEnd(streamId, point.version(), head);
      }
      version = point.version();
    } else {
      version = replays.versionAt(streamId, point.asOf());
    }
    Replays.Folded folded = replays.folded(streamId, streamType, version);
    return new StateAt(
        streamId,
        version,
        point.asOf(),
        EntityStates.json(EntityStates.fields(folded.view())),
        folded.from());
  }

  private static Map<String, JsonValue> fieldsOf(StateAt state) {
    return state.state();
  }

  private static HistoryEntry entry(RecordedEvent event, EntityView before, EntityView after) {
    List<FieldChange> changes =
        EntityStates.diff(EntityStates.fields(before), EntityStates.fields(after)).stream()
            .map(c -> new FieldChange(c.field(), plain(c.before()), plain(c.after())))
            .toList();
    return new HistoryEntry(
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
        changes);
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
