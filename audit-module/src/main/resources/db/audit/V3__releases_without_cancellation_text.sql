-- The release of a cancelled booking's seats showed the cancellation's free text as its reason when
-- a legacy cancel command had copied that text into the clear metadata of all its events. Rows
-- written so far are replaced by rebuilding the trail from the log, as in V2 (the rebuild fills the
-- next generation beside the live one and switches; a rebuild under way is started again).
DELETE FROM audit_entries
  WHERE generation <> (SELECT generation FROM audit_projections WHERE name = 'audit.trail');
UPDATE audit_projections
  SET rebuild_generation = generation + 1, rebuild_position = 0, rebuild_target = position,
      rebuild_started_at = updated_at
  WHERE name = 'audit.trail';
