-- The application account's rights on the event log's tables. The event log is append-only:
-- INSERT and SELECT, never UPDATE or DELETE.
GRANT SELECT, INSERT ON events TO ${app};
GRANT SELECT, UPDATE ON event_sequence TO ${app};
GRANT SELECT, INSERT ON processed_commands TO ${app};
GRANT SELECT, INSERT, DELETE ON snapshots TO ${app};
-- UPDATE: rotation re-wraps data keys under a new master key.
GRANT SELECT, INSERT, UPDATE, DELETE ON subject_keys TO ${app};
GRANT SELECT, INSERT, UPDATE ON master_key TO ${app};
-- The committer's one-round-trip append (V5), the same with its commit (V6), with its rows as
-- arrays (V7, called by servers of earlier releases) and the opening of a group sent as one
-- multi-statement text (V9, the one the committer calls); they run with this account's rights (SQL
-- SECURITY INVOKER), so they append only as the grants above allow.
GRANT EXECUTE ON PROCEDURE append_group TO ${app};
GRANT EXECUTE ON PROCEDURE append_group_committed TO ${app};
GRANT EXECUTE ON PROCEDURE append_group_rows TO ${app};
GRANT EXECUTE ON PROCEDURE append_group_open TO ${app};
