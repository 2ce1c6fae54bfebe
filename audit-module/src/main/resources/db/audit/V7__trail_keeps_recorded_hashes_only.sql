-- The trail keeps only what the log cannot give at all: each event's hash as recorded when the
-- trail applied it (what a digest check names a rewritten event by). An event's sentence and its
-- reason as shown are made when an entry is shown, from the event read without the data keys,
-- exactly as the trail made them when it applied the event; a rebuild then writes a row of a
-- position and a hash per event (the sentences and reasons were most of what a rebuild wrote).
-- The rows kept so far stay valid: their recorded hashes are unchanged.
ALTER TABLE audit_entries DROP COLUMN summary;
ALTER TABLE audit_entries DROP COLUMN reason;
