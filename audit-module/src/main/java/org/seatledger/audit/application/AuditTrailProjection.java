package org.seatledger.audit.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.RecordedEvent;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.Sql;

/**
 * Of every event, what the log cannot give at all: its stored hash as read when the trail applied
 * it (what a digest check names a rewritten event by, {@link TrailHashes}), kept in blocks of
 * consecutive positions ({@link TrailBlocks}). A block also says which of its events the trail has
 * applied. The sentence and the reason as shown are made from the event when an entry is shown
 * ({@link TrailLines}); when, who, which stream and the ids are read from the log's own indexes
 * ({@link org.seatledger.eventlog.api.LogSearch}).
 */
public final class AuditTrailProjection implements Projection {

  public static final String NAME = "audit.trail";

  private static final Logger LOG = Logger.getLogger(AuditTrailProjection.class.getName());

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The trail keeps no data of an event, and the sentences made from it when shown never hold
   * personal data ({@link Summaries}): nothing is decrypted for it.
   */
  @Override
  public boolean readsPersonalData() {
    return false;
  }

  /**
   * Of an event the trail keeps its position and stored hash, never its data: the log reads the
   * trail's events without their data and decodes none. That spares the server's CPU; what bounds
   * the trail's rebuild is its writes, which the blocks keep few (docs/audit.md).
   */
  @Override
  public boolean readsEventData() {
    return false;
  }

  @Override
  public void apply(RecordedEvent event, Connection c, int generation) throws SQLException {
    applyAll(List.of(event), c, generation);
  }

  /**
   * The hashes go into blocks of {@link TrailBlocks#SIZE} positions ({@link TrailBlocks}): each
   * block the batch starts is one row of a multi-row insert; one it continues has its slots
   * appended. An event the trail has applied already keeps its recorded hash. Positions the log
   * skips (a row deleted from it) are recorded as missing, with a warning, and the trail goes on:
   * stopping would take the audit pages down while the log is damaged, which is when auditors need
   * them; the log's verifications name the deleted position.
   */
  @Override
  public void applyAll(List<RecordedEvent> events, Connection c, int generation)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    long firstBlock = TrailBlocks.blockOf(events.get(0).globalPosition());
    long lastBlock = TrailBlocks.blockOf(events.get(events.size() - 1).globalPosition());
    Map<Long, Integer> applied = applied(c, generation, firstBlock, lastBlock);
    Map<Long, Block> blocks = new TreeMap<>();
    for (RecordedEvent event : events) {
      long block = TrailBlocks.blockOf(event.globalPosition());
      Block growing =
          blocks.computeIfAbsent(
              block, b -> new Block(b, applied.get(b) != null, applied.getOrDefault(b, 0)));
      growing.add(event);
    }
    List<Block> started = new ArrayList<>();
    for (Block block : blocks.values()) {
      if (block.slots.isEmpty()) {
        continue;
      }
      if (block.existed) {
        int changed =
            Sql.update(
                c,
                "UPDATE audit_hash_blocks SET hashes = CONCAT(hashes, ?), applied = ?"
                    + " WHERE generation = ? AND block = ? AND applied = ?",
                block.slots.toString(),
                block.applied,
                generation,
                block.block,
                block.appliedBefore);
        if (changed != 1) {
          throw new SQLException(
              "block " + block.block + " of the audit trail changed meanwhile", "40001");
        }
      } else {
        started.add(block);
      }
    }
    Sql.insert(
        c,
        "INSERT INTO audit_hash_blocks (generation, block, applied, hashes)",
        started,
        (insert, block) -> {
          insert.setInt(1, generation);
          insert.setLong(2, block.block);
          insert.setInt(3, block.applied);
          insert.setString(4, block.slots.toString());
        });
  }

  /** How many positions of each existing block between the two the trail has applied. */
  private static Map<Long, Integer> applied(Connection c, int generation, long from, long to)
      throws SQLException {
    Map<Long, Integer> applied = new HashMap<>();
    try (PreparedStatement q =
            Sql.prepare(
                c,
                "SELECT block, applied FROM audit_hash_blocks"
                    + " WHERE generation = ? AND block BETWEEN ? AND ?",
                List.of(generation, from, to));
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        applied.put(rows.getLong(1), rows.getInt(2));
      }
    }
    return applied;
  }

  /** One block as a batch leaves it: the slots it adds after those applied before. */
  private static final class Block {
    final long block;
    final boolean existed;
    final int appliedBefore;
    int applied;
    final StringBuilder slots = new StringBuilder();

    Block(long block, boolean existed, int applied) {
      this.block = block;
      this.existed = existed;
      this.appliedBefore = applied;
      this.applied = applied;
    }

    void add(RecordedEvent event) {
      long offset = event.globalPosition() - TrailBlocks.firstOf(block);
      if (offset < applied) {
        return; // applied already: its recorded hash stays
      }
      if (offset > applied) {
        LOG.warning(
            "The audit trail found positions missing from the log just before position "
                + event.globalPosition()
                + " (rows deleted?) and records them as missing; a verification of the log names"
                + " them.");
        while (applied < offset) {
          slots.append(TrailBlocks.missing());
          applied++;
        }
      }
      slots.append(TrailBlocks.slot(event.hash()));
      applied++;
    }
  }

  @Override
  public void drop(Connection c, int generation) throws SQLException {
    Sql.update(c, "DELETE FROM audit_hash_blocks WHERE generation = ?", generation);
  }
}
