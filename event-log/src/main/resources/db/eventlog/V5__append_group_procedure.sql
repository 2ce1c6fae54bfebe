-- append_group: a whole group commit of the committer in one round trip (MySQL 8.0.4+ and MariaDB
-- 10.6+, which have JSON_TABLE), for a group whose rows the committer decided from what its own
-- commits left (OneTripAppend, KnownTail). Under the append lock it checks that the log is where
-- the committer left it, moves the sequence past the group, checks the master key the new data
-- keys were wrapped with, and inserts the keys, the events and the command rows, passed as JSON
-- arrays. Any failure (the SIGNALs below, or a unique key: a stream version, a command id or a
-- subject's key already stored) makes the committer roll back and write the group the ordinary
-- way, which answers it as before.
--
-- SQL SECURITY INVOKER: the procedure runs with the application account's own rights (INSERT and
-- SELECT on events, see db/grants/eventlog.sql), so it is no way around the append-only grants.
-- The string columns are read as TEXT so that an over-long value fails the INSERT as the plain
-- one would, instead of being cut short in JSON_TABLE.
--
-- Written as one executable comment: MySQL and MariaDB run it, the embedded H2 (whose commits take
-- the ordinary path) reads a comment. Version 5.0.0 because MariaDB skips those of MySQL 5.7 and
-- later; Flyway sends the comment to the server as one statement.
/*!50000 CREATE PROCEDURE append_group(
  IN p_first BIGINT,
  IN p_next BIGINT,
  IN p_master_key_id VARCHAR(16) CHARACTER SET utf8mb4,
  IN p_keys LONGTEXT CHARACTER SET utf8mb4,
  IN p_events LONGTEXT CHARACTER SET utf8mb4,
  IN p_commands LONGTEXT CHARACTER SET utf8mb4)
  MODIFIES SQL DATA
  SQL SECURITY INVOKER
BEGIN
  DECLARE v_active_key VARCHAR(16) CHARACTER SET utf8mb4 DEFAULT NULL;
  UPDATE event_sequence SET next_position = p_next WHERE id = 1 AND next_position = p_first;
  IF ROW_COUNT() <> 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group: the log is not where this server left it';
  END IF;
  IF p_master_key_id IS NOT NULL THEN
    SELECT key_id INTO v_active_key FROM master_key WHERE id = 1 FOR UPDATE;
    IF v_active_key IS NULL OR v_active_key <> p_master_key_id THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group: the database names another master key';
    END IF;
    INSERT INTO subject_keys (subject_id, key_id, wrapped_key, created_at)
      SELECT k.subject_id, k.key_id, k.wrapped_key, k.created_at
      FROM JSON_TABLE(p_keys, '$[*]' COLUMNS (
        subject_id TEXT PATH '$.subject_id',
        key_id TEXT PATH '$.key_id',
        wrapped_key TEXT PATH '$.wrapped_key',
        created_at BIGINT PATH '$.created_at')) AS k;
  END IF;
  INSERT INTO events (global_position, event_id, stream_id, stream_type, stream_version,
      event_type, schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,
      causation_id, reason, previous_hash, hash)
    SELECT e.global_position, e.event_id, e.stream_id, e.stream_type, e.stream_version,
      e.event_type, e.schema_version, e.payload, e.recorded_at, e.recorded_by, e.command_id,
      e.correlation_id, e.causation_id, e.reason, e.previous_hash, e.hash
    FROM JSON_TABLE(p_events, '$[*]' COLUMNS (
      global_position BIGINT PATH '$.global_position',
      event_id TEXT PATH '$.event_id',
      stream_id TEXT PATH '$.stream_id',
      stream_type TEXT PATH '$.stream_type',
      stream_version BIGINT PATH '$.stream_version',
      event_type TEXT PATH '$.event_type',
      schema_version INT PATH '$.schema_version',
      payload LONGTEXT PATH '$.payload',
      recorded_at BIGINT PATH '$.recorded_at',
      recorded_by TEXT PATH '$.recorded_by',
      command_id TEXT PATH '$.command_id',
      correlation_id TEXT PATH '$.correlation_id',
      causation_id TEXT PATH '$.causation_id',
      reason TEXT PATH '$.reason',
      previous_hash TEXT PATH '$.previous_hash',
      hash TEXT PATH '$.hash')) AS e;
  INSERT INTO processed_commands (command_id, outcome, first_position, last_position, recorded_at)
    SELECT c.command_id, c.outcome, c.first_position, c.last_position, c.recorded_at
    FROM JSON_TABLE(p_commands, '$[*]' COLUMNS (
      command_id TEXT PATH '$.command_id',
      outcome LONGTEXT PATH '$.outcome',
      first_position BIGINT PATH '$.first_position',
      last_position BIGINT PATH '$.last_position',
      recorded_at BIGINT PATH '$.recorded_at')) AS c;
END */
