/**
 * The booking domain: the conference, seat-availability and booking aggregates, each an immutable
 * record that decides on a command from its state (its own sealed events, or a refusal with a
 * sentence) and evolves into a new state by its events. {@link org.seatledger.booking.domain.Fold}
 * is how each is rebuilt from its stream; {@link org.seatledger.booking.domain.Placement} decides a
 * booking over all three (price, currency, hold deadline, seats left); {@link
 * org.seatledger.booking.domain.AggregateViews} renders the folded states for auditors.
 *
 * <p>Pure: no container, no database; time only from a {@link java.time.Clock} it is given. Tested
 * with given/when/then.
 */
package org.seatledger.booking.domain;
