-- The master key that wraps every data subject's key, named by its fingerprint (HMAC-SHA256 of a
-- fixed label under the key, never the key). One row: the first server to use a master key records
-- it; every later server compares, and one holding another key refuses to wrap anything. Rotation
-- changes the row to the new key, then re-wraps the data keys.
CREATE TABLE master_key (
  id          INT      NOT NULL,
  key_id      CHAR(16) NOT NULL, -- the fingerprint's first 16 hex digits
  fingerprint CHAR(64) NOT NULL,
  recorded_at BIGINT   NOT NULL, -- microseconds since 1970-01-01T00:00:00Z
  CONSTRAINT pk_master_key PRIMARY KEY (id)
);

-- Which master key wrapped each data key. Rows written before this migration get the key recorded
-- first (set when it is recorded).
ALTER TABLE subject_keys ADD COLUMN key_id CHAR(16);
CREATE INDEX ix_subject_keys_key_id ON subject_keys (key_id);
