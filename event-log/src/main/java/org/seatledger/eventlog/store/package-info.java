/**
 * The event store, the system of record: appends under version guards in gap-free global order with
 * idempotent command ids (group commit), reads by stream and in global order, the per-stream hash
 * chain and its verification, snapshots, upcasting of stored shapes, and the encryption of personal
 * data under per-person keys wrapped by the master key.
 *
 * <p>The tables are JPA entities of the persistence unit {@code eventlog} (EclipseLink). Snapshots,
 * processed-command lookups, data keys and verification go through EclipseLink; the application's
 * appends ({@link org.seatledger.eventlog.store.LogWriter}) and the reads of events by position and
 * by stream are plain JDBC, measured against the EclipseLink append path ({@link
 * org.seatledger.eventlog.store.JpaLogWriter}, deciding with the same {@link
 * org.seatledger.eventlog.store.AppendGuards}) in every benchmark run.
 *
 * <p>Knows nothing of conferences or bookings; it never updates or deletes an event row.
 */
package org.seatledger.eventlog.store;
