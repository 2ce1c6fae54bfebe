package org.seatledger.booking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingStatus;
import org.seatledger.booking.api.CommandOutcome;
import org.seatledger.booking.api.CommandOutcome.AttendeesNamed;
import org.seatledger.booking.api.CommandOutcome.BookingHeld;
import org.seatledger.booking.api.CommandOutcome.BookingStatusSet;
import org.seatledger.booking.api.CommandOutcome.ConferenceSetUp;
import org.seatledger.booking.api.CommandOutcome.HoldsExpired;
import org.seatledger.booking.api.CommandOutcome.PublicationSet;
import org.seatledger.booking.api.CommandOutcome.SeatTypeSet;
import org.seatledger.booking.api.CommandOutcome.Unchanged;

/**
 * The stored outcomes of commands: what version 2 writes, and that rows of both versions — version
 * 1 being the REST body servers stored before — read back as the outcome the command had.
 */
class OutcomeCodecTest {

  private static final String CONFERENCE = "5f1c3a9e-0c8e-3d5f-9b7a-2f0e6c1d4b3a";
  private static final String BOOKING = "0b7c2d4e-6f80-3a1b-8c9d-e0f1a2b3c4d5";
  private static final String REGISTRANT = "9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4";
  private static final Instant HOLD_UNTIL = Instant.parse("2027-05-04T10:15:30Z");

  /** One outcome of every kind. */
  private static final List<CommandOutcome> EVERY_KIND =
      List.of(
          new ConferenceSetUp(CONFERENCE, "devconf-2027"),
          new SeatTypeSet(CONFERENCE, "standard"),
          new PublicationSet(CONFERENCE, true),
          new PublicationSet(CONFERENCE, false),
          new BookingHeld(BOOKING, REGISTRANT, HOLD_UNTIL, new BigDecimal("250.00"), "EUR"),
          new BookingStatusSet(BOOKING, BookingStatus.CONFIRMED),
          new AttendeesNamed(BOOKING, 2),
          new HoldsExpired(CONFERENCE, 500, true),
          new Unchanged(CONFERENCE));

