package org.seatledger.web.pages.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Causation;
import org.seatledger.eventlog.api.projection.ProjectionStatus;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.web.pages.NotFound;

/**
 * {@code /audit/correlations/{correlationId}}: what one request led to — who sent it and when, the
 * commands and the events each appended with their positions, the compensations that followed, and
 * whether each read model's checkpoint has reached those positions.
 */
@Named
@RequestScoped
public class CorrelationPage {

  /** A read model against the chain: applied every position, or the ones still pending. */
  public record ReadModel(String name, long checkpoint, String status, List<Long> pending) {
    public boolean applied() {
      return pending.isEmpty();
    }
  }

  @Inject AuditQueries audit;
  @Inject ReportingQueries reporting;
  @Inject FacesContext faces;

  private Causation causation;
  private boolean loaded;

  /** The view action: 404 when no event carries the correlation id. */
  public void load() {
    if (getCausation() == null) {
      NotFound.answer(faces);
    }
  }

  public Causation getCausation() {
    if (!loaded) {
      loaded = true;
      String id = faces.getExternalContext().getRequestParameterMap().get("id");
      causation = id == null || id.isBlank() ? null : audit.causation(id).orElse(null);
    }
    return causation;
  }

  public List<ReadModel> getReadModels() {
    Causation chain = getCausation();
    if (chain == null) {
      return List.of();
    }
    List<Long> positions = chain.positions();
    List<ProjectionStatus> all = new ArrayList<>(reporting.projections());
    all.addAll(audit.projections());
    return all.stream()
        .map(
            p ->
                new ReadModel(
                    p.name(),
                    p.checkpoint(),
                    p.status(),
                    positions.stream().filter(at -> at > p.checkpoint()).toList()))
        .toList();
  }
}
