-- The event log: the system of record. Rows are only ever inserted (the application account may
-- be granted only INSERT and SELECT on it, see grants.sql).
--
-- global_position is taken from event_sequence while holding that row's lock until commit, so
-- positions are gap-free and become visible in position order: a reader of "everything after p"
-- can never miss an event that commits later with a lower position (see EventStore).
CREATE TABLE events (
  global_position BIGINT        NOT NULL,
  event_id        CHAR(36)      NOT NULL,
  stream_id       VARCHAR(100)  NOT NULL,
  stream_type     VARCHAR(50)   NOT NULL,
  stream_version  BIGINT        NOT NULL,
  event_type      VARCHAR(100)  NOT NULL,
  schema_version  INT           NOT NULL,
  payload         MEDIUMTEXT    NOT NULL,
  recorded_at     BIGINT        NOT NULL, -- microseconds since 1970-01-01T00:00:00Z
  recorded_by     VARCHAR(64)   NOT NULL,
  command_id      VARCHAR(100)  NOT NULL,
  correlation_id  VARCHAR(100)  NOT NULL,
  causation_id    VARCHAR(100)  NOT NULL,
  reason          VARCHAR(500),
  previous_hash   CHAR(64)      NOT NULL,
  hash            CHAR(64)      NOT NULL,
  CONSTRAINT pk_events PRIMARY KEY (global_position),
  CONSTRAINT uq_events_event_id UNIQUE (event_id),
  CONSTRAINT uq_events_stream_version UNIQUE (stream_id, stream_version)
);
CREATE INDEX ix_events_recorded_at ON events (recorded_at);

-- One row: the next global position. Its row lock is the append lock.
CREATE TABLE event_sequence (
  id            INT    NOT NULL,
  next_position BIGINT NOT NULL,
  CONSTRAINT pk_event_sequence PRIMARY KEY (id)
);
INSERT INTO event_sequence (id, next_position) VALUES (1, 1);

-- Commands already carried out, by their client-chosen id: a repeat returns the first outcome.
CREATE TABLE processed_commands (
  command_id     VARCHAR(100) NOT NULL,
  outcome        MEDIUMTEXT,
  first_position BIGINT,
  last_position  BIGINT,
  recorded_at    BIGINT       NOT NULL,
  CONSTRAINT pk_processed_commands PRIMARY KEY (command_id)
);

-- Snapshots only accelerate loading; any of them may be deleted at any time.
CREATE TABLE snapshots (
  stream_id        VARCHAR(100) NOT NULL,
  stream_version   BIGINT       NOT NULL,
  snapshot_version INT          NOT NULL,
  state            MEDIUMTEXT   NOT NULL,
  taken_at         BIGINT       NOT NULL,
  CONSTRAINT pk_snapshots PRIMARY KEY (stream_id, stream_version)
);

-- One key per data subject, wrapped with the master key. Deleting the row erases the person.
CREATE TABLE subject_keys (
  subject_id  VARCHAR(100) NOT NULL,
  wrapped_key VARCHAR(200) NOT NULL,
  created_at  BIGINT       NOT NULL,
  CONSTRAINT pk_subject_keys PRIMARY KEY (subject_id)
);
