-- Search pages by keyset (newest first by global position, "below the last position shown"): each
-- filter gets an index ordered by position, so a deep page is an index range from the cursor, not
-- a sort of every match. They replace the indexes ordered by time, which served offset paging.
-- The causation explorer finds a request's events by correlation id.
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_stream;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_type;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_user;
CREATE INDEX ix_audit_entries_stream ON audit_entries (generation, stream_id, global_position);
CREATE INDEX ix_audit_entries_type ON audit_entries (generation, event_type, global_position);
CREATE INDEX ix_audit_entries_user ON audit_entries (generation, recorded_by, global_position);
CREATE INDEX ix_audit_entries_correlation ON audit_entries (generation, correlation_id);
