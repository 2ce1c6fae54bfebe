package org.seatledger.web.pages.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Comparison;
import org.seatledger.audit.api.AuditQueries.FieldChange;
import org.seatledger.audit.api.AuditQueries.HistoryPage;
import org.seatledger.audit.api.AuditQueries.Point;
import org.seatledger.audit.api.AuditQueries.StateAt;
import org.seatledger.audit.api.VersionPastEnd;
import org.seatledger.web.pages.NotFound;

/**
 * {@code /audit/streams/{streamId}}: an entity's changes newest first, {@value #PAGE} a page by
 * stream version ({@code ?before=}), and time travel on the same address: {@code ?version=} or
 * {@code ?asOf=} shows the state then, {@code ?compare=a,b} two points side by side. Every view is
 * a GET address, so an auditor can cite it.
 */
@Named
@RequestScoped
public class StreamPage {

  /** Changes on one page. */
  static final int PAGE = 50;

  /** A field of a state, as shown. */
  public record Field(String name, String value) {}

  /** A field of two states side by side; {@code differs} marks it. */
  public record Pair(String name, String first, String second, boolean differs) {}

  @Inject AuditQueries audit;
  @Inject FacesContext faces;

  private HistoryPage history;
  private StateAt state;
  private Comparison comparison;
  private VersionPastEnd pastEnd;
  private boolean loaded;

  /** The view action: reads what the address asks for; 404 for a stream that does not exist. */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    String id = getStreamId();
    Long before = null;
    try {
      before = AuditInputs.version(parameter("before"), "before").orElse(null);
    } catch (AuditInputs.Refused refused) {
      refuse(refused);
    }
    history = id == null || id.isBlank() ? null : audit.history(id, before, PAGE).orElse(null);
    if (history == null) {
      NotFound.answer(faces);
      return;
    }
    try {
      Optional<Point[]> pair = AuditInputs.pair(parameter("compare"), "compare");
      Optional<Long> version = AuditInputs.version(parameter("version"), "version");
      Optional<java.time.Instant> asOf = AuditInputs.moment(parameter("asOf"), "asOf");
      if (pair.isPresent()) {
        comparison = audit.compare(id, pair.get()[0], pair.get()[1]).orElse(null);
      } else if (version.isPresent()) {
        state = audit.state(id, Point.version(version.get())).orElse(null);
      } else if (asOf.isPresent()) {
        state = audit.state(id, Point.asOf(asOf.get())).orElse(null);
      }
    } catch (AuditInputs.Refused refused) {
      refuse(refused);
    } catch (VersionPastEnd past) {
      // no state is shown rather than the newest one: a cited address must not change meaning
      pastEnd = past;
    }
  }

  private void refuse(AuditInputs.Refused refused) {
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
  }

  public String getStreamId() {
    return parameter("id");
  }

  public HistoryPage getHistory() {
    load();
    return history;
  }

  /** The state asked for with {@code ?version=} or {@code ?asOf=}; null when none was. */
  public StateAt getState() {
    load();
    return state;
  }

  public Comparison getComparison() {
    load();
    return comparison;
  }

  /** The version asked for lies beyond the stream's end; null otherwise. */
  public VersionPastEnd getPastEnd() {
    load();
    return pastEnd;
  }

  /** The fields of the state asked for, in the entity's own order. */
  public List<Field> getStateFields() {
    return fields(getState() == null ? null : getState().state());
  }

  /** The fields of both compared states, those that differ marked. */
  public List<Pair> getPairs() {
    Comparison c = getComparison();
    return c == null ? List.of() : pairs(c.first().state(), c.second().state(), c.changes());
  }

  /**
   * Every field of either state in the first state's order, then the second's, each marked when
   * {@code changes} names it; a state that did not exist yet (null) shows dashes.
   */
  static List<Pair> pairs(JsonObject first, JsonObject second, List<FieldChange> changes) {
    Set<String> differing = new LinkedHashSet<>();
    changes.forEach(change -> differing.add(change.field()));
    Set<String> names = new LinkedHashSet<>();
    if (first != null) {
      names.addAll(first.keySet());
    }
    if (second != null) {
      names.addAll(second.keySet());
    }
    names.addAll(differing);
    List<Pair> pairs = new ArrayList<>();
    for (String name : names) {
      pairs.add(
          new Pair(
              name,
              first == null ? "—" : AuditInputs.shown(first.get(name)),
              second == null ? "—" : AuditInputs.shown(second.get(name)),
              differing.contains(name)));
    }
    return pairs;
  }

  /** A value of a diff, as shown. */
  public String shown(Object value) {
    return AuditInputs.shown(value);
  }

  /** The changes of an entry, for {@code ui:repeat}. */
  public List<FieldChange> changes(AuditQueries.HistoryEntry entry) {
    return entry.changes() == null ? List.of() : entry.changes();
  }

  public String getVersionInput() {
    return parameter("version");
  }

  public String getAsOfInput() {
    return parameter("asOf");
  }

  public String getCompareInput() {
    return parameter("compare");
  }

  private static List<Field> fields(JsonObject state) {
    List<Field> fields = new ArrayList<>();
    if (state != null) {
      for (Map.Entry<String, jakarta.json.JsonValue> field : state.entrySet()) {
        fields.add(new Field(field.getKey(), AuditInputs.shown(field.getValue())));
      }
    }
    return fields;
  }

  private String parameter(String name) {
    return faces.getExternalContext().getRequestParameterMap().get(name);
  }
}
