/**
 * The published language of the booking module: what other modules may import.
 *
 * <p>Commands (imperative records), events (past-tense records with stable stored names, grouped by
 * aggregate under a sealed interface each: {@link org.seatledger.booking.api.ConferenceEvent},
 * {@link org.seatledger.booking.api.SeatAvailabilityEvent}, {@link
 * org.seatledger.booking.api.BookingEvent}), query results, the entity views auditors read ({@link
 * org.seatledger.booking.api.EntityViews}), and the read side of the event log (reading all events
 * in global order, reading a stream, verifying the hash chain).
 */
package org.seatledger.booking.api;
