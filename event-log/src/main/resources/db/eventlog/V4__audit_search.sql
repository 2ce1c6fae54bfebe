-- Auditors search the log itself (StoredLogSearch) instead of a copy of every event's metadata in
-- the audit trail: by stream (UNIQUE(stream_id, stream_version)), by time (ix_events_recorded_at),
-- and by type, user and request with these. Each is ordered by position after its key, so a page of
-- a keyset search (newest first, below the last position shown) is an index range from the cursor.
CREATE INDEX ix_events_type ON events (event_type, global_position);
CREATE INDEX ix_events_user ON events (recorded_by, global_position);
CREATE INDEX ix_events_correlation ON events (correlation_id, global_position);
