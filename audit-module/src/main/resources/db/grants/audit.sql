-- The audit trail is derived and rebuildable; verification results are only ever added; a running
-- verification's progress is updated, and removed once its result is kept.
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_projections TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_hash_blocks TO ${app};
GRANT SELECT, INSERT ON audit_verifications TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_verification_runs TO ${app};
