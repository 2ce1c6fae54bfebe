/**
 * The audit trail inside: its read model (one narrow row per event: the event's hash as the trail
 * read it when applying; who, when, which stream and the ids are read from the log's own indexes
 * through {@link org.seatledger.eventlog.api.LogSearch}, and the plain-language summary and the
 * reason as shown are made from the event, read by position, when an entry is shown), histories
 * paged by stream version and time travel folded from the nearest snapshot ({@link
 * org.seatledger.audit.application.Replays}), field-level changes between two points, keyset search
 * and exports, causation chains, and hash-chain verifications run at once or in the background
 * ({@link org.seatledger.audit.application.VerificationRuns}) with their results kept.
 *
 * <p>Reads the log only through {@link org.seatledger.eventlog.api} and the entity views of {@link
 * org.seatledger.booking.api}; writes only its own tables ({@code db/audit}) and, through {@link
 * org.seatledger.eventlog.api.StreamTimeline#keepSnapshot}, back-filled snapshots (which only
 * accelerate). Never changes the log.
 */
package org.seatledger.audit.application;
