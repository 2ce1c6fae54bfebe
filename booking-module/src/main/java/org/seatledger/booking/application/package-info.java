/**
 * The command side of booking: routes each command to its conference's writer ({@code
 * BookingService}, {@code ConferenceWriter}), carries out the writer's batches ({@code
 * BatchRunner}), deciding again when another server got there first ({@code RetryLoop}); hands each
 * command to the handler of its aggregate ({@code CommandHandlers}), which loads the aggregates,
 * lets them decide and returns the typed outcome with its appends; remembers outcomes in a
 * versioned shape ({@code OutcomeCodec}); expires overdue holds and erases a person's data.
 *
 * <p>Holds no business rule of its own (those are in {@link org.seatledger.booking.domain}) and no
 * SQL (that is the event store's).
 */
package org.seatledger.booking.application;
