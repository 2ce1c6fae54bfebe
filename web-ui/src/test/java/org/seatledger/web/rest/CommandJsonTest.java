package org.seatledger.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
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
import org.seatledger.booking.api.CommandResult;

/**
 * The bodies the REST API answers commands with. The expected texts are what the API answered
 * before outcomes were typed (the stored body plus {@code id} and {@code position}), field for
 * field and in the same order: clients see no change.
 */
class CommandJsonTest {

  private static final String C = "5f1c3a9e-0c8e-3d5f-9b7a-2f0e6c1d4b3a";
  private static final String B = "0b7c2d4e-6f80-3a1b-8c9d-e0f1a2b3c4d5";
  private static final String R = "9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4";

  private final Set<Class<?>> rendered = new HashSet<>();

  @Test
  void everyOutcomeIsAnsweredWithTheBodyClientsHaveAlwaysHad() {
    assertBody(
        "{\"id\":\"" + C + "\",\"slug\":\"devconf-2027\",\"position\":42}",
        new ConferenceSetUp(C, "devconf-2027"),
        42);
    assertBody(
        "{\"code\":\"standard\",\"id\":\"" + C + "\",\"position\":43}",
        new SeatTypeSet(C, "standard"),
        43);
    assertBody("{\"id\":\"" + C + "\",\"position\":0}", new Unchanged(C), 0);
    assertBody(
        "{\"published\":true,\"id\":\"" + C + "\",\"position\":44}",
        new PublicationSet(C, true),
        44);
    assertBody(
        "{\"id\":\""
            + B
            + "\",\"status\":\"HELD\",\"holdUntil\":\"2027-05-04T10:15:30Z\",\"total\":250.00,"
            + "\"currency\":\"EUR\",\"registrantId\":\""
            + R
            + "\",\"position\":45}",
        new BookingHeld(
            B, R, Instant.parse("2027-05-04T10:15:30Z"), new BigDecimal("250.00"), "EUR"),
        45);
    assertBody(
        "{\"status\":\"CONFIRMED\",\"id\":\"" + B + "\",\"position\":46}",
        new BookingStatusSet(B, BookingStatus.CONFIRMED),
        46);
    assertBody(
        "{\"attendees\":2,\"id\":\"" + B + "\",\"position\":47}", new AttendeesNamed(B, 2), 47);
    assertBody(
        "{\"id\":\"" + C + "\",\"expired\":3,\"more\":false,\"position\":48}",
        new HoldsExpired(C, 3, false),
        48);

    assertEquals(
        Set.of(CommandOutcome.class.getPermittedSubclasses()),
        rendered,
        "every kind of outcome has a body");
  }

  @Test
  void aRepeatIsAnsweredWithTheSameBody() {
    CommandOutcome cancelled = new BookingStatusSet(B, BookingStatus.CANCELLED);

    assertEquals(
        CommandJson.body(new CommandResult(50, false, cancelled)),
        CommandJson.body(new CommandResult(50, true, cancelled)));
  }

  private void assertBody(String expected, CommandOutcome outcome, long position) {
    assertEquals(
        expected, CommandJson.body(new CommandResult(position, false, outcome)).toString());
    rendered.add(outcome.getClass());
  }
}
