/**
 * The projection engine, internal to the event log: {@link
 * org.seatledger.eventlog.projection.ProjectionEngine} hosts every module's projections (the
 * contracts are in {@code org.seatledger.eventlog.api.projection}); {@link
 * org.seatledger.eventlog.projection.ProjectorGroup} runs one module's set side by side on a timer
 * and on wake-ups (after a commit together when it can: {@link
 * org.seatledger.eventlog.projection.GroupStep}); {@link
 * org.seatledger.eventlog.projection.ProjectionRunner} keeps one projection up to date from its
 * checkpoint, with {@link org.seatledger.eventlog.projection.LiveStep}, {@link
 * org.seatledger.eventlog.projection.CheckpointStore}, {@link
 * org.seatledger.eventlog.projection.BatchApplier}, {@link
 * org.seatledger.eventlog.projection.RebuildReader} and {@link
 * org.seatledger.eventlog.projection.StatusReport}, in transactions the container demarcates
 * ({@link org.seatledger.eventlog.projection.ProjectionTransactions}). Only the in-container tests
 * use these classes directly; modules go through the api.
 */
package org.seatledger.eventlog.projection;
