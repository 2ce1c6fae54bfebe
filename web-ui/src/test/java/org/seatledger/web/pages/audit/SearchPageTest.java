package org.seatledger.web.pages.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search page's links: its own next page and the API's export of the same filter. */
class SearchPageTest {

  @Test
  void theApiNamesTheStreamAndTheTextItsOwnWay() {
    assertEquals("streamId", SearchPage.apiName("stream", true));
    assertEquals("q", SearchPage.apiName("text", true));
    assertEquals("user", SearchPage.apiName("user", true));
    assertEquals("stream", SearchPage.apiName("stream", false));
  }

  @Test
  void valuesAreEncodedInTheQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("user", "ada & co");
    query.put("q", "50% off");
    assertEquals("user=ada+%26+co&q=50%25+off", SearchPage.encode(query));
  }
}