  @Test
  void everyKindOfOutcomeReadsBackAsItWasWritten() {
    assertEquals(
        permittedKinds(),
        EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet()),
        "the examples cover every kind of outcome");
    for (CommandOutcome outcome : EVERY_KIND) {
      assertEquals(outcome, OutcomeCodec.decode(OutcomeCodec.encode(outcome)));
    }
  }

  @Test
  void version2IsTheDocumentedShape() {
    assertEquals(
        "{\"v\":2,\"kind\":\"booking-held\",\"bookingId\":\""
            + BOOKING
            + "\",\"registrantId\":\""
            + REGISTRANT
            + "\",\"holdUntil\":\"2027-05-04T10:15:30Z\",\"total\":250.00,\"currency\":\"EUR\"}",
        OutcomeCodec.encode(
            new BookingHeld(BOOKING, REGISTRANT, HOLD_UNTIL, new BigDecimal("250.00"), "EUR")));
    assertEquals(
        "{\"v\":2,\"kind\":\"booking-status-set\",\"bookingId\":\""
            + BOOKING
            + "\",\"status\":\"CANCELLED\"}",
        OutcomeCodec.encode(new BookingStatusSet(BOOKING, BookingStatus.CANCELLED)));
  }

  @Test
  void aTotalKeepsItsCentsThroughTheStoredShape() {
    BookingHeld held =
        (BookingHeld)
            OutcomeCodec.decode(
                OutcomeCodec.encode(
                    new BookingHeld(
                        BOOKING, REGISTRANT, HOLD_UNTIL, new BigDecimal("0.10"), "EUR")));

    assertEquals("0.10", held.total().toString());
  }

  /** The rows servers wrote before version 2, exactly as they wrote them. */
  @Test
  void rowsOfVersion1ReadAsTheOutcomeTheCommandHad() {
    assertEquals(
        new ConferenceSetUp(CONFERENCE, "devconf-2027"),
        OutcomeCodec.decode("{\"id\":\"" + CONFERENCE + "\",\"slug\":\"devconf-2027\"}"));
    assertEquals(
        new SeatTypeSet(CONFERENCE, "standard"),
        OutcomeCodec.decode("{\"code\":\"standard\",\"id\":\"" + CONFERENCE + "\"}"));
    assertEquals(
        new PublicationSet(CONFERENCE, false),
        OutcomeCodec.decode("{\"published\":false,\"id\":\"" + CONFERENCE + "\"}"));
    assertEquals(
        new BookingHeld(BOOKING, REGISTRANT, HOLD_UNTIL, new BigDecimal("250.00"), "EUR"),
        OutcomeCodec.decode(
            "{\"id\":\""
                + BOOKING
                + "\",\"status\":\"HELD\",\"holdUntil\":\"2027-05-04T10:15:30Z\","
                + "\"total\":250.00,\"currency\":\"EUR\",\"registrantId\":\""
                + REGISTRANT
                + "\"}"));
    assertEquals(
        new BookingStatusSet(BOOKING, BookingStatus.CONFIRMED),
        OutcomeCodec.decode("{\"status\":\"CONFIRMED\",\"id\":\"" + BOOKING + "\"}"));
    assertEquals(
        new BookingStatusSet(BOOKING, BookingStatus.CANCELLED),
        OutcomeCodec.decode("{\"status\":\"CANCELLED\",\"id\":\"" + BOOKING + "\"}"));
    assertEquals(
        new BookingStatusSet(BOOKING, BookingStatus.EXPIRED),
        OutcomeCodec.decode("{\"id\":\"" + BOOKING + "\",\"status\":\"EXPIRED\"}"));
    assertEquals(
        new AttendeesNamed(BOOKING, 3),
        OutcomeCodec.decode("{\"attendees\":3,\"id\":\"" + BOOKING + "\"}"));
  }

  @Test
  void aVersion1TotalKeepsTheScaleItWasAnsweredWith() {
    BookingHeld held =
        (BookingHeld)
            OutcomeCodec.decode(
                "{\"id\":\"b\",\"status\":\"HELD\",\"holdUntil\":\"2027-05-04T10:15:30Z\","
                    + "\"total\":1200.50,\"currency\":\"USD\",\"registrantId\":\"r\"}");

    assertEquals("1200.50", held.total().toString());
  }

  @Test
  void erasuresOfBothVersionsTellHowManyEventsNamedThePerson() {
    assertEquals(7, OutcomeCodec.erasedEvents("{\"subjectId\":\"s-1\",\"events\":7}"));
    assertEquals(
        "{\"v\":2,\"kind\":\"subject-erased\",\"subjectId\":\"s-1\",\"events\":7}",
        OutcomeCodec.encodeErasure("s-1", 7));
    assertEquals(7, OutcomeCodec.erasedEvents(OutcomeCodec.encodeErasure("s-1", 7)));
  }

  @Test
  void anOutcomeThisServerCannotReadFailsLoudlyInsteadOfAnsweringSomethingElse() {
    for (String stored :
        new String[] {
          "{\"v\":3,\"kind\":\"booking-held\",\"bookingId\":\"b\"}",
          "{\"v\":2,\"kind\":\"seats-teleported\",\"conferenceId\":\"c\"}",
          "{\"v\":2,\"kind\":\"seat-type-set\",\"conferenceId\":\"c\"}",
          "{\"id\":\"b\",\"status\":\"HELD\"}",
          "{\"id\":\"c\",\"color\":\"red\"}",
          "[1,2]",
          "not json",
        }) {
      assertThrows(IllegalStateException.class, () -> OutcomeCodec.decode(stored), stored);
    }
    assertThrows(IllegalStateException.class, () -> OutcomeCodec.decode(null));
    assertThrows(
        IllegalStateException.class,
        () -> OutcomeCodec.erasedEvents(OutcomeCodec.encode(new Unchanged("c"))));
  }

  private static Set<Class<?>> permittedKinds() {
    return Set.of(CommandOutcome.class.getPermittedSubclasses());
  }
}
