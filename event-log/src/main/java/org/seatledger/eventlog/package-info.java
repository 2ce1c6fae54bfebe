/**
 * The event log: the engine under Seat Ledger, and its system of record.
 *
 * <p>Owns the append-only event table and what guards and serves it: appends under version guards
 * in gap-free global order with idempotent command ids, reads by stream and in global order,
 * snapshots, upcasting, the per-stream hash chain, the encryption of personal data under per-person
 * keys wrapped by one master key, and the projection engine ({@code
 * org.seatledger.eventlog.projection}) that hosts every module's read models. Its tables ({@code
 * events}, {@code event_sequence}, {@code processed_commands}, {@code snapshots}, {@code
 * subject_keys}, {@code master_key}) are migrated from {@code db/eventlog}.
 *
 * <p>Knows nothing of conferences or bookings: a domain module registers its event records through
 * {@link org.seatledger.eventlog.api.EventCatalogue}. It depends on Jakarta EE and MicroProfile
 * only. Other modules use {@link org.seatledger.eventlog.api} (with its projection contracts in
 * {@code org.seatledger.eventlog.api.projection}) and nothing else of it.
 */
package org.seatledger.eventlog;
