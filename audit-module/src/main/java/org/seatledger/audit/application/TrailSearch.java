package org.seatledger.audit.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seatledger.audit.api.AuditQueries.Entry;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.Search;
import org.seatledger.eventlog.api.LogEntry;
import org.seatledger.eventlog.api.LogQuery;
import org.seatledger.eventlog.api.LogSearch;

/**
 * Searches the audit trail by keyset: newest first by global position, each page asking for the
 * positions below the last one shown. A deep page costs what the first does (an index range from
 * the cursor), where an offset would have the database count off every row before it; and hits
 * arriving meanwhile never shift a page, so paging on shows each hit once. The stream, type, user
 * and time filters are searched in the log ({@link LogSearch}, on the events table's indexes); the
 * sentences are made from the events found ({@link TrailLines}), and the free text narrows them.
 * When the text (or the trail not having reached the newest events) leaves hits out, the search
 * reads on below in growing steps until the page is full or the log is exhausted.
 */
final class TrailSearch {

  /** Most events of the log looked at in one step of a search the free text narrows. */
  static final int MAX_STEP = 2_000;

  private final LogSearch log;
  private final TrailLines lines;

  TrailSearch(LogSearch log, TrailLines lines) {
    this.log = log;
    this.lines = lines;
  }

  Page search(Search search, int generation) {
    LogQuery query =
        LogQuery.newestFirst(search.size() + 1)
            .streams(search.streamId() == null ? List.of() : List.of(search.streamId()))
            .types(search.type() == null ? List.of() : List.of(search.type()))
            .recordedBy(search.user())
            .recorded(search.from(), search.to())
            .between(0, search.after() == null ? Long.MAX_VALUE : search.after());
    String text = needle(search.text());
    List<Entry> items = new ArrayList<>();
    int step = search.size() + 1;
    while (items.size() <= search.size()) {
      List<LogEntry> found = log.find(query.limit(step));
      for (Entry hit : lines.entries(found, generation, text)) {
        if (items.size() <= search.size()) {
          items.add(hit);
        }
      }
      if (found.size() < step) {
        break;
      }
      query = query.between(0, found.get(found.size() - 1).globalPosition());
      step = Math.max(step, Math.min(step * 4, MAX_STEP));
    }
    if (items.size() <= search.size()) {
      return new Page(items, search.size(), null);
    }
    List<Entry> page = List.copyOf(items.subList(0, search.size()));
    return new Page(page, search.size(), page.get(page.size() - 1).globalPosition());
  }

  /**
   * What a sentence must contain, in lower case, for the free {@code text} to find it anywhere
   * (every character taken literally); null for none.
   */
  static String needle(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
