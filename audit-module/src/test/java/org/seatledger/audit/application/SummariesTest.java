package org.seatledger.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.Attendee;
import org.seatledger.booking.api.AttendeesAssigned;
import org.seatledger.booking.api.BookingCancelled;
import org.seatledger.booking.api.BookingConfirmed;
import org.seatledger.booking.api.BookingExpired;
import org.seatledger.booking.api.BookingPlaced;
import org.seatledger.booking.api.ConferenceCreated;
import org.seatledger.booking.api.ConferencePublished;
import org.seatledger.booking.api.ConferenceUnpublished;
import org.seatledger.booking.api.PersonalDataErased;
import org.seatledger.booking.api.SeatCapacityChanged;
import org.seatledger.booking.api.SeatQuantityChanged;
import org.seatledger.booking.api.SeatTypeAdded;
import org.seatledger.booking.api.SeatsCommitted;
import org.seatledger.booking.api.SeatsReleased;
import org.seatledger.booking.api.SeatsReserved;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.RecordedEvent;

/**
 * The sentence the audit trail stores and exports for each event, and the reason column beside it:
 * what an auditor reads, and never a person's name, e-mail or free text in clear.
 */
class SummariesTest {

  private static final Instant HOLD = Instant.parse("2027-03-01T09:15:00Z");

  /** One event of every type the log holds, with the sentence an auditor reads for it. */
  private static Map<Object, String> everyType() {
    Map<Object, String> sentences = new LinkedHashMap<>();
    sentences.put(
        new ConferenceCreated(
            "c-1",
            "DevConf 2027",
            "devconf-2027",
            LocalDate.parse("2027-05-04"),
            LocalDate.parse("2027-05-06"),
            "Loopback Hall"),
        "alice created the conference 'DevConf 2027' (devconf-2027, 2027-05-04 to 2027-05-06,"
            + " Loopback Hall)");
    sentences.put(
        new SlugClaimed("devconf-2027", "c-1"),
        "The slug 'devconf-2027' was given to conference c-1");
    sentences.put(
        new SeatTypeAdded("c-1", "std", "Standard", 100, new BigDecimal("250.00"), "EUR"),
        "alice added 100 'Standard' seats at 250.00 EUR");
    sentences.put(
        new SeatQuantityChanged("c-1", "std", 120, 100),
        "alice changed the 'std' seats from 100 to 120");
    sentences.put(new ConferencePublished("c-1"), "alice published the conference");
    sentences.put(new ConferenceUnpublished("c-1"), "alice unpublished the conference");
    sentences.put(new SeatCapacityChanged("c-1", "std", 120), "Capacity of 'std' set to 120");
    sentences.put(
        new SeatsReserved("c-1", "b-1", Map.of("vip", 1, "std", 2), HOLD),
        "2 'std', 1 'vip' seats held for booking b-1 until 2027-03-01T09:15:00Z");
    sentences.put(
        new SeatsCommitted("c-1", "b-1", Map.of("std", 1)), "1 'std' seat sold to booking b-1");
    sentences.put(
        new SeatsReleased("c-1", "b-1", Map.of("std", 2), "expired", false),
        "2 'std' seats given back from booking b-1 (expired)");
    sentences.put(
        new BookingPlaced(
            "b-1",
            "c-1",
            "r-1",
            "Ada Lovelace",
            "ada@example.org",
            Map.of("std", 2),
            new BigDecimal("500.00"),
            "EUR",
            HOLD),
        "alice booked 2 'std' seats for registrant r-1, total 500.00 EUR, held until"
            + " 2027-03-01T09:15:00Z");
    sentences.put(
        new BookingConfirmed(
            "b-1", "r-1", "Transfer from A. Lovelace", new BigDecimal("500.00"), "EUR"),
        "alice recorded a payment of 500.00 EUR");
    sentences.put(
        new BookingCancelled("b-1", "r-1", "Ada Lovelace broke her leg"),
        "alice cancelled the booking");
    sentences.put(
        new BookingExpired("b-1", HOLD),
        "The hold expired at 2027-03-01T09:15:00Z without payment");
    sentences.put(
        new AttendeesAssigned(
            "b-1",
            List.of(
                new Attendee("a-1", "std", "Grace Hopper", "grace@example.org"),
                new Attendee("a-2", "std", "Alan Turing", "alan@example.org"))),
        "alice named 2 attendee(s)");
    sentences.put(new PersonalDataErased("r-1"), "alice erased the personal data of subject r-1");
    return sentences;
  }

