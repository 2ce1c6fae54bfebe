-- append_group_committed: append_group (V5) and its commit in the same round trip. The committer
-- calls it outside any transaction (autocommit on; LogWriter.writeInOneTrip): it opens the
-- transaction, calls append_group and commits, so the group is flushed to disk
-- (innodb_flush_log_at_trx_commit) before the CALL answers. Never call it inside a transaction of
-- one's own: its START TRANSACTION would commit whatever that transaction had written. Any failure
-- rolls the whole group back and is passed on unchanged (RESIGNAL): the committer then writes the
-- group the ordinary way, as after a refused append_group. Nothing of a group is ever stored
-- half-way.
--
-- SQL SECURITY INVOKER, as append_group: the application account's own rights, EXECUTE on both
-- procedures (db/grants/eventlog.sql). One executable comment, as V5: H2 reads a comment.
/*!50000 CREATE PROCEDURE append_group_committed(
  IN p_first BIGINT,
  IN p_next BIGINT,
  IN p_master_key_id VARCHAR(16) CHARACTER SET utf8mb4,
  IN p_keys LONGTEXT CHARACTER SET utf8mb4,
  IN p_events LONGTEXT CHARACTER SET utf8mb4,
  IN p_commands LONGTEXT CHARACTER SET utf8mb4)
  MODIFIES SQL DATA
  SQL SECURITY INVOKER
BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  CALL append_group(p_first, p_next, p_master_key_id, p_keys, p_events, p_commands);
  COMMIT;
END */
