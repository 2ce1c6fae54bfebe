package org.seatledger.audit.application;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.StreamSnapshot;
import org.seatledger.eventlog.api.StreamTimeline;
import org.seatledger.eventlog.api.VerificationReport;

/**
 * A log of a few streams, as the event store hands them out: each event with its stored type name,
 * versions from 1, one minute apart from {@link #START}, who recorded it and why. Only reading
 * streams is served, with the stream timeline (versions, versions at an instant, snapshots a test
 * stores or the audit back-fills); the audit's histories and time travel need nothing else. It
 * counts the events read, so a test sees that a deep page was not folded from the first event.
 */
final class Streams implements EventLog, StreamTimeline {

  static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

  private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
  private final Map<String, java.util.TreeMap<Long, StreamSnapshot>> snapshots = new HashMap<>();
  private long position;

  /** Events served by {@link #readStream} beyond a stream's first (which tells its type). */
  long eventsRead;

  /** The lowest version served by {@link #readStream} beyond a stream's first. */
  long lowestVersionRead = Long.MAX_VALUE;

  /** Stores a snapshot of {@code streamId} at {@code version}, in the given shape. */
  Streams snapshot(String streamId, long version, int snapshotVersion, String state) {
    snapshots
        .computeIfAbsent(streamId, id -> new java.util.TreeMap<>())
        .put(version, new StreamSnapshot(streamId, version, snapshotVersion, state));
    return this;
  }

  void forgetReads() {
    eventsRead = 0;
    lowestVersionRead = Long.MAX_VALUE;
  }

  /** Appends {@code event} to {@code streamId}, recorded by {@code who} without a reason. */
  Streams add(String streamId, String who, Object event) {
    return add(streamId, who, null, event);
  }

  /** Appends {@code event} to {@code streamId}, recorded by {@code who} for {@code reason}. */
  Streams add(String streamId, String who, String reason, Object event) {
    List<RecordedEvent> stream = streams.computeIfAbsent(streamId, id -> new ArrayList<>());
    long version = stream.size() + 1;
    stream.add(recorded(streamId, version, ++position, who, reason, event));
    return this;
  }

  /** When the event at {@code version} of a stream was recorded. */
  static Instant at(long version) {
    return START.plusSeconds(60 * version);
  }

  /** One event on its own, as the audit trail receives it. */
  static RecordedEvent recorded(String who, String reason, Object event) {
    return recorded("stream-1", 1, 1, who, reason, event);
  }

  /** As {@link #recorded(String, String, Object)}, at {@code position} of the log. */
  static RecordedEvent recorded(String who, String reason, Object event, long position) {
    return recorded("stream-1", 1, position, who, reason, event);
  }

  private static RecordedEvent recorded(
      String streamId, long version, long position, String who, String reason, Object event) {
    EventType type = event.getClass().getAnnotation(EventType.class);
    return new RecordedEvent(
        position,
        streamId,
        streamType(streamId),
        version,
        "event-" + position,
        type == null ? event.getClass().getSimpleName() : type.name(),
        type == null ? 1 : type.version(),
        at(version),
        who,
        "command-" + position,
        "correlation-" + position,
        "command-" + position,
        reason,
        "hash-" + (position - 1),
        "hash-" + position,
        event,
        JsonValue.EMPTY_JSON_OBJECT);
  }

  @Override
  public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
    List<RecordedEvent> stream = streams.getOrDefault(streamId, List.of());
    int from = (int) Math.min(stream.size(), Math.max(0, fromVersion - 1));
    List<RecordedEvent> read =
        List.copyOf(stream.subList(from, Math.min(stream.size(), from + limit)));
    if (!(fromVersion == 1 && limit == 1)) {
      eventsRead += read.size();
      read.forEach(e -> lowestVersionRead = Math.min(lowestVersionRead, e.streamVersion()));
    }
    return read;
  }

  @Override
  public long streamVersion(String streamId) {
    return streams.getOrDefault(streamId, List.of()).size();
  }

  @Override
  public long versionAt(String streamId, Instant asOf) {
    return streams.getOrDefault(streamId, List.of()).stream()
        .filter(e -> !e.recordedAt().isAfter(asOf))
        .mapToLong(RecordedEvent::streamVersion)
        .max()
        .orElse(0);
  }

  @Override
  public Optional<StreamSnapshot> snapshotAtOrBelow(String streamId, long version) {
    java.util.TreeMap<Long, StreamSnapshot> kept = snapshots.get(streamId);
    return kept == null
        ? Optional.empty()
        : Optional.ofNullable(kept.floorEntry(version)).map(Map.Entry::getValue);
  }

  @Override
  public void keepSnapshot(String streamId, long streamVersion, int snapshotVersion, String state) {
    snapshot(streamId, streamVersion, snapshotVersion, state);
  }

  /** The versions at which {@code streamId} has a snapshot, ascending. */
  List<Long> snapshotVersions(String streamId) {
    return List.copyOf(snapshots.getOrDefault(streamId, new java.util.TreeMap<>()).keySet());
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int limit) {
    throw new UnsupportedOperationException("histories read streams");
  }

  @Override
  public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
    throw new UnsupportedOperationException("histories read streams");
  }

  /** Every stream's events at these positions, in global order (what the trail's lines read). */
  @Override
  public List<RecordedEvent> readAt(List<Long> positions, boolean personalData) {
    Set<Long> wanted = Set.copyOf(positions);
    return streams.values().stream()
        .flatMap(List::stream)
        .filter(e -> wanted.contains(e.globalPosition()))
        .sorted(java.util.Comparator.comparingLong(RecordedEvent::globalPosition))
        .toList();
  }

  @Override
  public long headPosition() {
    return position;
  }

  @Override
  public VerificationReport verify(Optional<String> streamId) {
    throw new UnsupportedOperationException("histories read streams");
  }

  /** The stream type the booking module gives streams with this id's prefix. */
  private static String streamType(String streamId) {
    String prefix = streamId.substring(0, streamId.indexOf('-'));
    return switch (prefix) {
      case "conference" -> "Conference";
      case "seats" -> "SeatAvailability";
      case "booking" -> "Booking";
      default -> prefix;
    };
  }
}
