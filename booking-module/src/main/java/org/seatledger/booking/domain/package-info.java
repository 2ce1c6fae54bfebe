/**
 * The booking domain: the conference, seat-availability and booking aggregates, each deciding on a
 * command from its state (new events, or a refusal with a sentence) and evolving its state by its
 * events.
 *
 * <p>Pure: no container, no database, no clock of its own; tested with given/when/then.
 */
package org.seatledger.booking.domain;
