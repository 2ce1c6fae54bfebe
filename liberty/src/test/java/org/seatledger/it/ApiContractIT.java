package org.seatledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's description as integrators read it: the live {@code /openapi} is the committed copy
 * (docs/api/openapi.yaml, from which the test client is generated), a change that breaks clients is
 * named as such, and every operation says what a client needs to call it and to handle its answers.
 *
 * <p>To take a deliberate change of the API into the copy: {@code ./mvnw verify -pl liberty -am
 * -Dit.test=ApiContractIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

  private static final Path COPY = Path.of(System.getProperty("openapi.copy"));
  private static final String UPDATE =
      "./mvnw verify -pl liberty -am -Dit.test=ApiContractIT -Dtest=none"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ClientDeployment.marker("api-contract-it");
  }

  @Test
  void theLiveDescriptionIsTheCommittedOneOrTheDifferenceIsNamed() throws Exception {
    Server.awaitReady();
    String live = liveDocument();
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(COPY, live, StandardCharsets.UTF_8);
      return;
    }
    Map<String, Object> committed = yaml(Files.readString(COPY, StandardCharsets.UTF_8));
    Map<String, Object> now = yaml(live);
    List<String> breaking = ApiCompatibility.breakingChanges(committed, now);
    if (!breaking.isEmpty()) {
      fail(
          "The API changed in ways that break existing clients:\n  "
              + String.join("\n  ", breaking)
              + "\nKeep what clients use, or (a new version, on purpose) take the change into "
              + COPY
              + " with: "
              + UPDATE);
    }
    if (!committed.equals(now)) {
      fail(
          "The API's description changed (nothing that breaks clients). Take it into "
              + COPY
              + " so that the generated client and the docs follow: "
              + UPDATE);
    }
  }

  @Test
  void everyOperationSaysHowToCallItAndWhatItAnswers() {
    Map<String, Object> api = yaml(liveDocument());
    Map<String, Object> shared = map(map(api.get("components")).get("responses"));
    Set<String> operationIds = new HashSet<>();
    List<String> gaps = new ArrayList<>();
    int operations = 0;
    for (var path : map(api.get("paths")).entrySet()) {
      for (var entry : map(path.getValue()).entrySet()) {
        String method = entry.getKey();
        Map<String, Object> operation = map(entry.getValue());
        String name = method.toUpperCase() + " " + path.getKey();
        operations++;
        Object id = operation.get("operationId");
        if (id == null || !operationIds.add(id.toString())) {
          gaps.add(name + ": no operationId of its own");
        }
        if (operation.get("summary") == null) {
          gaps.add(name + ": no summary");
        }
        if (list(operation.get("security")).isEmpty()) {
          gaps.add(name + ": no security requirement");
        }
        Map<String, Object> responses = map(operation.get("responses"));
        boolean write = !method.equals("get");
        for (String status :
            write
                ? List.of("401", "403", "413", "415", "429", "500", "503")
                : List.of("401", "403", "429", "500", "503")) {
          Map<String, Object> refusal = resolve(map(responses.get(status)), shared);
          if (!map(refusal.get("content")).containsKey("application/problem+json")) {
            gaps.add(name + ": " + status + " is not documented as a problem");
          }
        }
        if (path.getKey().contains("{") && !responses.containsKey("404")) {
          gaps.add(name + ": no 404 for its id");
        }
        boolean success = false;
        for (var answer : responses.entrySet()) {
          if (!answer.getKey().startsWith("2")) {
            continue;
          }
          success = true;
          Map<String, Object> json =
              map(map(map(answer.getValue()).get("content")).get("application/json"));
          if (!json.isEmpty() && (json.get("schema") == null || json.get("example") == null)) {
            gaps.add(name + ": its " + answer.getKey() + " answer lacks a schema or an example");
          }
        }
        if (!success) {
          gaps.add(name + ": no success answer");
        }
      }
    }
    assertTrue(operations >= 40, "the API has its operations: " + operations);
    assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    assertFalse(
        map(map(api.get("info")).get("license")).isEmpty(), "the description names its license");
  }

  @Test
  void removingAFieldOrAskingForANewParameterIsBreakingAndANewFieldIsNot() {
    Map<String, Object> before = yaml(sample("        name: {type: string}\n", ""));
    assertEquals(
        List.of(),
        ApiCompatibility.breakingChanges(
            before,
            yaml(sample("        name: {type: string}\n        venue: {type: string}\n", ""))),
        "a new optional field breaks no client");
    assertEquals(
        List.of("schema Conference: field name removed"),
        ApiCompatibility.breakingChanges(before, yaml(sample("", ""))));
    assertEquals(
        List.of("schema Conference: field name changed its type"),
        ApiCompatibility.breakingChanges(
            before, yaml(sample("        name: {type: integer}\n", ""))));
    assertEquals(
        List.of("GET /api/conferences: new required parameter query:venue"),
        ApiCompatibility.breakingChanges(
            before,
            yaml(
                sample(
                    "        name: {type: string}\n",
                    "      parameters:\n"
                        + "      - {name: venue, in: query, required: true, schema: {type: string}}\n"))));
    Map<String, Object> renamed = yaml(sample("        name: {type: string}\n", ""));
    map(map(map(renamed.get("paths")).get("/api/conferences")).get("get"))
        .put("operationId", "conferences");
    assertEquals(
        List.of(
            "GET /api/conferences: operationId listConferences became conferences"
                + " (generated method names change)"),
        ApiCompatibility.breakingChanges(before, renamed));
  }

  private static String sample(String properties, String parameters) {
    return "paths:\n"
        + "  /api/conferences:\n"
        + "    get:\n"
        + "      operationId: listConferences\n"
        + parameters
        + "      responses:\n"
        + "        '200':\n"
        + "          content:\n"
        + "            application/json:\n"
        + "              schema: {$ref: '#/components/schemas/Conference'}\n"
        + "components:\n"
        + "  schemas:\n"
        + "    Conference:\n"
        + "      type: object\n"
        + "      properties:\n"
        + properties;
  }

  private static String liveDocument() {
    HttpResponse<String> openapi = Http.anonymous().get("/openapi");
    assertEquals(200, openapi.statusCode(), openapi.body());
    return openapi.body();
  }

  private static Map<String, Object> resolve(
      Map<String, Object> response, Map<String, Object> shared) {
    Object ref = response.get("$ref");
    return ref == null
        ? response
        : map(shared.get(ref.toString().substring(ref.toString().lastIndexOf('/') + 1)));
  }

  private static Map<String, Object> yaml(String text) {
    Object parsed = new Yaml().load(text);
    return parsed instanceof Map ? map(parsed) : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }
}
