package org.seatledger.eventlog.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/**
 * One step for the projections of one checkpoint table together, in one transaction: lock their
 * checkpoint rows, read one page of the log after the lowest of them, apply each projection's part
 * of it, move them all, commit. At a trickle of bookings every commit wakes every read model, and
 * reporting's three each paid a transaction of their own (two switches of auto-commit, the lock,
 * the page, the move, the commit) for the same one or two events.
 *
 * <p>It only ever does the step when every part of it goes well. Anything out of the ordinary
 * (fewer than two of them running without a rebuild beside, a page that cannot be read, a
 * projection whose batch fails, a target that is away, a checkpoint that does not move) rolls it
 * all back as {@link Declined}, and each projection then takes its own step ({@link LiveStep}),
 * which knows how to name a poison event, stop only that projection and wait for a target: one
 * projection's trouble never holds the others back for longer than that one rolled-back step. A
 * paused or stopped projection, or one with a rebuild beside it, is left out of the step and takes
 * its own.
 */
final class GroupStep {

  private static final Logger LOG = Logger.getLogger(GroupStep.class.getName());

  /** What one group step did. Only {@link Moved} committed. */
  sealed interface Outcome permits Moved, Idle, Declined {}

  /**
   * The projections named in {@code applied} were moved to {@code to}, in one commit; each with its
   * part of the page (the events of the classes it reads after its checkpoint).
   */
  record Moved(Map<String, List<RecordedEvent>> applied, long to, boolean full) implements Outcome {
    Set<String> moved() {
      return applied.keySet();
    }
  }

  /** Nothing follows the checkpoints: where each running projection stands. */
  record Idle(Map<String, Long> positions) implements Outcome {}

  /** Nothing was done: each projection takes its own step. */
  record Declined() implements Outcome {}

  /** Locks the rows of the projections named, in one statement, and returns them by name. */
  @FunctionalInterface
  interface Lock {
    Map<String, Checkpoint> lock(Connection connection, List<String> names) throws SQLException;
  }

  /**
   * The page after a position, read on the step's transaction, decoding the classes given as fully
   * as the projection that needs most of them.
   */
  @FunctionalInterface
  interface PageReader {
    EventPage after(long position, Set<Class<?>> classes, Decoding decoding);
  }

  /** Moves the checkpoints named to {@code to}; returns how many moved. */
  @FunctionalInterface
  interface Move {
    int move(Connection connection, Set<String> names, long to) throws SQLException;
  }

  private final Map<String, Projection> projections = new LinkedHashMap<>();
  private final Transactions transactions;
  private final Lock lock;
  private final PageReader pages;
  private final Move move;
  private final int batchSize;

  GroupStep(
      List<Projection> projections,
      Transactions transactions,
      Lock lock,
      PageReader pages,
      Move move,
      int batchSize) {
    projections.forEach(p -> this.projections.put(p.name(), p));
    this.transactions = transactions;
    this.lock = lock;
    this.pages = pages;
    this.move = move;
    this.batchSize = batchSize;
  }

  /** One step for the projections named (some of this group's). */
  Outcome run(List<String> names) {
    return transactions.run(c -> step(c, names), Moved.class::isInstance);
  }

  private Outcome step(Connection connection, List<String> names) throws SQLException {
    Map<String, Checkpoint> rows = lock.lock(connection, names);
    Map<String, Checkpoint> live = new LinkedHashMap<>();
    rows.forEach(
        (name, row) -> {
          if (row.running() && !row.rebuilding()) {
            live.put(name, row);
          }
        });
    if (live.size() < 2) {
      return new Declined();
    }
    long from = live.values().stream().mapToLong(Checkpoint::position).min().orElseThrow();
    EventPage page;
    try {
      page = pages.after(from, classes(live.keySet()), decoding(live.keySet()));
    } catch (RuntimeException unreadable) {
      return declined("the page after " + from + " cannot be read by all", unreadable);
    }
    if (page.scanned() == 0) {
      Map<String, Long> positions = new LinkedHashMap<>();
      live.forEach((name, row) -> positions.put(name, row.position()));
      return new Idle(positions);
    }
    long to = page.lastPosition();
    Map<String, List<RecordedEvent>> moving = new LinkedHashMap<>();
    for (Map.Entry<String, Checkpoint> entry : live.entrySet()) {
      Checkpoint row = entry.getValue();
      if (row.position() >= to) {
        continue; // ahead of this page (it took a step of its own): left as it is
      }
      Projection projection = projections.get(entry.getKey());
      List<RecordedEvent> part = partOf(page, row.position(), projection);
      try {
        projection.applyAll(part, connection, row.generation());
      } catch (SQLException | RuntimeException e) {
        return declined(projection.name() + "'s part failed", e);
      }
      moving.put(entry.getKey(), part);
    }
    if (move.move(connection, moving.keySet(), to) != moving.size()) {
      return new Declined();
    }
    return new Moved(Map.copyOf(moving), to, page.scanned() == batchSize);
  }

  /** Every class one of them reads; empty (every event) when one of them reads every event. */
  private Set<Class<?>> classes(Set<String> names) {
    Set<Class<?>> classes = new HashSet<>();
    for (String name : names) {
      Set<Class<?>> read = projections.get(name).eventClasses();
      if (read.isEmpty()) {
        return Set.of();
      }
      classes.addAll(read);
    }
    return classes;
  }

  /**
   * The fullest decoding one of them needs; at least the data's types when one of them reads some
   * classes only ({@link #partOf} tells them apart by the decoded event's class).
   */
  private Decoding decoding(Set<String> names) {
    Decoding decoding = Decoding.METADATA_ONLY;
    for (String name : names) {
      Projection projection = projections.get(name);
      decoding = decoding.with(Projection.decodingFor(projection));
      if (!projection.eventClasses().isEmpty()) {
        decoding = decoding.with(Decoding.WITHOUT_PERSONAL_DATA);
      }
    }
    return decoding;
  }

  /** The events of {@code page} after {@code position} that {@code projection} reads. */
  static List<RecordedEvent> partOf(EventPage page, long position, Projection projection) {
    Set<Class<?>> read = projection.eventClasses();
    List<RecordedEvent> part = new ArrayList<>();
    for (RecordedEvent event : page.events()) {
      if (event.globalPosition() > position
          && (read.isEmpty() || read.contains(event.event().getClass()))) {
        part.add(event);
      }
    }
    return part;
  }

  private static Declined declined(String why, Exception cause) {
    LOG.log(Level.FINE, "projections step one by one: " + why, cause);
    return new Declined();
  }
}
