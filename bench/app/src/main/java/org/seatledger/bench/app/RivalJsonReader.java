package org.seatledger.bench.app;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the CRUD rival's request bodies as strictly as the product's API reads its own, with the
 * same work: a strict UTF-8 decode, one streaming pass over the JSON that refuses a key named
 * twice, control characters, fractions where the record wants a whole number and fields the record
 * does not have, then JSON-B (Yasson, as in the product) binds the record and Bean Validation
 * checks it.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class RivalJsonReader implements MessageBodyReader<Object> {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public boolean isReadable(Class<?> type, Type generic, Annotation[] annotations, MediaType m) {
    return type.isRecord();
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws java.io.IOException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body.readAllBytes()))
              .toString();
    } catch (CharacterCodingException e) {
      throw refused("The request body is not valid UTF-8.");
    }
    check(text, type);
    try {
      return JSONB.fromJson(text, genericType);
    } catch (JsonbException e) {
      throw refused("The request body is not valid JSON of the expected shape.");
    }
  }

  /** One pass: no key twice in an object, no control character, known fields of the top record. */
  private static void check(String text, Class<?> type) {
    Set<String> fields = new HashSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      fields.add(c.getName());
    }
    Deque<Set<String>> objects = new ArrayDeque<>();
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT -> objects.push(new HashSet<>());
          case END_OBJECT -> objects.pop();
          case KEY_NAME -> {
            String key = parser.getString();
            plainText(key);
            if (!objects.peek().add(key)) {
              throw refused("The request body names '" + key + "' twice.");
            }
            if (objects.size() == 1 && !fields.contains(key)) {
              throw refused("Please correct: " + key + " is not a field of the body.");
            }
          }
          case VALUE_STRING -> plainText(parser.getString());
          case VALUE_NUMBER -> {
            if (!parser.isIntegralNumber()) {
              throw refused("Please correct: a quantity must be a whole number.");
            }
          }
          default -> {
            // arrays, booleans and nulls: Bean Validation says whether they may be there
          }
        }
      }
    } catch (JsonParsingException e) {
      throw refused("The request body is not valid JSON.");
    }
  }

  private static void plainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        throw refused("Text holds a control character; only tab and newline are allowed.");
      }
    }
  }

  private static BadRequestException refused(String sentence) {
    return new BadRequestException(
        Response.status(400)
            .type("application/problem+json")
            .entity("{\"status\":400,\"detail\":\"" + sentence.replace("\"", "'") + "\"}")
            .build());
  }
}
