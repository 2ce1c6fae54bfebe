/**
 * The shared shape of projections: a module implements {@link
 * org.seatledger.eventlog.api.projection.Projection} over its own tables, and a {@link
 * org.seatledger.eventlog.api.projection.ProjectionRunner} keeps it up to date from the event log
 * with a checkpoint in the module's own checkpoint table. {@link
 * org.seatledger.eventlog.api.projection.ProjectionStatus} and {@link
 * org.seatledger.eventlog.api.projection.Sql} are published with them; every other class here is a
 * package-private part of the runner.
 */
package org.seatledger.eventlog.api.projection;
