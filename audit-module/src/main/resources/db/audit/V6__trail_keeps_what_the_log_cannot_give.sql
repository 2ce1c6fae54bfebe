-- The trail keeps only what cannot be read cheaply from the log: an event's sentence (made from its
-- decoded data), the reason as shown (a cancellation's free text left out, which also needs the
-- data) and the hash as recorded when the event was applied (what a digest check names a rewritten
-- event by). Stream, type, user, time and ids are read from the log's own indexes (event log V4),
-- so rebuilding the trail writes one narrow row per event and maintains no secondary index. The
-- rows kept so far stay valid: their summaries, reasons and recorded hashes are unchanged.
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_stream;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_type;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_user;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_time;
ALTER TABLE audit_entries DROP INDEX ix_audit_entries_correlation;
ALTER TABLE audit_entries DROP COLUMN stream_id;
ALTER TABLE audit_entries DROP COLUMN stream_type;
ALTER TABLE audit_entries DROP COLUMN stream_version;
ALTER TABLE audit_entries DROP COLUMN event_type;
ALTER TABLE audit_entries DROP COLUMN recorded_at;
ALTER TABLE audit_entries DROP COLUMN recorded_by;
ALTER TABLE audit_entries DROP COLUMN command_id;
ALTER TABLE audit_entries DROP COLUMN correlation_id;
ALTER TABLE audit_entries DROP COLUMN causation_id;
