package org.seatledger.bench.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * One HTTP client of the server, signed in as one user: the first call sends HTTP Basic
 * credentials, later calls the session cookie it got (as a well-behaved API client does — checking
 * a password hash costs about a tenth of a CPU-second by design, so clients keep the session).
 */
final class Api {

  /** A response: status and body. */
  record Answer(int status, String body) {
    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    JsonStructure any() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }
  }

  private final URI base;
  private final String authorization;
  private final HttpClient client;

  Api(URI base, String user, String password) {
    this(base, user, password, true);
  }

  /** A client that sends HTTP Basic on every call and keeps no cookie, so no session either. */
  static Api basicOnly(URI base, String user, String password) {
    return new Api(base, user, password, false);
  }

  private Api(URI base, String user, String password, boolean keepCookies) {
    this.base = base;
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4, daemon()));
    if (keepCookies) {
      client.cookieHandler(new CookieManager());
    }
    this.client = client.build();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "http-client");
      t.setDaemon(true);
      return t;
    };
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(15));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  HttpRequest post(String path, String json, String idempotencyKey) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return builder.build();
  }

  Answer get(String path) {
    return send(request(path).GET().build());
  }

  Answer post(String path, String json) {
    return send(post(path, json, null));
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      return new Answer(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends as a client that keeps its connections open does: when the connection closed before any
   * answer (one the server closed as idle while the client reused it), a request that carries an
   * {@code Idempotency-Key} is sent once more, as it was — the key makes the repeat safe on both
   * designs, and the books checked after each phase would show a booking made twice.
   */
  Answer sendRepeatingOnClosedConnection(HttpRequest request) {
    Answer answer = send(request);
    if (answer.status() == -1 && request.headers().firstValue("Idempotency-Key").isPresent()) {
      answer = send(request);
    }
    return answer;
  }

  CompletableFuture<Answer> sendAsync(HttpRequest request) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) ->
                failure != null
                    ? new Answer(-1, failure.toString())
                    : new Answer(response.statusCode(), response.body()));
  }

  /** Like {@link #post(String, String)} but fails the run on anything but 2xx. */
  JsonObject must(String path, String json) {
    Answer answer = post(path, json);
    if (answer.status() == -1) {
      // the connection closed before any answer (a kept-alive connection the server had just
      // closed); every call made with must() may be repeated
      answer = post(path, json);
    }
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + path + " -> " + answer.status() + " " + answer.body());
    }
    return answer.body().isEmpty() ? Json.createObjectBuilder().build() : answer.json();
  }
}
