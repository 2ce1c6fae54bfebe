package org.seatledger.web.messaging;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;

/**
 * The integration relay as a projection of the log: the engine hands it the log in position order
 * from its checkpoint, a batch at a time, and moves the checkpoint in the batch's transaction after
 * {@link #applyAll} returned — which it does only once the broker has acknowledged every message of
 * the batch. A crash between the acknowledgement and the commit sends that batch again on the next
 * start: duplicates, never a gap; consumers drop them by event id.
 *
 * <p>It writes no rows: the database transaction it runs in holds only the checkpoint.
 */
final class RelayProjection implements Projection {

  static final String NAME = "integration.relay";

  private final BookingConferences conferences;
  private final IntegrationContract contract;
  private final KafkaPublisher publisher;

  RelayProjection(BookingConferences conferences, KafkaPublisher publisher) {
    this.conferences = conferences;
    this.contract = new IntegrationContract(conferences::conferenceOf);
    this.publisher = publisher;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Class<?>> eventClasses() {
    return IntegrationContract.SOURCES;
  }

  @Override
  public void apply(RecordedEvent event, Connection connection, int generation) {
    applyAll(List.of(event), connection, generation);
  }

  @Override
  public void applyAll(List<RecordedEvent> events, Connection connection, int generation) {
    List<IntegrationEvent> messages = new ArrayList<>(events.size());
    for (RecordedEvent event : events) {
      if (event.event() instanceof BookingPlaced placed) {
        conferences.placed(placed);
      }
      contract.toIntegration(event).ifPresent(messages::add);
    }
    if (!messages.isEmpty()) {
      publisher.publish(messages);
    }
  }

  @Override
  public void drop(Connection connection, int generation) {
    // no rows of its own
  }
}
