package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Current state straight from the aggregates (snapshot plus tail), for the API until read models
 * serve these queries.
 */
public interface BookingQueries {

  /** A seat type of a conference. */
  record SeatTypeView(String code, String name, int quantity, BigDecimal price, String currency) {}

  /** A conference. */
  record ConferenceView(
      String id,
      String name,
      String slug,
      LocalDate startsOn,
      LocalDate endsOn,
      String venue,
      boolean published,
      List<SeatTypeView> seatTypes) {}

  /**
   * One page of the conferences, oldest first.
   *
   * @param page from 1
   * @param total how many conferences there are in all
   */
  record ConferencePage(List<ConferenceView> items, long page, int size, long total) {}

  /** Seats of one type. */
  record SeatCountView(String code, String name, int capacity, int held, int sold, int available) {}

  /** Seats of a conference, as of a global position. */
  record AvailabilityView(String conferenceId, long position, List<SeatCountView> seatTypes) {}

  /** A named attendee. */
  record AttendeeView(String seatType, String name, String email) {}

  /** A booking; the registrant's data reads [erased] after erasure. */
  record BookingView(
      String id,
      String conferenceId,
      BookingStatus status,
      String registrantId,
      String registrantName,
      String registrantEmail,
      Map<String, Integer> seats,
      BigDecimal total,
      String currency,
      Instant holdUntil,
      List<AttendeeView> attendees,
      long version) {}

  Optional<ConferenceView> conference(String conferenceId);

  /** Every conference, oldest first. */
  List<ConferenceView> conferences();

  /** The {@code page}th (from 1) {@code size} conferences, oldest first, and how many in all. */
  ConferencePage conferences(long page, int size);

  Optional<AvailabilityView> availability(String conferenceId);

  Optional<BookingView> booking(String bookingId);
}
