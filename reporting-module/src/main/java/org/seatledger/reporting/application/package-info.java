/**
 * Runs the staff read models: one projector per model, woken after each commit and on a timer,
 * paused, resumed and rebuilt on an admin's word, and answers the queries of {@link
 * org.seatledger.reporting.api.ReportingQueries}.
 *
 * <p>Writes only the reporting tables; reads the log through {@link org.seatledger.booking.api}.
 */
package org.seatledger.reporting.application;
