-- Summaries used to name the registrant, the payment reference and the cancellation reason in
-- clear text. They no longer do; rows written before this migration are replaced by rebuilding the
-- trail from the log (a rebuild fills the next generation beside the live one and switches). A
-- rebuild under way is started again, since the rows it wrote so far have the old summaries.
DELETE FROM audit_entries
  WHERE generation <> (SELECT generation FROM audit_projections WHERE name = 'audit.trail');
UPDATE audit_projections
  SET rebuild_generation = generation + 1, rebuild_position = 0, rebuild_target = position,
      rebuild_started_at = updated_at
  WHERE name = 'audit.trail';
