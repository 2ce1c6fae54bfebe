package org.seatledger.booking.api;

/**
 * An event of a booking's stream ({@code booking-<id>}, stream type {@code Booking}): what the
 * booking aggregate decides and evolves by. The erasure of a registrant's data is recorded in the
 * registrant's own stream ({@link PersonalDataErased}), not in the booking's.
 */
public sealed interface BookingEvent
    permits BookingPlaced, BookingConfirmed, BookingCancelled, BookingExpired, AttendeesAssigned {}
