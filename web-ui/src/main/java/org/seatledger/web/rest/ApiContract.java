package org.seatledger.web.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * What every operation of the API has in common, added to {@code /openapi} in one place so that no
 * operation can forget it: the refusals the web tier answers before or around any resource method,
 * as RFC 9457 problems, and the headers it reads and sets.
 *
 * <ul>
 *   <li>every call: 401 (no or wrong credentials), 403 (another role needed), 429 and 503 with
 *       {@code Retry-After} (failed sign-ins throttled; the database away or the server busy), 500
 *       (a fault of ours, with a reference to quote);
 *   <li>calls that change something ({@link JsonOnlyWrites}, {@code RequestSizeLimit}): 413 and
 *       415;
 *   <li>a request body, query parameters or an {@code Idempotency-Key}: 400, with the field errors
 *       for a body ({@link Problem.FieldError});
 *   <li>an id in the path: 404;
 *   <li>an operation that takes an {@code Idempotency-Key} answers {@code Idempotent-Replayed} and
 *       {@code X-Correlation-ID} on success; a 201 answers {@code Location}.
 * </ul>
 *
 * <p>Reads accept HTTP Basic or the session cookie of a signed-in page; a call that changes
 * something needs HTTP Basic (a cookie alone could be sent by another site's form). What differs
 * per operation (its id, its 2xx schema, a 409 and its sentence) is annotated on the resource
 * method, and the example of each success answer comes from {@link ApiExamples}.
 */
public class ApiContract implements OASFilter {

  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String BASIC = "basic";
  static final String SESSION = "session";
  static final String IDEMPOTENCY_KEY = "IdempotencyKey";
  static final String CORRELATION_ID = "CorrelationId";

  private static final String JSON = jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
  private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  public void filterOpenAPI(OpenAPI api) {
    api.getInfo()
        .license(
            OASFactory.createLicense()
                .name("Apache-2.0")
                .url("https://www.apache.org/licenses/LICENSE-2.0"))
        .contact(OASFactory.createContact().name("Seat Ledger maintainers"));
    // the document is served by the server it describes: clients resolve paths against it, so a
    // copy of the document does not carry the address (and port) of the server it was taken from
    api.setServers(
        List.of(
            (Server)
                OASFactory.createServer()
                    .url("/")
                    .description("The Seat Ledger server that serves this document")));
    Components components = api.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      api.components(components);
    }
    addShared(components);
    anyJsonValue(components, "FieldChange", "before", "after");
    api.setSecurity(null);
    ApiExamples examples = ApiExamples.load();
    if (api.getPaths() != null) {
      for (var path : api.getPaths().getPathItems().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
            path.getValue().getOperations().entrySet()) {
          complete(path.getKey(), entry.getKey().name(), entry.getValue(), examples);
        }
      }
    }
  }

  /** The operation as a client must know it: refusals, headers, security, examples. */
  static void complete(String path, String method, Operation operation, ApiExamples examples) {
    boolean write = WRITES.contains(method);
    boolean idempotent = answersACommand(operation);
    if (idempotent) {
      operation.addParameter(
          OASFactory.createParameter().ref("#/components/parameters/" + IDEMPOTENCY_KEY));
      operation.addParameter(
          OASFactory.createParameter().ref("#/components/parameters/" + CORRELATION_ID));
    }
    boolean query =
        operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    APIResponses responses = operation.getResponses();
    for (var answer : responses.getAPIResponses().entrySet()) {
      String status = answer.getKey();
      if (status.startsWith("2")) {
        success(operation, status, answer.getValue(), idempotent, examples);
      }
    }
    if (operation.getRequestBody() != null) {
      operation.getRequestBody().setRequired(true);
    }
    if (operation.getRequestBody() != null || query || idempotent) {
      refusal(responses, "400", "BadRequest");
    }
    refusal(responses, "401", "Unauthorized");
    refusal(responses, "403", "Forbidden");
    if (path.contains("{")) {
      refusal(responses, "404", "NotFound");
    }
    if (write) {
      refusal(responses, "413", "ContentTooLarge");
      refusal(responses, "415", "UnsupportedMediaType");
    }
    refusal(responses, "429", "TooManyRequests");
    refusal(responses, "500", "ServerError");
    refusal(responses, "503", "ServiceUnavailable");
    for (var answer : responses.getAPIResponses().entrySet()) {
      Content content = answer.getValue().getContent();
      MediaType problem = content == null ? null : content.getMediaType(Problem.MEDIA_TYPE);
      if (problem != null && problem.getExample() == null) {
        problem.setExample(ApiExamples.problem(answer.getKey()));
      }
    }
    operation.setSecurity(security(write));
  }

  /**
   * Whether the operation sends a command ({@link Commands}): its success answer is one of the
   * command answers of {@link ApiSchemas}, which carry the command's log position. Every such
   * operation takes an {@code Idempotency-Key} and an {@code X-Correlation-ID}.
   */
  private static boolean answersACommand(Operation operation) {
    return operation.getResponses().getAPIResponses().entrySet().stream()
        .filter(answer -> answer.getKey().startsWith("2"))
        .map(answer -> answer.getValue().getContent())
        .filter(content -> content != null && content.getMediaType(JSON) != null)
        .map(content -> content.getMediaType(JSON).getSchema())
        .anyMatch(
            schema ->
                schema != null
                    && schema.getRef() != null
                    && ApiSchemas.COMMAND_ANSWERS.contains(
                        schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)));
  }

  private static void success(
      Operation operation,
      String status,
      APIResponse response,
      boolean idempotent,
      ApiExamples examples) {
    if (idempotent) {
      response.addHeader(
          "Idempotent-Replayed",
          OASFactory.createHeader()
              .description(
                  "true when this answers a repeat of an Idempotency-Key already carried out: the"
                      + " body is the first answer's, and nothing was done again")
              .schema(
                  OASFactory.createSchema()
                      .type(Schema.SchemaType.STRING)
                      .enumeration(List.of("true"))));
      response.addHeader(
          "X-Correlation-ID",
          OASFactory.createHeader()
              .description(
                  "The id shared by everything this call caused: the request's X-Correlation-ID,"
                      + " or one the server chose. GET /api/audit/correlations/{it} shows the chain")
              .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
    }
    if (status.equals("201")) {
      response.addHeader(
          "Location",
          OASFactory.createHeader()
              .description("The address of what was created")
              .required(true)
              .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")));
    }
    Object example = examples.success(operation.getOperationId(), status);
    if (example != null && response.getContent() != null) {
      MediaType json = response.getContent().getMediaType(JSON);
      if (json != null && json.getExample() == null && json.getExamples() == null) {
        json.setExample(example);
      }
    }
  }

  /** Refers to the shared refusal unless the operation documents its own for that status. */
  private static void refusal(APIResponses responses, String status, String name) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(
          status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
    }
  }

  private static APIResponse problem(String status, String description, boolean retryAfter) {
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(description)
            .content(problemContent(ApiExamples.problem(status)));
    if (retryAfter) {
      response.addHeader("Retry-After", OASFactory.createHeader().ref("RetryAfter"));
    }
    return response;
  }

  /** An {@code application/problem+json} body with its example. */
  static Content problemContent(Object example) {
    MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
    if (example != null) {
      media.setExample(example);
    }
    return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
  }

  private static List<SecurityRequirement> security(boolean write) {
    List<SecurityRequirement> any = new ArrayList<>();
    any.add(OASFactory.createSecurityRequirement().addScheme(BASIC));
    if (!write) {
      any.add(OASFactory.createSecurityRequirement().addScheme(SESSION));
    }
    return any;
  }

  /** The problem schema, the security schemes, and the headers and parameters operations share. */
  static void addShared(Components components) {
    Map<String, Schema> problem = new LinkedHashMap<>();
    problem.put(
        "type",
        text("A URI naming the kind of problem; about:blank when the status says it all")
            .format("uri-reference"));
    problem.put("title", text("The short, fixed summary of the status"));
    problem.put(
        "status",
        OASFactory.createSchema()
            .type(Schema.SchemaType.INTEGER)
            .format("int32")
            .description("The HTTP status"));
    problem.put(
        "detail",
        text(
            "What went wrong with this request, in a sentence for a person. A 409 says which rule"
                + " refused the command (for example how many seats are left)"));
    problem.put(
        "errors",
        OASFactory.createSchema()
            .type(Schema.SchemaType.ARRAY)
            .description("For a 400 on a request body: each field that broke a rule")
            .items(OASFactory.createSchema().ref(FIELD_ERROR)));
    components.addSchema(
        PROBLEM,
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description("An RFC 9457 problem: every error this API answers")
            .required(List.of("type", "title", "status", "detail"))
            .properties(problem));
    Map<String, Schema> field = new LinkedHashMap<>();
    field.put(
        "field",
        text("The field's path in the request body, such as registrant.email or seats[vip]"));
    field.put("message", text("The rule it broke, such as 'must be an e-mail address'"));
    components.addSchema(
        FIELD_ERROR,
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description("One field of a request body that broke a rule")
            .required(List.of("field", "message"))
            .properties(field));

    components.addSecurityScheme(
        BASIC,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("basic")
            .description("A user's name and password on every call (HTTPS outside development)"));
    components.addSecurityScheme(
        SESSION,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name("JSESSIONID")
            .description(
                "The session of a user signed in on the sign-in page; reads only: a call that"
                    + " changes something needs HTTP Basic as well"));

    components.addResponse(
        "BadRequest",
        problem(
            "400",
            "The request is invalid: a body that is not JSON of the expected shape, a field that"
                + " breaks a rule (each named in errors), or a parameter or header out of range;"
                + " nothing was stored",
            false));
    components.addResponse(
        "Unauthorized",
        problem(
            "401",
            "No credentials, wrong ones, or (for a call that changes something) a session cookie"
                + " without an Authorization header",
            false));
    components.addResponse(
        "Forbidden",
        problem(
            "403",
            "The signed-in user lacks the role this needs, or must change their password first",
            false));
    components.addResponse(
        "NotFound", problem("404", "There is nothing with this id; the detail names it", false));
    components.addResponse(
        "ContentTooLarge", problem("413", "The request body is larger than 64 KiB", false));
    components.addResponse(
        "UnsupportedMediaType", problem("415", "The request body is not application/json", false));
    components.addResponse(
        "TooManyRequests",
        problem(
            "429",
            "Too many failed sign-ins from this address; try again after Retry-After seconds",
            true));
    components.addResponse(
        "ServerError",
        problem(
            "500",
            "A fault on the server's side; the detail holds a reference to quote to an admin",
            false));
    components.addResponse(
        "ServiceUnavailable",
        problem(
            "503",
            "The database is away or the server is busy; nothing was stored, so the same call can"
                + " be sent again after Retry-After seconds",
            true));

    Header retryAfter =
        OASFactory.createHeader()
            .description("Seconds to wait before sending the same call again")
            .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"));
    components.addHeader("RetryAfter", retryAfter);

    components.addParameter(
        IDEMPOTENCY_KEY,
        OASFactory.createParameter()
            .name(Commands.IDEMPOTENCY_KEY)
            .in(Parameter.In.HEADER)
            .description(
                "Your id for this command, 1 to 64 visible ASCII characters. Sending the same key"
                    + " again (after a timeout, say) carries the command out once and answers as"
                    + " the first time, with Idempotent-Replayed: true. Keys are scoped to the"
                    + " signed-in user.")
            .schema(
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .minLength(1)
                    .maxLength(64)
                    .pattern("^[\\x21-\\x7E]+$"))
            .example("order-2027-0042"));
    components.addParameter(
        CORRELATION_ID,
        OASFactory.createParameter()
            .name(Commands.CORRELATION_ID)
            .in(Parameter.In.HEADER)
            .description(
                "An id shared by everything one user action causes, stored with every event of"
                    + " the command (at most 100 characters); the server chooses one without it")
            .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(100))
            .example("checkout-7f3c"));
  }

  /**
   * A field that holds any JSON value (a diff's before and after: text, a number, null), which the
   * scanner can only read as an object.
   */
  private static void anyJsonValue(Components components, String schema, String... fields) {
    Schema owner = components.getSchemas() == null ? null : components.getSchemas().get(schema);
    if (owner == null || owner.getProperties() == null) {
      return;
    }
    for (String field : fields) {
      Schema property = owner.getProperties().get(field);
      if (property != null) {
        property.setType(null);
        property.setDescription("Any JSON value: text, a number, true or false, or null");
      }
    }
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
