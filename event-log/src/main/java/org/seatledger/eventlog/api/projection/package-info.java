/**
 * The contracts of projections, published to every module: a module implements {@link
 * org.seatledger.eventlog.api.projection.Projection} over its own tables, declares them as a {@link
 * org.seatledger.eventlog.api.projection.ProjectionSet} with its checkpoint table, and gets from
 * the {@link org.seatledger.eventlog.api.projection.ProjectionHost} a {@link
 * org.seatledger.eventlog.api.projection.Projectors} handle to wake them, steer them and read their
 * {@link org.seatledger.eventlog.api.projection.ProjectionStatus}. {@link
 * org.seatledger.eventlog.api.projection.Sql} is the one helper published with them (see its
 * Javadoc for why). The engine behind these contracts is {@code
 * org.seatledger.eventlog.projection}, internal to the event log.
 */
package org.seatledger.eventlog.api.projection;
