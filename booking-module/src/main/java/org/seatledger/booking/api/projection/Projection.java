package org.seatledger.booking.api.projection;

import java.sql.Connection;
import java.sql.SQLException;
import org.seatledger.booking.api.RecordedEvent;

/**
 * A read model kept from the event log. Its rows carry a generation: the live model is one
 * generation, a rebuild fills the next one beside it, and the switch is one checkpoint update.
 */
public interface Projection {

  /** Unique, stable name, e.g. {@code reporting.availability}. */
  String name();

  /** Applies one event to the rows of {@code generation}, on the runner's connection. */
  void apply(RecordedEvent event, Connection connection, int generation) throws SQLException;

  /** Deletes every row of a generation that is no longer used. */
  void drop(Connection connection, int generation) throws SQLException;
}
