/**
 * Audit: the auditors' view of the event log.
 *
 * <p>Owns the audit trail (who changed what, when and why), entity histories with field-level
 * diffs, time travel (state as of any moment, by replay), search and exports, and the kept results
 * of hash-chain verification. Tables are migrated from {@code db/audit}.
 *
 * <p>Depends only on {@link org.seatledger.booking.api}. Publishes only {@link
 * org.seatledger.audit.api}.
 */
package org.seatledger.audit;
