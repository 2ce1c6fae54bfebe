package org.seatledger.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A browser-less client of the running server, as an API user or a script would be. */
public final class Http {

  // system properties in the test JVM; inside the server the same values come from its environment
  static final int HTTP_PORT = setting("it.http.port", "SEATLEDGER_HTTP_PORT", 19080);
  static final int HTTPS_PORT = setting("it.https.port", "SEATLEDGER_HTTPS_PORT", 19443);
  static final String ADMIN_PASSWORD =
      System.getProperty("it.admin.password", System.getenv("SEATLEDGER_ADMIN_PASSWORD"));

  private static int setting(String property, String environment, int otherwise) {
    String value = System.getProperty(property, System.getenv(environment));
    return value == null ? otherwise : Integer.parseInt(value);
  }

  /** Where the server under test answers plain HTTP, e.g. {@code http://localhost:19080}. */
  public static String baseUrl() {
    return "http://localhost:" + HTTP_PORT;
  }

  private final HttpClient client;
  private final String base;
  private String authorization;

  private Http(HttpClient client, String base) {
    this.client = client;
    this.base = base;
  }

  /** Plain HTTP, no credentials, keeps cookies like a browser, does not follow redirects. */
  public static Http anonymous() {
    return new Http(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build(),
        "http://localhost:" + HTTP_PORT);
  }

  /** HTTPS with the server's self-signed development certificate accepted. */
  public static Http tls() {
    return new Http(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(trustingEveryCertificate())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build(),
        "https://localhost:" + HTTPS_PORT);
  }

  public static Http as(String username, String password) {
    Http http = anonymous();
    http.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http;
  }

  /** A client of another server than the one the tests deploy to, with Basic credentials. */
  public static Http at(String base, String username, String password) {
    Http http = anonymous();
    return new Http(http.client, base).withBasic(username, password);
  }

  /**
   * HTTP Basic on every call and no cookies, so no session either: every call's credentials are
   * checked, as for a script that does not keep cookies.
   */
  public static Http basicOnly(String username, String password) {
    Http http =
        new Http(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build(),
            "http://localhost:" + HTTP_PORT);
    return http.withBasic(username, password);
  }

  public static Http admin() {
    return as("admin", ADMIN_PASSWORD);
  }

  /** The same client (its cookies, so its session) sending other Basic credentials. */
  public Http withBasic(String username, String password) {
    Http http = new Http(client, base);
    http.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http;
  }

  /** The same client (its cookies, so its session) sending no Authorization header. */
  public Http cookiesOnly() {
    return new Http(client, base);
  }

  /** The value of the session cookie this client holds, or null. */
  public String sessionId() {
    return client
        .cookieHandler()
        .filter(CookieManager.class::isInstance)
        .map(CookieManager.class::cast)
        .flatMap(
            cookies ->
                cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst())
        .orElse(null);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON command sent with an {@code Idempotency-Key}, as a client that may retry sends it. */
  public HttpResponse<String> postJson(String path, String json, String idempotencyKey) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * A command with any method ({@code POST}, {@code PUT}) and a JSON body, with an {@code
   * Idempotency-Key} unless {@code idempotencyKey} is null: a client repeating a command it sent.
   */
  public HttpResponse<String> command(
      String method, String path, String json, String idempotencyKey) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return send(builder);
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  public static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) json(response);
  }

  public static JsonStructure json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.read();
    }
  }

  private static SSLContext trustingEveryCertificate() {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
