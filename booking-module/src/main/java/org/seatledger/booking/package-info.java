/**
 * Booking: the write side of Seat Ledger.
 *
 * <p>Owns the conference, seat-availability and booking aggregates, their command handlers, and the
 * event store that is the system of record (events, snapshots, processed commands and personal-data
 * keys). Its tables are migrated from {@code db/booking}.
 *
 * <p>Publishes only {@link org.seatledger.booking.api}: commands, events, query results and the
 * read API of the event log. Everything else in this module is internal; the architecture test
 * fails the build when another module reaches past the api package.
 */
package org.seatledger.booking;
