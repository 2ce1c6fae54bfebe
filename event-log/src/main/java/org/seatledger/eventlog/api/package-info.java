/**
 * What other modules may use of the event log: the log's read API ({@link
 * org.seatledger.eventlog.api.EventLog}) and write API ({@link
 * org.seatledger.eventlog.api.EventStore}), recorded events and their pages, a stream's timeline
 * for auditors ({@link org.seatledger.eventlog.api.StreamTimeline}: version at an instant,
 * snapshots at or below a version), a search of the events' metadata for auditors ({@link
 * org.seatledger.eventlog.api.LogSearch}), digests of the whole log ({@link
 * org.seatledger.eventlog.api.LogDigests}), the event type annotation and registry SPI,
 * personal-data markers, aggregate loading ({@link org.seatledger.eventlog.api.Aggregates}),
 * master-key administration, data-subject keys, the list of modules and the schema-ready event.
 * Contracts only: records, interfaces, annotations.
 */
package org.seatledger.eventlog.api;
