-- Results of the event log's contiguity check (/admin/log), run on demand and on a schedule: kept
-- so the page shows the last ones on every server and after a restart, and so the next check
-- starts where the last good one ended instead of at position 1.
CREATE TABLE log_checks (
  id            VARCHAR(36)  NOT NULL,
  finished_at   BIGINT       NOT NULL,
  requested_by  VARCHAR(64)  NOT NULL,
  contiguous    BOOLEAN      NOT NULL,
  walked_from   BIGINT       NOT NULL,
  checked_to    BIGINT       NOT NULL,
  walked        BIGINT       NOT NULL,
  first_problem BIGINT,
  sentence      VARCHAR(500) NOT NULL,
  took_ms       BIGINT       NOT NULL,
  CONSTRAINT pk_log_checks PRIMARY KEY (id)
);
CREATE INDEX ix_log_checks_finished ON log_checks (finished_at);
