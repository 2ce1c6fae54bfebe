package org.seatledger.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.eventlog.api.EventLog;
import org.seatledger.eventlog.api.EventPage;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.VerificationReport;
import org.seatledger.eventlog.api.projection.TargetUnavailable;

/** The relay's step, without a broker: what it hands the publisher for a batch of the log. */
class RelayProjectionTest {

  private static final Instant HOLD = Instant.parse("2026-12-02T10:00:00Z");

  private final List<List<IntegrationEvent>> published = new ArrayList<>();
  private final List<String> streamsRead = new ArrayList<>();

  private final KafkaPublisher publisher =
      new KafkaPublisher() {
        @Override
        public void publish(List<IntegrationEvent> batch) {
          published.add(batch);
        }
      };

  @Test
  void aBatchIsPublishedAsOneBatchInLogOrderEachMessageKeyedByItsConference() {
    RelayProjection relay = new RelayProjection(new BookingConferences(log()), publisher);

    relay.applyAll(
        List.of(
            recorded(11, placed("b-1", "conf-a")),
            recorded(12, new SeatsReserved("conf-a", "b-1", Map.of("standard", 1), HOLD)),
            recorded(13, new ConferenceUnpublished("conf-b")),
            recorded(14, confirmed("b-1"))),
        null,
        1);

    assertEquals(1, published.size(), "one batch, acknowledged together");
    List<IntegrationEvent> batch = published.get(0);
    assertEquals(
        List.of("BookingPlaced", "SeatAvailabilityChanged", "BookingConfirmed"),
        batch.stream().map(IntegrationEvent::type).toList(),
        "not in the contract: ConferenceUnpublished");
    assertEquals(List.of(11L, 12L, 14L), batch.stream().map(IntegrationEvent::position).toList());
    assertEquals(Set.of("conf-a"), Set.copyOf(batch.stream().map(IntegrationEvent::key).toList()));
    assertEquals(List.of(), streamsRead, "the placement in the batch named the conference");
  }

  @Test
  void aConfirmationOfABookingPlacedInAnEarlierBatchFindsItsConferenceInTheBookingsStreamOnce() {
    RelayProjection relay = new RelayProjection(new BookingConferences(log()), publisher);

    relay.applyAll(List.of(recorded(30, confirmed("b-9"))), null, 1);
    relay.applyAll(List.of(recorded(31, confirmed("b-9"))), null, 1);

    assertEquals("conf-z", published.get(0).get(0).key());
    assertEquals(List.of("booking-b-9"), streamsRead);
  }

  @Test
  void aBrokerThatIsAwayFailsTheBatchSoTheCheckpointStays() {
    KafkaPublisher away =
        new KafkaPublisher() {
          @Override
          public void publish(List<IntegrationEvent> batch) {
            throw new TargetUnavailable("the message broker did not take them", null);
          }
        };
    RelayProjection relay = new RelayProjection(new BookingConferences(log()), away);

    assertThrows(
        TargetUnavailable.class,
        () -> relay.applyAll(List.of(recorded(5, placed("b-2", "conf-a"))), null, 1));
  }

  @Test
  void aBatchWithoutContractEventsSendsNothing() {
    RelayProjection relay = new RelayProjection(new BookingConferences(log()), publisher);

    relay.applyAll(List.of(recorded(3, new ConferenceUnpublished("conf-b"))), null, 1);

    assertEquals(List.of(), published);
  }

  private static BookingPlaced placed(String booking, String conference) {
    return new BookingPlaced(
        booking,
        conference,
        "r-1",
        "Ann",
        "ann@example.org",
        Map.of("standard", 1),
        BigDecimal.TEN,
        "EUR",
        HOLD);
  }

  private static BookingConfirmed confirmed(String booking) {
    return new BookingConfirmed(booking, "r-1", "ref", BigDecimal.TEN, "EUR");
  }

  private static RecordedEvent recorded(long position, Object event) {
    return IntegrationContractTest.recorded(position, event);
  }

  /** A log that holds only the placement of b-9, in conference conf-z. */
  private EventLog log() {
    return new EventLog() {
      @Override
      public List<RecordedEvent> readStream(String streamId, long fromVersion, int limit) {
        streamsRead.add(streamId);
        return streamId.equals("booking-b-9")
            ? List.of(recorded(2, placed("b-9", "conf-z")))
            : List.of();
      }

      @Override
      public List<RecordedEvent> readAll(long afterPosition, int limit) {
        throw new UnsupportedOperationException();
      }

      @Override
      public EventPage readPage(long afterPosition, int limit, Set<Class<?>> classes) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long headPosition() {
        throw new UnsupportedOperationException();
      }

      @Override
      public VerificationReport verify(Optional<String> streamId) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
