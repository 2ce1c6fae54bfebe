package org.seatledger.web.rest;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Request bodies of the API's records are read through {@link StrictJson} before JSON-B binds them:
 * what the client sent is either taken exactly or refused with a 400 that says why, and nothing is
 * stored.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.USER)
public class StrictJsonReader implements MessageBodyReader<Object> {

  /** Thread-safe, and costly to build: one for the application. */
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    try {
      String text = StrictJson.utf8(entityStream.readAllBytes());
      JsonValue body = StrictJson.parse(text);
      StrictJson.check(body, genericType);
      return JSONB.fromJson(text, genericType);
    } catch (StrictJson.Refused refused) {
      throw new ApiException(Status.BAD_REQUEST, refused.getMessage());
    } catch (JsonbException unreadable) {
      throw new ApiException(
          Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
    }
  }
}
