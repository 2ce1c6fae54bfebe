/**
 * The event store, the system of record: appends under version guards in gap-free global order with
 * idempotent command ids (group commit), reads by stream and in global order, the per-stream hash
 * chain and its verification, snapshots, upcasting of stored shapes, and the encryption of personal
 * data under per-person keys wrapped by the master key.
 *
 * <p>Knows nothing of conferences or bookings; it never updates or deletes an event row.
 */
package org.seatledger.eventlog.store;
