package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.EventDecodingException;

/**
 * An event's JSON parsed only when looked at must read exactly as the payload parsed at once: the
 * streams API and upcasters see the same fields, values and text either way.
 */
class StoredJsonTest {

  private static final String PAYLOAD =
      "{\"conferenceId\":\"c-1\",\"seats\":{\"standard\":2},\"holdUntil\":\"2027-05-04T10:00:00Z\","
          + "\"note\":null,\"paid\":true,\"codes\":[\"a\",\"b\"]}";

  @Test
  void readsAsThePayloadParsedAtOnce() {
    JsonObject eager = EventSerializer.parse(PAYLOAD);
    JsonObject lazy = new StoredJson(PAYLOAD);
    assertEquals(eager, lazy);
    assertEquals(lazy, eager);
    assertEquals(eager.hashCode(), lazy.hashCode());
    assertEquals(eager.toString(), lazy.toString());
    assertEquals("c-1", lazy.getString("conferenceId"));
    assertEquals(2, lazy.getJsonObject("seats").getInt("standard"));
    assertEquals(true, lazy.getBoolean("paid"));
    assertEquals(true, lazy.isNull("note"));
    assertEquals(2, lazy.getJsonArray("codes").size());
    assertEquals("fallback", lazy.getString("missing", "fallback"));
    assertEquals(eager.keySet(), lazy.keySet());
  }

  @Test
  void aPayloadThatIsNotAnObjectIsRefusedWhenItIsRead() {
    JsonObject lazy = new StoredJson("[1, 2]");
    assertThrows(EventDecodingException.class, () -> lazy.get("conferenceId"));
  }
}
