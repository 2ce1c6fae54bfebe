-- The integration relay's checkpoint: how far the relay has published the log to the message
-- broker (a row per relay, the projection engine's checkpoint shape; the relay keeps no other rows).
-- Moved only after the broker acknowledged every message of a batch.

CREATE TABLE web_projections (
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
  CONSTRAINT pk_web_projections PRIMARY KEY (name)
);
