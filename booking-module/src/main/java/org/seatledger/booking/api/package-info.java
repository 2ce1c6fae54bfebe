/**
 * The published language of the booking module: what other modules may import.
 *
 * <p>Commands (imperative records), events (past-tense records with stable stored names, registered
 * with the event log, grouped by aggregate under a sealed interface each: {@link
 * org.seatledger.booking.api.ConferenceEvent}, {@link
 * org.seatledger.booking.api.SeatAvailabilityEvent}, {@link
 * org.seatledger.booking.api.BookingEvent}), query results and the entity views auditors read
 * ({@link org.seatledger.booking.api.EntityViews}). Holds contracts only, no engine; the event
 * log's own contracts are in {@link org.seatledger.eventlog.api}.
 */
package org.seatledger.booking.api;
