/**
 * Reporting: the staff read models.
 *
 * <p>Owns availability per conference and seat type, the bookings list, attendee lists and daily
 * time series, with their projection checkpoints. Tables are migrated from {@code db/reporting};
 * they are derived from the event log and can be dropped and rebuilt from it at any time.
 *
 * <p>Depends only on {@link org.seatledger.booking.api}. Publishes only {@link
 * org.seatledger.reporting.api}.
 */
package org.seatledger.reporting;
