package org.seatledger.eventlog.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.seatledger.eventlog.api.AppendResult;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The reads of the event log: in global order (all events, or pages decoding only some types), one
 * stream, many short streams at once, and the small lookups a writer needs (versions, stream ids,
 * commands carried out, through EclipseLink: {@link EntityQueries}). Events are read with plain
 * JDBC ({@link EventRows}) and decoded a page at a time ({@link EventDecoder}); the counts and
 * maxima go through the {@code eventlog} persistence unit.
 *
 * <p>Every read runs in a transaction (joining the caller's, if any): the JDBC reads then use the
 * transaction's connection, and the persistence context of the JPA ones ends with the read, so no
 * read sees entities an earlier read of the same request left behind and long-running readers do
 * not pile them up.
 */
@ApplicationScoped
public class EventReads {

  /** Streams per query of {@link #readStreams}: well under every database's parameter limit. */
  private static final int STREAMS_PER_READ = 200;

  /** Positions per query of {@link #readAt}: well under every database's parameter limit. */
  private static final int POSITIONS_PER_READ = 1_000;

  @PersistenceContext(unitName = "eventlog")
  EntityManager em;

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  @Inject EventRows rows;
  @Inject EventDecoder decoder;
  @Inject RecentEvents recent;

  /** At most {@code limit} events after {@code afterPosition}, in global order. */
  @Transactional
  public List<RecordedEvent> readAll(long afterPosition, int limit) {
    return decoder.decode(rows.after(afterPosition, limit));
  }

  /**
   * The next {@code limit} positions after {@code afterPosition}, of which only events of the given
   * classes (all when empty) are decoded.
   */
  @Transactional
  public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
    return readPage(afterPosition, limit, classes, true);
  }

  /**
   * As {@link #readPage(long, int, Set)}; with {@code personalData} false, personal data is not
   * decrypted (see {@link org.seatledger.eventlog.api.EventLog#readPage(long, int, Set, boolean)}).
   */
  @Transactional
  public EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, boolean personalData) {
    return readPage(
        afterPosition,
        limit,
        classes,
        personalData ? Decoding.FULL : Decoding.WITHOUT_PERSONAL_DATA);
  }

  /**
   * As {@link #readPage(long, int, Set)}, decoding as {@code decoding} says; {@link
   * Decoding#METADATA_ONLY} reads the rows without their stored data and decodes nothing. A page
   * this server's committer has just written comes from memory ({@link RecentEvents}), decoded
   * alike.
   */
  @Transactional
  public EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, Decoding decoding) {
    Set<String> types = new HashSet<>();
    classes.forEach(type -> types.add(decoder.typeName(type)));
    boolean data = decoding != Decoding.METADATA_ONLY;
    EventRows.Scan page =
        recent
            .after(afterPosition, limit, types)
            .orElseGet(() -> rows.after(afterPosition, limit, types, data));
    List<RecordedEvent> events =
        data
            ? decoder.decode(page.rows(), decoding == Decoding.FULL)
            : decoder.withoutData(page.rows());
    return new EventPage(events, page.lastPosition(), page.scanned());
  }

  /**
   * The events at the given positions, in global order, by primary key in chunks of {@link
   * #POSITIONS_PER_READ}; with {@code personalData} false nothing is decrypted.
   */
  @Transactional
  public List<RecordedEvent> readAt(List<Long> positions, boolean personalData) {
    List<Long> sorted = positions.stream().distinct().sorted().toList();
    List<RecordedEvent> events = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += POSITIONS_PER_READ) {
      List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + POSITIONS_PER_READ));
      String where =
          " WHERE global_position IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?"))
              + ") ORDER BY global_position";
      events.addAll(decoder.decode(rows.where(where, chunk.toArray()), personalData));
    }
    return events;
  }

  /** At most {@code limit} events of one stream from {@code fromVersion} on, in version order. */
  @Transactional
  public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
    return decoder.decode(rows.ofStream(streamId, fromVersion, limit));
  }

  /**
   * The events of many streams after the versions given, read together: one query per few hundred
   * streams, for a writer about to decide on many small aggregates at once (the holds a conference
   * expires). Each stream's events come in order; every event after its version is read, so this is
   * meant for short streams.
   */
  @Transactional
  public Map<String, List<RecordedEvent>> readStreams(Map<String, Long> afterVersions) {
    Map<String, List<RecordedEvent>> events = new LinkedHashMap<>();
    afterVersions.keySet().forEach(id -> events.put(id, new ArrayList<>()));
    List<Map.Entry<String, Long>> streams = new ArrayList<>(afterVersions.entrySet());
    for (int from = 0; from < streams.size(); from += STREAMS_PER_READ) {
      List<Map.Entry<String, Long>> chunk =
          streams.subList(from, Math.min(streams.size(), from + STREAMS_PER_READ));
      StringBuilder where = new StringBuilder(" WHERE ");
      Object[] parameters = new Object[2 * chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        where.append(i == 0 ? "" : " OR ").append("(stream_id = ? AND stream_version > ?)");
        parameters[2 * i] = chunk.get(i).getKey();
        parameters[2 * i + 1] = chunk.get(i).getValue();
      }
      where.append(" ORDER BY global_position");
      for (RecordedEvent event : decoder.decode(rows.where(where.toString(), parameters))) {
        events.get(event.streamId()).add(event);
      }
    }
    return events;
  }

  /** The global position of the newest event, 0 for an empty log. */
  @Transactional
  public long headPosition() {
    Long max =
        em.createQuery("SELECT MAX(e.globalPosition) FROM StoredEvent e", Long.class)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  /** The positions of at most {@code limit} events after {@code afterPosition}, in order. */
  @Transactional
  public long[] positions(long afterPosition, int limit) {
    return rows.positionsAfter(afterPosition, limit);
  }

  /** How many events have a position of at most {@code position} (an index-only count). */
  @Transactional
  public long countUpTo(long position) {
    return em.createQuery(
            "SELECT COUNT(e) FROM StoredEvent e WHERE e.globalPosition <= :position", Long.class)
        .setParameter("position", position)
        .getSingleResult();
  }

  /** The version of a stream, 0 when it does not exist. */
  @Transactional
  public long streamVersion(String streamId) {
    Long max =
        em.createQuery(
                "SELECT MAX(e.streamVersion) FROM StoredEvent e WHERE e.streamId = :id", Long.class)
            .setParameter("id", streamId)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  /** Ids of the streams of one type, oldest first. */
  @Transactional
  public List<String> streamsOfType(String streamType) {
    return firstEvents(streamType).getResultList();
  }

  /**
   * A page of {@link #streamsOfType(String)}: the stream type index holds (type, version,
   * position), so the database walks the type's first events in order and skips {@code skip} of
   * them.
   */
  @Transactional
  public List<String> streamsOfType(String streamType, long skip, int limit) {
    if (skip > Integer.MAX_VALUE) {
      return List.of(); // no table holds that many streams of a type
    }
    return firstEvents(streamType)
        .setFirstResult(Math.toIntExact(skip))
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many streams of one type there are: a count over the stream type index. */
  @Transactional
  public long countStreamsOfType(String streamType) {
    return em.createQuery(
            "SELECT COUNT(e) FROM StoredEvent e WHERE e.streamType = :type AND e.streamVersion = 1",
            Long.class)
        .setParameter("type", streamType)
        .getSingleResult();
  }

  private TypedQuery<String> firstEvents(String streamType) {
    return em.createQuery(
            "SELECT e.streamId FROM StoredEvent e WHERE e.streamType = :type AND e.streamVersion = 1"
                + " ORDER BY e.globalPosition",
            String.class)
        .setParameter("type", streamType);
  }

  /**
   * How many events name a data subject in their data (outside the subject's own stream), found by
   * its id in the stored JSON. A scan of the whole table: for erasures, which are rare.
   */
  @Transactional
  public long countNaming(String subjectId) {
    String escaped = subjectId.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM events WHERE payload LIKE ? ESCAPE '!' AND stream_id <> ?")
                .setParameter(1, "%\"" + escaped + "\"%")
                .setParameter(2, "subject-" + subjectId)
                .getSingleResult())
        .longValue();
  }

  /**
   * First outcomes of those of {@code commandIds} that were carried out, by command id: read
   * without the append lock, so a command may be carried out just after this answered.
   */
  @Transactional
  public Map<String, AppendResult> processed(List<String> commandIds) {
    Map<String, AppendResult> outcomes = new HashMap<>();
    EntityQueries.processed(em, commandIds).forEach((id, row) -> outcomes.put(id, row.repeated()));
    return outcomes;
  }
}
