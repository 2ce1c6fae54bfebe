/**
 * The shared shape of projections: a module implements {@link
 * org.seatledger.booking.api.projection.Projection} over its own tables, and a {@link
 * org.seatledger.booking.api.projection.ProjectionRunner} keeps it up to date from the event log
 * with a checkpoint in the module's own checkpoint table.
 */
package org.seatledger.booking.api.projection;
