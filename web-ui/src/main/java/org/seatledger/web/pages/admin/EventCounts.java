package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * How many events of each type and stored schema version the log holds, counted from the log
 * itself: the first call reads it all, later calls only the events appended since (positions are
 * contiguous and never rewritten, so a count once made stays right).
 */
@ApplicationScoped
public class EventCounts {

  static final int PAGE = 1000;

  @Inject EventLog log;

  private long countedUpTo;
  private final Map<String, Map<Integer, Long>> counts = new TreeMap<>();

  /** By stored type name, then stored schema version: how many events. */
  public synchronized Map<String, Map<Integer, Long>> now() {
    while (true) {
      List<RecordedEvent> page = log.readAll(countedUpTo, PAGE);
      for (RecordedEvent event : page) {
        counts
            .computeIfAbsent(event.type(), type -> new TreeMap<>())
            .merge(event.schemaVersion(), 1L, Long::sum);
        countedUpTo = event.globalPosition();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<String, Map<Integer, Long>> copy = new TreeMap<>();
    counts.forEach((type, versions) -> copy.put(type, Map.copyOf(versions)));
    return copy;
  }

  /** The position counted up to by the last call. */
  public synchronized long countedUpTo() {
    return countedUpTo;
  }
}
