package org.seatledger.booking.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a carried-out command decided, in the domain's terms: one record per kind of result. The web
 * tier renders it (its JSON is the web tier's business); the command side remembers it under the
 * command's id, in a versioned shape of its own, so that a repeat of the command gets the same
 * outcome again.
 *
 * <p>A command the rules refuse has no outcome: {@link BookingCommands#handle} throws {@link
 * CommandRefused} and nothing is stored.
 */
public sealed interface CommandOutcome {

  /** The conference or booking the command created or acted on. */
  String id();

  /** A new conference, unpublished, holds its slug ({@link BookingCommand.CreateConference}). */
  record ConferenceSetUp(String conferenceId, String slug) implements CommandOutcome {
    public ConferenceSetUp {
      Objects.requireNonNull(conferenceId, "conferenceId");
      Objects.requireNonNull(slug, "slug");
    }

    @Override
    public String id() {
      return conferenceId;
    }
  }

  /**
   * A seat type was offered ({@link BookingCommand.AddSeatType}) or its quantity changed ({@link
   * BookingCommand.ChangeSeatQuantity}).
   */
  record SeatTypeSet(String conferenceId, String code) implements CommandOutcome {
    public SeatTypeSet {
      Objects.requireNonNull(conferenceId, "conferenceId");
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String id() {
      return conferenceId;
    }
  }

  /**
   * Nothing to change: a seat type already had the quantity asked for. Nothing was appended, so
   * this outcome is never stored.
   */
  record Unchanged(String id) implements CommandOutcome {
    public Unchanged {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The conference is now open for bookings ({@code published}) or closed to them; also when it
   * already was (then nothing was appended).
   */
  record PublicationSet(String conferenceId, boolean published) implements CommandOutcome {
    public PublicationSet {
      Objects.requireNonNull(conferenceId, "conferenceId");
    }

    @Override
    public String id() {
      return conferenceId;
    }
  }

  /**
   * A new booking holds its seats until {@code holdUntil} ({@link BookingCommand.PlaceBooking}).
   *
   * @param registrantId the data subject of the registrant's personal data
   * @param total what the seats cost, with the scale the price list gave it
   */
  record BookingHeld(
      String bookingId, String registrantId, Instant holdUntil, BigDecimal total, String currency)
      implements CommandOutcome {
    public BookingHeld {
      Objects.requireNonNull(bookingId, "bookingId");
      Objects.requireNonNull(registrantId, "registrantId");
      Objects.requireNonNull(holdUntil, "holdUntil");
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(currency, "currency");
    }

    @Override
    public String id() {
      return bookingId;
    }
  }

  /**
   * A booking now stands at {@code status}: confirmed, cancelled or (by the hold deadline) expired;
   * also when it already did (then nothing was appended).
   */
  record BookingStatusSet(String bookingId, BookingStatus status) implements CommandOutcome {
    public BookingStatusSet {
      Objects.requireNonNull(bookingId, "bookingId");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String id() {
      return bookingId;
    }
  }

  /** The booking's attendees were named, {@code attendees} of them. */
  record AttendeesNamed(String bookingId, int attendees) implements CommandOutcome {
    public AttendeesNamed {
      Objects.requireNonNull(bookingId, "bookingId");
    }

    @Override
    public String id() {
      return bookingId;
    }
  }

  /**
   * One step of {@link BookingCommand.ExpireOverdueHolds}: {@code expired} holds expired, each
   * under a command of its own; {@code more} when overdue holds were left for the next step.
   */
  record HoldsExpired(String conferenceId, int expired, boolean more) implements CommandOutcome {
    public HoldsExpired {
      Objects.requireNonNull(conferenceId, "conferenceId");
    }

    @Override
    public String id() {
      return conferenceId;
    }
  }
}
