package org.seatledger.web.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents Kafka protocol binding in binary mode, as the contract uses it: the data is the
 * message's JSON body, the attributes are headers named {@code ce_<attribute>} with UTF-8 values,
 * and {@code content-type} is the body's media type. Beside the required attributes ({@code
 * specversion}, {@code id}, {@code type}, {@code source}) every message carries {@code time} and
 * {@code subject} and four extensions of ours (names lower-case letters only, as the spec wants):
 * {@code schemaversion}, {@code position}, {@code correlationid} and {@code causationid}.
 */
public final class CloudEvents {
  private CloudEvents() {}

  public static final String SPEC_VERSION = "1.0";
  public static final String SOURCE = "urn:seatledger";
  public static final String JSON = "application/json";

  public static final String SPECVERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE_HEADER = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String SCHEMA_VERSION = "ce_schemaversion";
  public static final String POSITION = "ce_position";
  public static final String CORRELATION_ID = "ce_correlationid";
  public static final String CAUSATION_ID = "ce_causationid";
  public static final String CONTENT_TYPE = "content-type";

  /** The headers of one message, in a fixed order; absent attributes are left out. */
  public static Map<String, String> headers(IntegrationEvent event) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SPECVERSION, SPEC_VERSION);
    headers.put(ID, event.id());
    headers.put(TYPE, IntegrationContract.TYPE_PREFIX + event.type());
    headers.put(SOURCE_HEADER, SOURCE);
    headers.put(TIME, event.time().toString());
    if (event.subject() != null) {
      headers.put(SUBJECT, event.subject());
    }
    headers.put(SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
    if (event.position() > 0) {
      headers.put(POSITION, Long.toString(event.position()));
    }
    if (event.correlationId() != null) {
      headers.put(CORRELATION_ID, event.correlationId());
    }
    if (event.causationId() != null) {
      headers.put(CAUSATION_ID, event.causationId());
    }
    headers.put(CONTENT_TYPE, JSON);
    return headers;
  }
}
