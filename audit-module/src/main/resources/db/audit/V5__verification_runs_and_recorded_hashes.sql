-- A verification started from the integrity page runs in the background; how far it has come is
-- kept here (any server's page can show it) until its result is kept in audit_verifications.
CREATE TABLE audit_verification_runs (
  id             VARCHAR(36)  NOT NULL,
  scope          VARCHAR(120) NOT NULL,
  started_at     BIGINT       NOT NULL,
  requested_by   VARCHAR(64)  NOT NULL,
  checked_events BIGINT       NOT NULL,
  total_events   BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL,
  CONSTRAINT pk_audit_verification_runs PRIMARY KEY (id)
);

-- Each entry keeps the event's stored hash as the trail read it when the event was appended: a
-- record a kept digest can vouch for, so a digest check names the exact event that was rewritten.
-- Rows written so far get it by rebuilding the trail from the log, as in V2.
ALTER TABLE audit_entries ADD COLUMN event_hash CHAR(64);
DELETE FROM audit_entries
  WHERE generation <> (SELECT generation FROM audit_projections WHERE name = 'audit.trail');
UPDATE audit_projections
  SET rebuild_generation = generation + 1, rebuild_position = 0, rebuild_target = position,
      rebuild_started_at = updated_at
  WHERE name = 'audit.trail';
