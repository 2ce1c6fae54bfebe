package org.seatledger.eventlog.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.seatledger.eventlog.api.EventDecodingException;
import org.seatledger.eventlog.api.MasterKeyMismatch;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * Stored rows to {@link RecordedEvent}s, a page at a time: all rows are parsed and upcast first,
 * the keys of every person they name are looked up in one query, then each is decrypted and bound.
 */
@ApplicationScoped
public class EventDecoder {

  @Inject EventTypes types;
  @Inject StoredDataKeys keys;

  private static final EventSerializer.Decoded NOT_READ =
      new EventSerializer.Decoded(RecordedEvent.NOT_READ, JsonValue.EMPTY_JSON_OBJECT);

  private EventSerializer serializer;

  @PostConstruct
  void init() {
    serializer = new EventSerializer(types, new PersonalDataCipher(keys));
  }

  /**
   * Decodes rows read together. A row that cannot be read fails the page with an {@link
   * EventDecodingException} naming its position; a {@link MasterKeyMismatch} is passed on as it is
   * (not the event's fault: a reader tries again later).
   */
  List<RecordedEvent> decode(List<StoredEvent> rows) {
    return decode(rows, true);
  }

  /**
   * Decodes rows read together; with {@code personalData} false, as a reader without the data keys
   * (see {@link EventSerializer#bindWithoutKeys}): no key is looked up, nothing is decrypted.
   */
  List<RecordedEvent> decode(List<StoredEvent> rows, boolean personalData) {
    List<EventSerializer.Parsed> parsed = new ArrayList<>(rows.size());
    Set<String> subjects = new HashSet<>();
    for (StoredEvent row : rows) {
      try {
        EventSerializer.Parsed one =
            serializer.parse(row.eventType, row.schemaVersion, row.payload, personalData);
        if (personalData) {
          subjects.addAll(serializer.subjectsIn(one));
        }
        parsed.add(one);
      } catch (MasterKeyMismatch misconfigured) {
        throw misconfigured;
      } catch (RuntimeException e) {
        throw unreadable(row, e);
      }
    }
    Map<String, Optional<SecretKey>> keys = serializer.keysOf(subjects);
    List<RecordedEvent> events = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        EventSerializer.Parsed one = parsed.get(i);
        events.add(
            decoded(
                rows.get(i),
                personalData ? serializer.bind(one, keys) : serializer.bindWithoutKeys(one)));
      } catch (MasterKeyMismatch misconfigured) {
        throw misconfigured;
      } catch (RuntimeException e) {
        throw unreadable(rows.get(i), e);
      }
    }
    return events;
  }

  /**
   * Rows read without their stored data ({@link
   * org.seatledger.eventlog.api.Decoding#METADATA_ONLY}) as events without data: nothing to parse.
   */
  List<RecordedEvent> withoutData(List<StoredEvent> rows) {
    List<RecordedEvent> events = new ArrayList<>(rows.size());
    for (StoredEvent row : rows) {
      events.add(decoded(row, NOT_READ));
    }
    return events;
  }

  /** The stored name of an event class. */
  String typeName(Class<?> eventClass) {
    return types.of(eventClass).name();
  }

  private static EventDecodingException unreadable(StoredEvent row, RuntimeException cause) {
    return new EventDecodingException(
        "the event at position "
            + row.globalPosition
            + " ("
            + row.eventType
            + " v"
            + row.schemaVersion
            + ") cannot be read: "
            + cause.getMessage(),
        cause);
  }

  private static RecordedEvent decoded(StoredEvent row, EventSerializer.Decoded decoded) {
    return new RecordedEvent(
        row.globalPosition,
        row.streamId,
        row.streamType,
        row.streamVersion,
        row.eventId,
        row.eventType,
        row.schemaVersion,
        Clock.fromMicros(row.recordedAtMicros),
        row.recordedBy,
        row.commandId,
        row.correlationId,
        row.causationId,
        row.reason,
        row.previousHash,
        row.hash,
        decoded.event(),
        decoded.data());
  }
}
