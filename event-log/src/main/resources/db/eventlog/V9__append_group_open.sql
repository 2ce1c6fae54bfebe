-- append_group_open: the first statement of a group the committer sends in one round trip as one
-- multi-statement text (OneTripAppend): this CALL, then plain multi-row INSERTs of the group's data
-- keys, events and command rows, then COMMIT. It opens the transaction and, under the append lock,
-- checks that the log is where the committer left it and moves the sequence past the group; when
-- the group brings new data keys, it checks that the database still names the master key they were
-- wrapped with, and holds that row's lock to the commit (a rotation waits for the group).
--
-- The server runs the statements of one text in order and stops at the first that fails, so
-- nothing after a failure runs and the COMMIT is reached only when every row went in; the committer
-- then rolls the open transaction back and writes the group the ordinary way, which answers it as
-- before. When this procedure refuses, it has rolled back itself. Nothing of a group is ever stored
-- half-way.
--
-- Why not the whole group in a procedure, as V7's append_group_rows (kept for servers of an earlier
-- release during an upgrade): a procedure takes its rows as parameters, and parsing them there
-- (JSON_TABLE, or building and preparing an INSERT) cost the database more than the rows
-- themselves; plain INSERTs in the same round trip wrote about 40 % more events a second under the
-- one lock (docs/performance.md, "Appends as one multi-statement text").
--
-- SQL SECURITY INVOKER: the application account's own rights (db/grants/eventlog.sql). One
-- executable comment, as V5 to V7: MySQL and MariaDB run it, the embedded H2 reads a comment.
/*!50000 CREATE PROCEDURE append_group_open(
  IN p_first BIGINT,
  IN p_next BIGINT,
  IN p_master_key_id VARCHAR(16) CHARACTER SET utf8mb4)
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
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group_open: the log is not where this server left it';
  END IF;
  IF p_master_key_id IS NOT NULL THEN
    SELECT key_id INTO v_active_key FROM master_key WHERE id = 1 FOR UPDATE;
    IF v_active_key IS NULL OR v_active_key <> p_master_key_id THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'append_group_open: the database names another master key';
    END IF;
  END IF;
END */
