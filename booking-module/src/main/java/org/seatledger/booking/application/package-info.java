/**
 * The command side of booking: routes each command to its conference's writer, loads the
 * aggregates, lets them decide, appends what they decided (deciding again when another server got
 * there first), expires overdue holds and erases a person's data.
 *
 * <p>Holds no business rule of its own (those are in {@link org.seatledger.booking.domain}) and no
 * SQL (that is the event store's).
 */
package org.seatledger.booking.application;
