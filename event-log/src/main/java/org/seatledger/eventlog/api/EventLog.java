package org.seatledger.eventlog.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Reading the event log: what the reporting and audit modules and the web tier may do with it.
 * Writing is the booking module's own business.
 *
 * <p>Order guarantee: positions are gap-free and an event becomes visible only after every event
 * with a lower position, so a reader that has read up to position {@code p} can ask for "after
 * {@code p}" and never miss an event.
 */
public interface EventLog {

  /** At most {@code limit} events with a global position above {@code afterPosition}, in order. */
  List<RecordedEvent> readAll(long afterPosition, int limit);

  /**
   * The next {@code limit} positions of the log after {@code afterPosition}, of which only events
   * of the given classes are decoded and returned (all when {@code classes} is empty): a reader
   * that needs a few kinds of events does not pay for decoding — or decrypting — the others, and
   * still learns how far it has read.
   */
  EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes);

  /**
   * As {@link #readPage(long, int, Set)}, for a reader that says whether it uses personal data.
   * With {@code personalData} false the log may leave it undecrypted: every encrypted {@link
   * PersonalData} text then reads as {@link PersonalData#ERASED}, exactly as an erased subject's
   * do, and no data key is looked up (decrypting was a tenth of the audit trail's rebuild). This
   * default decrypts, as {@link #readPage(long, int, Set)} does.
   */
  default EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, boolean personalData) {
    return readPage(afterPosition, limit, classes);
  }

  /**
   * As {@link #readPage(long, int, Set)}, decoding as much of each event as {@code decoding} says:
   * with {@link Decoding#METADATA_ONLY} the events come without their data (and {@code classes}
   * still chooses which come). This default reads and decodes the page without personal data and
   * leaves the data out; the database's log does not read the stored data at all.
   */
  default EventPage readPage(
      long afterPosition, int limit, Set<Class<?>> classes, Decoding decoding) {
    return switch (decoding) {
      case FULL -> readPage(afterPosition, limit, classes, true);
      case WITHOUT_PERSONAL_DATA -> readPage(afterPosition, limit, classes, false);
      case METADATA_ONLY -> {
        EventPage page = readPage(afterPosition, limit, classes, false);
        yield new EventPage(
            page.events().stream().map(RecordedEvent::withoutData).toList(),
            page.lastPosition(),
            page.scanned());
      }
    };
  }

  /**
   * The events at the given global positions, in global order, decoded as {@link #readPage(long,
   * int, Set, boolean)} decodes them (without decrypting when {@code personalData} is false); a
   * position the log does not hold is left out. For a reader that found a few positions in the
   * log's indexes ({@link LogSearch}) and needs their data, such as the audit trail's sentences.
   * This default reads the range they span page by page; the database's log reads them by key.
   */
  default List<RecordedEvent> readAt(List<Long> positions, boolean personalData) {
    if (positions.isEmpty()) {
      return List.of();
    }
    SortedSet<Long> wanted = new TreeSet<>(positions);
    List<RecordedEvent> found = new ArrayList<>();
    long after = wanted.first() - 1;
    while (after < wanted.last()) {
      EventPage page =
          readPage(after, (int) Math.min(1_000, wanted.last() - after), Set.of(), personalData);
      page.events().stream().filter(e -> wanted.contains(e.globalPosition())).forEach(found::add);
      if (page.scanned() == 0) {
        break;
      }
      after = page.lastPosition();
    }
    return found;
  }

  /** At most {@code limit} events of one stream from {@code fromVersion} on, in version order. */
  List<RecordedEvent> readStream(String streamId, long fromVersion, int limit);

  /** The global position of the newest event, 0 for an empty log. */
  long headPosition();

  /**
   * The global positions of the next at most {@code limit} events after {@code afterPosition}, in
   * order: what a check of the log's order needs, without reading or decoding any event. This
   * default reads the events; the database's log reads the position column alone.
   */
  default long[] positions(long afterPosition, int limit) {
    return readAll(afterPosition, limit).stream()
        .mapToLong(RecordedEvent::globalPosition)
        .toArray();
  }

  /**
   * How many events have a global position of at most {@code position}: {@code position} itself
   * when none below it is missing. This default walks {@link #positions}; the database's log counts
   * on the primary key's index.
   */
  default long countUpTo(long position) {
    long count = 0;
    long after = 0;
    while (after < position) {
      long[] page = positions(after, 10_000);
      if (page.length == 0) {
        break;
      }
      for (long p : page) {
        if (p <= position) {
          count++;
        }
      }
      after = page[page.length - 1];
    }
    return count;
  }

  /**
   * Walks the hash chain of one stream, or of the whole log, and reports the first place where the
   * stored data no longer matches.
   */
  VerificationReport verify(Optional<String> streamId);

  /**
   * As {@link #verify(Optional)}, telling {@code progress} how many events have been checked so far
   * after each page read, so a long walk can show how far it has come.
   */
  default VerificationReport verify(Optional<String> streamId, LongConsumer progress) {
    return verify(streamId);
  }
}