  @Test
  void everyEventTypeReadsAsOneSentenceNamingWhoDidWhat() {
    everyType()
        .forEach(
            (event, sentence) ->
                assertEquals(
                    sentence,
                    Summaries.of(Streams.recorded("alice", null, event)),
                    event.getClass().getSimpleName()));
  }

  @Test
  void anEventOfATypeTheAuditDoesNotKnowReadsAsItsStoredTypeName() {
    record RefundIssued(String bookingId) {}

    assertEquals(
        "RefundIssued", Summaries.of(Streams.recorded("alice", null, new RefundIssued("b-1"))));
  }

  @Test
  void noSummaryHoldsANameAnEmailOrFreeTextOfAPerson() {
    List<String> checked = new ArrayList<>();
    for (Object event : everyType().keySet()) {
      String summary = Summaries.of(Streams.recorded("alice", null, event));
      for (String personal : personalData(event)) {
        checked.add(personal);
        assertFalse(
            summary.contains(personal),
            event.getClass().getSimpleName() + " shows '" + personal + "' in clear: " + summary);
      }
    }
    assertEquals(
        List.of(
            "Ada Lovelace",
            "ada@example.org",
            "Transfer from A. Lovelace",
            "Ada Lovelace broke her leg",
            "Grace Hopper",
            "grace@example.org",
            "Alan Turing",
            "alan@example.org"),
        checked,
        "every personal field of the events was looked for");
  }

  @Test
  void theCommandsReasonIsShownBesideTheSummary() {
    RecordedEvent changed =
        Streams.recorded(
            "alice", "contract amended", new SeatQuantityChanged("c-1", "std", 120, 100));

    assertEquals("contract amended", Summaries.reasonOf(changed));
  }

  @Test
  void aLegacyCancellationDoesNotRepeatItsFreeTextAsTheReason() {
    // before cancellation reasons were personal data, the cancel endpoint copied the reason into
    // the clear-text metadata of the command, and v1 events name no registrant
    String text = "Ada Lovelace broke her leg";
    RecordedEvent cancelled =
        Streams.recorded("alice", text, new BookingCancelled("b-1", null, text));

    assertNull(Summaries.reasonOf(cancelled));
  }

  @Test
  void aCancellationReadWithoutTheKeysDoesNotShowItsFreeTextAsTheReason() {
    // the booking page sends the cancellation's text as the command's reason as well; the trail
    // reads events without the data keys, so the event's own text reads as erased
    String text = "Ada Lovelace broke her leg";
    RecordedEvent cancelled =
        Streams.recorded("alice", text, new BookingCancelled("b-1", "r-1", PersonalData.ERASED));

    assertNull(Summaries.reasonOf(cancelled));
  }

  @Test
  void theSeatsGivenBackByALegacyCancellationDoNotRepeatItsFreeTextEither() {
    // the same legacy command appended the seats' release too, with the same clear-text metadata
    RecordedEvent released =
        Streams.recorded(
            "alice",
            "Ada Lovelace broke her leg",
            new SeatsReleased("c-1", "b-1", Map.of("std", 2), "cancelled", false));

    assertNull(Summaries.reasonOf(released));
    assertEquals("2 'std' seats given back from booking b-1 (cancelled)", Summaries.of(released));
  }

  /** The values of the event's components marked {@link PersonalData}, also in nested records. */
  private static List<String> personalData(Object value) {
    List<String> found = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> found.addAll(personalData(item)));
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Object field;
        try {
          field = component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        if (component.isAnnotationPresent(PersonalData.class)) {
          found.add((String) field);
        } else {
          found.addAll(personalData(field));
        }
      }
    }
    return found;
  }
}
