package org.seatledger.eventlog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.seatledger.eventlog.api.MasterKeyAdmin;
import org.seatledger.eventlog.api.MasterKeyRotation;
import org.seatledger.eventlog.api.MasterKeyRotationRefused;
import org.seatledger.eventlog.api.MasterKeyStatus;

/**
 * Status and online rotation of the master key. Rotation first makes the new key the active one
 * (servers that hold it start wrapping with it within seconds, those that do not refuse to wrap),
 * then re-wraps the data keys of the previous key in batches, each its own short transaction, until
 * none is left. An append that wrapped with the previous key either committed before the switch
 * (and is re-wrapped here) or is refused after it (see {@link MasterKeyRecord}).
 */
@ApplicationScoped
public class MasterKeyService implements MasterKeyAdmin {

  private static final Logger LOG = Logger.getLogger(MasterKeyService.class.getName());
  static final int BATCH = 200;

  @Inject MasterKeyGuard guard;
  @Inject MasterKeyRecord record;
  @Inject SubjectKeyRows rows;

  @Override
  public MasterKeyStatus status() {
    MasterKeyRing ring = guard.ring();
    guard.forgetActive(); // an admin asking sees the database as it is now
    MasterKeyRecord.Active active = guard.active();
    return new MasterKeyStatus(
        active.keyId(),
        ring.current().keyId(),
        ring.previous().map(MasterKey::keyId).orElse(null),
        ring.wrapping(active.fingerprint()).isPresent(),
        rows.countByKeyId());
  }

  @Override
  public MasterKeyRotation rotate() {
    MasterKeyRing ring = guard.ring();
    guard.forgetActive();
    MasterKeyRing.Plan plan = ring.rotation(guard.active().fingerprint());
    boolean activated = false;
    if (plan instanceof MasterKeyRing.Plan.Activate activate) {
      activated = record.activate(activate.from(), activate.to());
      guard.forgetActive();
      if (activated) {
        LOG.warning(
            () ->
                "Master key "
                    + activate.to().keyId()
                    + " is active now instead of "
                    + activate.from().keyId()
                    + "; re-wrapping the data keys of the previous key");
      } else {
        // another server changed the record meanwhile: decide again on what it holds now
        plan = ring.rotation(guard.active().fingerprint());
      }
    }
    if (plan instanceof MasterKeyRing.Plan.Activate activate) {
      return finish(activate.from(), activate.to(), activated);
    }
    if (plan instanceof MasterKeyRing.Plan.Rewrap rewrap) {
      return finish(rewrap.from().orElse(null), rewrap.to(), false);
    }
    throw new MasterKeyRotationRefused(((MasterKeyRing.Plan.Refuse) plan).sentence());
  }

  private MasterKeyRotation finish(MasterKey from, MasterKey to, boolean activated) {
    long rewrapped = from == null ? 0 : rewrapAll(from, to);
    long others =
        rows.countByKeyId().entrySet().stream()
            .filter(count -> !count.getKey().equals(to.keyId()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    String summary;
    if (!activated && rewrapped == 0) {
      summary =
          "Master key "
              + to.keyId()
              + " was already active and wraps every data key this server can open; nothing to"
              + " do.";
    } else {
      summary =
          "Master key "
              + to.keyId()
              + " is active; "
              + rewrapped
              + " data keys were re-wrapped"
              + (from == null ? "" : " from " + from.keyId())
              + ". You may now remove SEATLEDGER_MASTER_KEY_PREVIOUS from every server.";
    }
    if (others > 0) {
      summary +=
          " "
              + others
              + " data keys are wrapped by master keys this server does not hold and were left"
              + " as they are (see GET /api/admin/master-key).";
    }
    String line = summary;
    LOG.info(() -> "Master key rotation: " + line);
    return new MasterKeyRotation(
        from == null ? null : from.keyId(), to.keyId(), activated, rewrapped, others, summary);
  }

  /** Re-wraps batch after batch until {@code from} wraps nothing. */
  private long rewrapAll(MasterKey from, MasterKey to) {
    long total = 0;
    while (true) {
      List<SubjectKeyRows.Wrapped> batch = rows.wrappedBy(from.keyId(), BATCH);
      if (batch.isEmpty()) {
        return total;
      }
      List<SubjectKeyRows.Wrapped> rewrapped = new ArrayList<>(batch.size());
      for (SubjectKeyRows.Wrapped row : batch) {
        byte[] dataKey = StoredDataKeys.unwrap(from, row.subjectId(), row.wrappedKey());
        rewrapped.add(
            new SubjectKeyRows.Wrapped(
                row.subjectId(), to.keyId(), StoredDataKeys.wrap(to, row.subjectId(), dataKey)));
      }
      int replaced = rows.replace(from.keyId(), rewrapped);
      if (replaced == 0 && rows.wrappedBy(from.keyId(), BATCH).equals(batch)) {
        throw new IllegalStateException("data keys of " + from.keyId() + " could not be replaced");
      }
      total += replaced;
    }
  }

  @Override
  public Optional<String> mismatch() {
    return guard.mismatch();
  }
}
