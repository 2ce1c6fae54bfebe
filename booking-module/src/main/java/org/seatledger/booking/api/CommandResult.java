package org.seatledger.booking.api;

import jakarta.json.JsonObject;

/**
 * What a command did.
 *
 * @param id the conference or booking it created or acted on
 * @param position the global position of its last event (0 when nothing changed): a query with
 *     {@code atLeast=position} sees the change
 * @param repeated true when the command id had been carried out before and this is its first
 *     outcome again
 * @param outcome details of the result, e.g. a booking's status, total and hold deadline
 */
public record CommandResult(String id, long position, boolean repeated, JsonObject outcome) {}
