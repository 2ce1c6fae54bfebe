package org.seatledger.web.pages.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.util.List;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Verification;
import org.seatledger.eventlog.api.DigestCheck;
import org.seatledger.eventlog.api.LogDigest;

/**
 * {@code /audit/integrity}: verify the hash chain of the whole log or of one stream (kept, listed
 * newest first; after a run the page shows it at {@code ?verification=<id>}), download the current
 * digest of the log (the API's {@code /api/audit/digest}), and check a kept digest pasted back.
 */
@Named
@RequestScoped
public class IntegrityPage {

  /** Kept verifications listed. */
  static final int LISTED = 20;

  @Inject AuditQueries audit;
  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String streamId;
  private String keptDigest;
  private DigestCheck check;
  private LogDigest checked;
  private List<Verification> verifications;

  /** Runs a verification of the stream named, or of the whole log, and shows its result. */
  public void verify() throws IOException {
    String scope = streamId == null || streamId.isBlank() ? null : streamId.trim();
    String who =
        security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    Verification done = audit.verify(scope, who);
    var external = faces.getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/audit/integrity?verification="
            + java.net.URLEncoder.encode(done.id(), java.nio.charset.StandardCharsets.UTF_8));
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

  /** The verification just run ({@code ?verification=}), if it is among the kept ones. */
  public Verification getJustRun() {
    String id = faces.getExternalContext().getRequestParameterMap().get("verification");
    return id == null
        ? null
        : getVerifications().stream().filter(v -> id.equals(v.id())).findFirst().orElse(null);
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
