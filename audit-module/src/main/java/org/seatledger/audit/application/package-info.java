/**
 * The audit trail inside: its read model (one row per event with who, when, why and a
 * plain-language summary), time travel by replaying a stream, field-level changes between two
 * versions, search and exports, and the kept results of hash-chain verifications.
 *
 * <p>Reads the log only through {@link org.seatledger.booking.api}; writes only its own tables
 * ({@code db/audit}). Never changes the log.
 */
package org.seatledger.audit.application;
