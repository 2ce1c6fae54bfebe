-- The auditors' views. audit_entries is derived from the event log (rebuildable);
-- audit_verifications keeps the results of hash-chain verifications, which are facts of their own.

CREATE TABLE audit_projections (
  name               VARCHAR(100)  NOT NULL,
  position           BIGINT        NOT NULL,
  generation         INT           NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  error              VARCHAR(1000),
  error_position     BIGINT,
  rebuild_generation INT,
  rebuild_position   BIGINT,
  rebuild_target     BIGINT,
  rebuild_started_at BIGINT,
  updated_at         BIGINT        NOT NULL,
  CONSTRAINT pk_audit_projections PRIMARY KEY (name)
);

CREATE TABLE audit_entries (
  generation      INT          NOT NULL,
  global_position BIGINT       NOT NULL,
  stream_id       VARCHAR(100) NOT NULL,
  stream_type     VARCHAR(50)  NOT NULL,
  stream_version  BIGINT       NOT NULL,
  event_type      VARCHAR(100) NOT NULL,
  recorded_at     BIGINT       NOT NULL,
  recorded_by     VARCHAR(64)  NOT NULL,
  summary         VARCHAR(500) NOT NULL,
  reason          VARCHAR(500),
  command_id      VARCHAR(100) NOT NULL,
  correlation_id  VARCHAR(100) NOT NULL,
  causation_id    VARCHAR(100) NOT NULL,
  CONSTRAINT pk_audit_entries PRIMARY KEY (generation, global_position)
);
CREATE INDEX ix_audit_entries_stream ON audit_entries (generation, stream_id, stream_version);
CREATE INDEX ix_audit_entries_type ON audit_entries (generation, event_type, recorded_at);
CREATE INDEX ix_audit_entries_user ON audit_entries (generation, recorded_by, recorded_at);
CREATE INDEX ix_audit_entries_time ON audit_entries (generation, recorded_at);

CREATE TABLE audit_verifications (
  id                 VARCHAR(36)   NOT NULL,
  started_at         BIGINT        NOT NULL,
  finished_at        BIGINT        NOT NULL,
  scope              VARCHAR(120)  NOT NULL,
  ok                 BOOLEAN       NOT NULL,
  checked_events     BIGINT        NOT NULL,
  first_bad_position BIGINT,
  detail             VARCHAR(1000) NOT NULL,
  requested_by       VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_audit_verifications PRIMARY KEY (id)
);
CREATE INDEX ix_audit_verifications_started ON audit_verifications (started_at);
