/**
 * Audit: the auditors' view of the event log.
 *
 * <p>Owns the audit trail (who changed what, when and why), entity histories with field-level
 * diffs, time travel (state at any version or moment, from the nearest snapshot), search by keyset
 * and exports, causation chains, digests of the whole log (made and checked by the event log), and
 * the kept results of hash-chain verification. Tables are migrated from {@code db/audit}.
 *
 * <p>Depends only on {@link org.seatledger.eventlog.api} and {@link org.seatledger.booking.api}.
 * Publishes only {@link org.seatledger.audit.api}.
 */
package org.seatledger.audit;
