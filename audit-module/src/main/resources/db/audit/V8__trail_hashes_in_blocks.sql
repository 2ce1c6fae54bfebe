-- The trail's recorded hashes in blocks of 32 consecutive positions, one row a block: block b holds
-- positions 32b + 1 to 32b + 32, `applied` says how many of them from the first the trail has
-- applied, and `hashes` holds theirs one after the other, each in a slot of 65 characters: 'h' and
-- the hash as read, padded with spaces to 64 characters, or 'n' and 64 spaces where the event had
-- none (org.seatledger.audit.application.TrailBlocks reads and writes them).
--
-- A row per event made the trail's rebuild mostly the database's work of inserting 1.6 million
-- narrow rows (10 s of 16 on the benchmark's log); the same hashes in blocks insert in well under
-- a second, and a replaced generation is deleted as quickly.
--
-- The rows recorded so far move into blocks unchanged: the trail applies every position in order
-- and skips none, so the rows of each block are its first ones, one after the other.
CREATE TABLE audit_hash_blocks (
  generation INT        NOT NULL,
  block      BIGINT     NOT NULL,
  applied    INT        NOT NULL,
  hashes     MEDIUMTEXT NOT NULL,
  CONSTRAINT pk_audit_hash_blocks PRIMARY KEY (generation, block)
);

INSERT INTO audit_hash_blocks (generation, block, applied, hashes)
SELECT generation, FLOOR((global_position - 1) / 32), COUNT(*),
       GROUP_CONCAT(CASE WHEN event_hash IS NULL THEN RPAD('n', 65, ' ')
                         ELSE CONCAT('h', RPAD(event_hash, 64, ' ')) END
                    ORDER BY global_position SEPARATOR '')
  FROM audit_entries
 GROUP BY generation, FLOOR((global_position - 1) / 32);

DROP TABLE audit_entries;
