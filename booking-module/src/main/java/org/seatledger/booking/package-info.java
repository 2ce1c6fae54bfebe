/**
 * Booking: the conference seat-booking domain and its command side.
 *
 * <p>Owns the conference, seat-availability and booking aggregates, their decisions and events, and
 * the application services that load them from the event log, decide and append. It has no tables
 * of its own: its events live in the event log ({@code org.seatledger.eventlog}), which it uses
 * only through {@link org.seatledger.eventlog.api}.
 *
 * <p>Publishes only {@link org.seatledger.booking.api}: commands, events, query results. Everything
 * else in this module is internal; the architecture test fails the build when another module
 * reaches past the api package.
 */
package org.seatledger.booking;
