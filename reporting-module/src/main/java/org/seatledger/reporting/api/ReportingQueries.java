package org.seatledger.reporting.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seatledger.eventlog.api.projection.ProjectionStatus;

/** The staff read models: what the web tier asks of the reporting module. */
public interface ReportingQueries {

  String AVAILABILITY = "reporting.availability";
  String BOOKINGS = "reporting.bookings";
  String STATS = "reporting.stats";

  /** Seats of one type. */
  record SeatTypeCount(
      String code,
      String name,
      int capacity,
      int held,
      int sold,
      int available,
      BigDecimal price,
      String currency) {}

  /**
   * A conference in the staff list: its seats summed over its seat types (all 0 without seat
   * types).
   */
  record ConferenceRow(
      String id,
      String name,
      String slug,
      LocalDate startsOn,
      LocalDate endsOn,
      String venue,
      boolean published,
      int capacity,
      int held,
      int sold,
      int available) {}

  /** Seats of a conference as the read model has them at {@code position}. */
  record Availability(String conferenceId, long position, List<SeatTypeCount> seatTypes) {}

  /** A booking in the staff list. */
  record BookingRow(
      String id,
      String conferenceId,
      String status,
      String registrantName,
      String registrantEmail,
      String seats,
      int seatCount,
      BigDecimal total,
      String currency,
      Instant holdUntil,
      Instant placedAt) {}

  /** Which bookings, in which order, which page (from 1). */
  record BookingFilter(
      String conferenceId,
      String status,
      String text,
      String sort,
      boolean descending,
      int page,
      int size) {}

  /** One page of results. */
  record Page<T>(List<T> items, int page, int size, long total, long position) {}

  /** A named attendee. */
  record AttendeeRow(String bookingId, String seatType, String name, String email) {}

  /** One conference's day. */
  record DailyStats(
      LocalDate day,
      int bookings,
      int confirmations,
      int cancellations,
      int expirations,
      BigDecimal revenue) {}

  /**
   * Sort keys of the bookings list. {@code placedAt} is the order in which the bookings were placed
   * in the log (the table's key, so it needs no index of its own; the times shown follow it but for
   * the microseconds between appends of one commit). {@code holdUntil} with {@code status=HELD} is
   * the holds console: the holds that expire soonest first (an index serves it).
   */
  Map<String, String> BOOKING_SORTS =
      Map.of(
          "placedAt",
          "placed_position",
          "total",
          "total",
          "status",
          "status",
          "registrant",
          "registrant_name",
          "seats",
          "seat_count",
          "holdUntil",
          "hold_until");

  Optional<Availability> availability(String conferenceId);

  /**
   * Page {@code page} (from 1; a page past the last is empty) of the conferences whose name
   * contains {@code nameContains} (ignoring case; all when null or blank), soonest first, {@code
   * size} to a page, each with its seats summed — only the page's conferences are summed — and the
   * count of all that match, from the availability read model.
   */
  Page<ConferenceRow> conferences(String nameContains, int page, int size);

  /**
   * Every conference's name by its id, soonest first: what a list's conference column shows and its
   * filter offers. Names only, from one table without the seat sums of {@link #conferences}, and
   * not cut at a screenful: a list showing a booking of any conference names it.
   */
  Map<String, String> conferenceNames();

  Page<BookingRow> bookings(BookingFilter filter);

  List<AttendeeRow> attendees(String conferenceId);

  List<DailyStats> stats(String conferenceId);

  /** Waits (at most {@code patience}) until the projection has applied {@code position}. */
  boolean awaitPosition(String projection, long position, Duration patience);

  List<ProjectionStatus> projections();

  /** Resumes a stopped projection; false when there is no such projection. */
  boolean retry(String projection);

  /** Pauses a running projection; false when there is no such projection or it is not running. */
  boolean pause(String projection);

  /** Resumes a paused projection; false when there is no such projection or it is not paused. */
  boolean resume(String projection);

  /** Starts a rebuild; false when there is no such projection or one is running. */
  boolean rebuild(String projection);
}
