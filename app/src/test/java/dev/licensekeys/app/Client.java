package dev.licensekeys.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for one service and one API key, as the process tests use it. */
record Client(HttpClient http, int port, String bearer) {

  static Client of(int port, String bearer) {
    return new Client(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), port, bearer);
  }

  /** {@code headers} are name, value pairs, sent beside the JSON content type and the bearer. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    String value = matcher.group(1);
    return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }
}
