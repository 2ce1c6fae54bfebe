-- The audit trail is derived and rebuildable; verification results are only ever added.
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_projections TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_entries TO ${app};
GRANT SELECT, INSERT ON audit_verifications TO ${app};
