package org.seatledger.web.pages.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seatledger.audit.api.AuditQueries;
import org.seatledger.audit.api.AuditQueries.Page;
import org.seatledger.audit.api.AuditQueries.Search;

/**
 * {@code /audit/search}: the audit trail by stream, type, user, time range and text in summaries,
 * newest first, {@value #PAGE} a page by keyset ({@code after=}); the CSV and JSON export of the
 * same filter is the API's ({@code /api/audit/events?…&format=csv}).
 */
@Named
@RequestScoped
public class SearchPage {

  static final int PAGE = 50;

  /** The form's fields, by their parameter names on this page. */
  static final String[] FIELDS = {"stream", "type", "user", "from", "to", "text"};

  @Inject AuditQueries audit;
  @Inject FacesContext faces;

  private Page page;

  /** The hits for the filter in the address; an empty page when a field cannot be read. */
  public Page getPage() {
    if (page == null) {
      try {
        Instant from = AuditInputs.moment(parameter("from"), "From").orElse(null);
        Instant to = AuditInputs.moment(parameter("to"), "To").orElse(null);
        Long after = AuditInputs.version(parameter("after"), "after").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
          throw new AuditInputs.Refused("From is before To: give a range forwards in time.");
        }
        page =
            audit.search(
                new Search(
                    given("stream"),
                    given("type"),
                    given("user"),
                    from,
                    to,
                    given("text"),
                    after,
                    PAGE));
      } catch (AuditInputs.Refused refused) {
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        page = new Page(java.util.List.of(), PAGE, null);
      }
    }
    return page;
  }

  /** A field as it was typed, for the form. */
  public String value(String name) {
    String value = parameter(name);
    return value == null ? "" : value;
  }

  /** This page's address for the next page of the same filter. */
  public String getNextQuery() {
    Map<String, String> query = filter(false);
    query.put("after", String.valueOf(getPage().next()));
    return encode(query);
  }

  /** The API's export of the same filter in {@code format} (csv or json). */
  public String export(String format) {
    Map<String, String> query = filter(true);
    query.put("format", format);
    return encode(query);
  }

  private Map<String, String> filter(boolean forApi) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String field : FIELDS) {
      String value = given(field);
      if (value != null && forApi && ("from".equals(field) || "to".equals(field))) {
        value = AuditInputs.moment(value, field).map(Instant::toString).orElse(null);
      }
      if (value != null) {
        query.put(apiName(field, forApi), value);
      }
    }
    return query;
  }

  /** The API names the stream {@code streamId} and the text {@code q}. */
  static String apiName(String field, boolean forApi) {
    if (!forApi) {
      return field;
    }
    return switch (field) {
      case "stream" -> "streamId";
      case "text" -> "q";
      default -> field;
    };
  }

  static String encode(Map<String, String> query) {
    StringBuilder text = new StringBuilder();
    query.forEach(
        (name, value) ->
            text.append(text.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return text.toString();
  }

  private String given(String name) {
    String value = parameter(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private String parameter(String name) {
    return faces.getExternalContext().getRequestParameterMap().get(name);
  }
}
