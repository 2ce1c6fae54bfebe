package org.seatledger.eventlog.api.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.seatledger.eventlog.api.Decoding;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * A read model kept from the event log. Its rows carry a generation: the live model is one
 * generation, a rebuild fills the next one beside it, and the switch is one checkpoint update.
 */
public interface Projection {

  /** Unique, stable name, e.g. {@code reporting.availability}. */
  String name();

  /**
   * The event classes this projection reads; the engine does not even decode the others for it.
   * Empty (the default): every event.
   */
  default Set<Class<?>> eventClasses() {
    return Set.of();
  }

  /**
   * Whether this projection uses personal data ({@link org.seatledger.eventlog.api.PersonalData}
   * texts such as names and e-mails). One that does not (the default says it does) gets its events
   * without decryption: those texts read as {@link
   * org.seatledger.eventlog.api.PersonalData#ERASED}, as an erased person's do, and the engine
   * looks up no key for it.
   */
  default boolean readsPersonalData() {
    return true;
  }

  /**
   * Whether this projection reads what its events say, their data (the default says it does). One
   * that keeps only what the log says about them — positions, streams, types, times, ids, hashes —
   * gets them as {@link org.seatledger.eventlog.api.Decoding#METADATA_ONLY} reads them: without
   * their data, which the log then neither transfers nor decodes. {@link #eventClasses()} still
   * chooses which events come.
   */
  default boolean readsEventData() {
    return true;
  }

  /** How much of each event the engine decodes for {@code projection}. */
  static Decoding decodingFor(Projection projection) {
    if (!projection.readsEventData()) {
      return Decoding.METADATA_ONLY;
    }
    return projection.readsPersonalData() ? Decoding.FULL : Decoding.WITHOUT_PERSONAL_DATA;
  }

  /**
   * Applies one event to the rows of {@code generation}, on the engine's connection (in its
   * transaction).
   */
  void apply(RecordedEvent event, Connection connection, int generation) throws SQLException;

  /**
   * Applies a batch of events, in log order, to the rows of {@code generation}. It must leave the
   * same rows as {@link #apply} one event after the other; a projection overrides it to fold the
   * batch into fewer statements (a rebuild reads the log in large batches). The engine commits the
   * batch with the checkpoint, so the batch is applied entirely or not at all; when it fails, the
   * engine applies the events one by one to find the one that fails.
   */
  default void applyAll(List<RecordedEvent> events, Connection connection, int generation)
      throws SQLException {
    for (RecordedEvent event : events) {
      apply(event, connection, generation);
    }
  }

  /** Deletes every row of a generation that is no longer used. */
  void drop(Connection connection, int generation) throws SQLException;
}
