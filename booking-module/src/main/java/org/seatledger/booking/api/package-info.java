/**
 * The published language of the booking module: what other modules may import.
 *
 * <p>Commands (imperative records), events (past-tense records with stable stored names), query
 * results, and the read side of the event log (reading all events in global order, reading a
 * stream, verifying the hash chain).
 */
package org.seatledger.booking.api;
