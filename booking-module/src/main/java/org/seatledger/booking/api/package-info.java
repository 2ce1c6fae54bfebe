/**
 * The published language of the booking module: what other modules may import.
 *
 * <p>Commands (imperative records), events (past-tense records with stable stored names, registered
 * with the event log) and query results. Holds contracts only, no engine; the event log's own
 * contracts are in {@link org.seatledger.eventlog.api}.
 */
package org.seatledger.booking.api;
