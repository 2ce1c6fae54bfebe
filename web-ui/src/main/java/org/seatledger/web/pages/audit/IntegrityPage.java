package org.seatledger.web.pages.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.audit.api.AuditQueries.VerificationRun;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDigest;

/**
 * {@code /audit/integrity}: verify the hash chain of the whole log or of one stream (kept, listed
 * newest first), download the current digest of the log (the API's {@code /api/audit/digest}), and
 * check a kept digest pasted back. A verification runs in the background: the page redirects to
 * {@code ?verification=<id>}, which shows its progress (events checked of the total, kept up to
 * date by {@code integrity.js} polling {@code /api/audit/verifications/<id>}) and then its result.
 */
@Named
@RequestScoped
public class IntegrityPage {

  /** Kept verifications listed. */
  static final int LISTED = 20;

  /** Seconds without progress after which a running verification is said to have stalled. */
  static final long STALLED_AFTER = 120;

  @Inject AuditQueries audit;
  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String streamId;
  private String keptDigest;
  private DigestCheck check;
  private LogDigest checked;
  private List<Verification> verifications;
  private Optional<VerificationRun> run;

  /**
   * Starts a verification of the stream named, or of the whole log, and shows its progress; a
   * stream without events is answered next to the field.
   */
  public void verify() throws IOException {
    String scope = streamId == null || streamId.isBlank() ? null : streamId.trim();
    String who =
        security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    Optional<VerificationRun> started = audit.startVerification(scope, who);
    if (started.isEmpty()) {
      faces.addMessage(
          "streamId",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "There is no stream '" + scope + "': check the id (e.g. booking-…, seats-…).",
              null));
      faces.validationFailed();
      return;
    }
    var external = faces.getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/audit/integrity?verification="
            + java.net.URLEncoder.encode(
                started.get().id(), java.nio.charset.StandardCharsets.UTF_8));
    faces.responseComplete();
  }

  /** Checks the pasted digest; a digest that cannot be read is answered next to the field. */
  public void checkDigest() {
    try {
      checked = KeptDigests.read(keptDigest);
    } catch (KeptDigests.Unreadable unreadable) {
      faces.addMessage(
          "keptDigest",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, unreadable.getMessage(), null));
      faces.validationFailed();
      return;
    }
    check = audit.checkDigest(checked);
  }

  public List<Verification> getVerifications() {
    if (verifications == null) {
      verifications = audit.verifications(LISTED);
    }
    return verifications;
  }

  /** The verification named by {@code ?verification=}, running or done; null for none. */
  public VerificationRun getRun() {
    if (run == null) {
      String id = faces.getExternalContext().getRequestParameterMap().get("verification");
      run =
          id == null || id.isBlank() || id.length() > 36
              ? Optional.empty()
              : audit.verificationRun(id);
    }
    return run.orElse(null);
  }

  /**
   * Whether the running verification named has recorded no progress for {@value #STALLED_AFTER}
   * seconds: the server walking it has most likely stopped (it writes several times a second).
   */
  public boolean isStalled() {
    VerificationRun named = getRun();
    return named != null
        && !named.finished()
        && named.updatedAt().isBefore(java.time.Instant.now().minusSeconds(STALLED_AFTER));
  }

  /** The result of the verification named by {@code ?verification=}, once it is done. */
  public Verification getJustRun() {
    VerificationRun named = getRun();
    return named == null ? null : named.result();
  }

  /** Whether {@code ?verification=} names a verification that is not (any longer) known. */
  public boolean isUnknownRun() {
    String id = faces.getExternalContext().getRequestParameterMap().get("verification");
    return id != null && getRun() == null;
  }

  public DigestCheck getCheck() {
    return check;
  }

  public LogDigest getChecked() {
    return checked;
  }

  public String getStreamId() {
    return streamId;
  }

  public void setStreamId(String streamId) {
    this.streamId = streamId;
  }

  public String getKeptDigest() {
    return keptDigest;
  }

  public void setKeptDigest(String keptDigest) {
    this.keptDigest = keptDigest;
  }
}
