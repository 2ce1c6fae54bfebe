package org.seatledger.booking.api;

/**
 * An event of a conference's seat availability ({@code seats-<conference id>}, stream type {@code
 * SeatAvailability}): what the seat-availability aggregate decides and evolves by.
 */
public sealed interface SeatAvailabilityEvent
    permits SeatCapacityChanged, SeatsReserved, SeatsCommitted, SeatsReleased {}
