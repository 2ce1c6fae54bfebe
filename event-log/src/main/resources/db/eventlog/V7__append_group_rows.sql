-- append_group_rows: append_group_committed (V6) with each row sent as a JSON array of its values
-- instead of an object of named members. JSON_TABLE finds a member by name by going through the
-- object's members for each column of each row; an array element is found by its index, and the
-- text to parse is shorter. The call is the serial section every append waits for (see
-- docs/performance.md, "Rows as JSON arrays"). The order of the values is the column order below,
-- which OneTripAppend writes (its *_COLUMNS lists; OneTripAppendTest reads this file and checks
-- that they agree).
--
-- Otherwise as V5 and V6: it opens the transaction; under the append lock it checks that the log
-- is where the committer left it, moves the sequence past the group, checks the master key the new
-- data keys were wrapped with, and inserts the keys, the events and the command rows; it commits,
-- so the group is flushed (innodb_flush_log_at_trx_commit) before the CALL answers. Any failure —
-- the SIGNALs below or a unique key (a stream version, a command id or a subject's key already
-- stored) — rolls the whole group back and is passed on unchanged (RESIGNAL), and the committer
-- writes the group the ordinary way, which answers it as before. Nothing of a group is ever stored
-- half-way. A JSON null reads as SQL NULL. Never call it inside a transaction of one's own: its
-- START TRANSACTION would commit whatever that transaction had written; the committer calls it in
-- autocommit (LogWriter.writeInOneTrip).
--
-- SQL SECURITY INVOKER: the application account's own rights (db/grants/eventlog.sql), so it is
-- no way around the append-only grants. The string columns are read as TEXT so that an over-long
-- value fails the INSERT as the plain one would, instead of being cut short in JSON_TABLE. One
-- executable comment, as V5: MySQL and MariaDB run it, the embedded H2 reads a comment.
/*!50000 CREATE PROCEDURE append_group_rows(
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
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  UPDATE event_sequence SET next_position = p_next WHERE id = 1 AND next_position = p_first;
  IF ROW_COUNT() <> 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group_rows: the log is not where this server left it';
  END IF;
  IF p_master_key_id IS NOT NULL THEN
    SELECT key_id INTO v_active_key FROM master_key WHERE id = 1 FOR UPDATE;
    IF v_active_key IS NULL OR v_active_key <> p_master_key_id THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group_rows: the database names another master key';
    END IF;
    INSERT INTO subject_keys (subject_id, key_id, wrapped_key, created_at)
      SELECT k.subject_id, k.key_id, k.wrapped_key, k.created_at
      FROM JSON_TABLE(p_keys, '$[*]' COLUMNS (
        subject_id TEXT PATH '$[0]',
        key_id TEXT PATH '$[1]',
        wrapped_key TEXT PATH '$[2]',
        created_at BIGINT PATH '$[3]')) AS k;
  END IF;
  INSERT INTO events (global_position, event_id, stream_id, stream_type, stream_version,
      event_type, schema_version, payload, recorded_at, recorded_by, command_id, correlation_id,
      causation_id, reason, previous_hash, hash)
    SELECT e.global_position, e.event_id, e.stream_id, e.stream_type, e.stream_version,
      e.event_type, e.schema_version, e.payload, e.recorded_at, e.recorded_by, e.command_id,
      e.correlation_id, e.causation_id, e.reason, e.previous_hash, e.hash
    FROM JSON_TABLE(p_events, '$[*]' COLUMNS (
      global_position BIGINT PATH '$[0]',
      event_id TEXT PATH '$[1]',
      stream_id TEXT PATH '$[2]',
      stream_type TEXT PATH '$[3]',
      stream_version BIGINT PATH '$[4]',
      event_type TEXT PATH '$[5]',
      schema_version INT PATH '$[6]',
      payload LONGTEXT PATH '$[7]',
      recorded_at BIGINT PATH '$[8]',
      recorded_by TEXT PATH '$[9]',
      command_id TEXT PATH '$[10]',
      correlation_id TEXT PATH '$[11]',
      causation_id TEXT PATH '$[12]',
      reason TEXT PATH '$[13]',
      previous_hash TEXT PATH '$[14]',
      hash TEXT PATH '$[15]')) AS e;
  INSERT INTO processed_commands (command_id, outcome, first_position, last_position, recorded_at)
    SELECT c.command_id, c.outcome, c.first_position, c.last_position, c.recorded_at
    FROM JSON_TABLE(p_commands, '$[*]' COLUMNS (
      command_id TEXT PATH '$[0]',
      outcome LONGTEXT PATH '$[1]',
      first_position BIGINT PATH '$[2]',
      last_position BIGINT PATH '$[3]',
      recorded_at BIGINT PATH '$[4]')) AS c;
  COMMIT;
END */
