/**
 * The staff read models as projections of the log: seat availability, bookings with attendees,
 * daily statistics. Each folds a batch of events into rows of its own generation and may be rebuilt
 * from the log at any time.
 *
 * <p>Derived and disposable: nothing here is a fact that the log does not hold.
 */
package org.seatledger.reporting.projection;
