package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of generated hostile requests against the real service: malformed and deeply nested
 * JSON, huge numbers, long strings, invalid UTF-8, NUL bytes, duplicate keys, wrong types, SQL and
 * path-traversal text in ids and query parameters, odd headers, oversized bodies. Every one is
 * invalid by construction, so every answer must be a 4xx JSON {code, message}, never a 5xx, and the
 * database must be the same after as before.
 */
class HostileInputProperties {

  static final int REQUESTS = 10_000;
  private static final String SECRET = SeededServices.SECRET;
  private static final String REAL_KEY = SeededServices.REAL_KEY;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<SeededServices.Subject> subjects = List.of();
  private static final Map<SeededServices.Subject, List<String>> BEFORE = new ConcurrentHashMap<>();
  private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

  @BeforeContainer
  static void start() throws Exception {
    subjects = SeededServices.startOnBothDatabases();
    for (SeededServices.Subject subject : subjects) {
      BEFORE.put(subject, DatabaseSnapshot.of(subject.observer().dataSource()));
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      for (SeededServices.Subject subject : subjects) {
        assertThat(DatabaseSnapshot.of(subject.observer().dataSource()))
            .as("the %s database after the hostile requests", subject.database())
            .isEqualTo(BEFORE.get(subject));
      }
      int sent = STATUSES.values().stream().mapToInt(AtomicInteger::get).sum();
      System.out.println(
          "Hostile input: "
              + sent
              + " requests over "
              + subjects.stream().map(SeededServices.Subject::database).toList()
              + ", statuses "
              + new TreeMap<>(STATUSES)
              + ", databases unchanged");
    } finally {
      SeededServices.closeAll(subjects);
      BEFORE.clear();
    }
  }

  /** One request: method, path and query, headers, body bytes. */
  record Hostile(String method, String path, List<String> headers, byte[] body) {
    @Override
    public String toString() {
      String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return method + " " + path + " " + headers + " (" + body.length + " bytes) " + shown;
    }
  }

  @Property(tries = REQUESTS)
  void everyHostileRequestGetsA4xxJsonErrorAndChangesNothing(@ForAll("requests") Hostile request)
      throws Exception {
    for (SeededServices.Subject subject : subjects) {
      HttpResponse<String> response =
          SeededServices.send(
              subject.application(),
              request.method(),
              request.path(),
              request.headers(),
              request.body());
      STATUSES
          .computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
          .incrementAndGet();
      String seen = subject.database() + ": " + request;

      assertThat(response.statusCode()).as(seen).isBetween(400, 499);
      JsonNode body = JSON.readTree(response.body());
      assertThat(
              body.isObject()
                  && body.size() == 2
                  && body.path("code").isTextual()
                  && body.path("message").isTextual())
          .as(seen + " -> " + response.body())
          .isTrue();
      assertThat(response.body())
          .doesNotContain("Exception")
          .doesNotContain("SQL")
          .doesNotContain("java.");
    }
  }

  // --- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<Hostile> requests() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, unauthenticated()),
        net.jqwik.api.Tuple.of(4, badPatches()),
        net.jqwik.api.Tuple.of(2, hostileIds()),
        net.jqwik.api.Tuple.of(2, badLists()),
        net.jqwik.api.Tuple.of(3, badPublic()),
        net.jqwik.api.Tuple.of(1, unknownRoutes()));
  }

  private static final List<String> MERCHANT_PATHS =
      List.of(
          "/license_keys",
          "/license_keys/" + REAL_KEY,
          "/license_key_instances",
          "/license_key_instances/lki_x");

  /** Merchant routes with a missing, malformed or wrong API key: 401 whatever the rest. */
  private Arbitrary<Hostile> unauthenticated() {
    Arbitrary<List<String>> authorization =
        Arbitraries.oneOf(
            Arbitraries.just(List.of()),
            Arbitraries.of(
                    "Bearer",
                    "Bearer ",
                    "Basic " + SECRET,
                    "bearer wrong",
                    "Bearer " + SECRET + "x",
                    "Bearer ' OR '1'='1",
                    "Token " + SECRET)
                .map(value -> List.of("Authorization", value)),
            hostileText()
                .filter(text -> text.chars().allMatch(c -> c >= 0x21 && c < 0x7f))
                .map(text -> List.of("Authorization", "Bearer " + text)));
    return Combinators.combine(
            Arbitraries.of(MERCHANT_PATHS),
            Arbitraries.of("GET", "PATCH", "POST"),
            authorization,
            bodies())
        .as(
            (path, method, auth, body) -> {
              String method2 = path.endsWith("s") && method.equals("PATCH") ? "GET" : method;
              String method3 = !path.endsWith("s") && method2.equals("POST") ? "GET" : method2;
              return new Hostile(method3, path, withJson(auth), body);
            });
  }

  /** PATCH with bodies that are always wrong, on a real key: 400, 413, 415 or 422. */
  private Arbitrary<Hostile> badPatches() {
    return Combinators.combine(
            Arbitraries.of("/license_keys/" + REAL_KEY, "/license_key_instances/lki_x"),
            badBodies(),
            contentTypes())
        .as((path, body, type) -> new Hostile("PATCH", path, authed(type), body));
  }

  /** Hostile text where an id goes: 404, or 400/422 for the body first. */
  private Arbitrary<Hostile> hostileIds() {
    return Combinators.combine(
            Arbitraries.of("/license_keys/", "/license_key_instances/"),
            hostileText().filter(text -> !text.isEmpty()),
            Arbitraries.of("GET", "PATCH"),
            bodies())
        .as(
            (prefix, id, method, body) ->
                new Hostile(
                    method,
                    prefix + encode(id),
                    authed(List.of("Content-Type", "application/json")),
                    body));
  }

  /** Lists with at least one bad parameter, and hostile text in the others: 422. */
  private Arbitrary<Hostile> badLists() {
    Arbitrary<String> badPage =
        Arbitraries.of(
            "page_size=-1",
            "page_size=101",
            "page_size=abc",
            "page_number=-3",
            "page_size=99999999999",
            "page_size=1e3",
            "page_size=");
    Arbitrary<String> badFilter =
        Arbitraries.of(
            "status=deleted",
            "source=stolen",
            "created_at_gte=yesterday",
            "status=active&status=expired");
    Arbitrary<Hostile> keys =
        Combinators.combine(Arbitraries.oneOf(badPage, badFilter), hostileText())
            .as(
                (bad, text) ->
                    new Hostile(
                        "GET",
                        "/license_keys?"
                            + bad
                            + "&customer_id="
                            + encode(text)
                            + "&product_id="
                            + encode(text),
                        authed(List.of()),
                        new byte[0]));
    Arbitrary<Hostile> instances =
        Combinators.combine(badPage, hostileText())
            .as(
                (bad, text) ->
                    new Hostile(
                        "GET",
                        "/license_key_instances?" + bad + "&license_key_id=" + encode(text),
                        authed(List.of()),
                        new byte[0]));
    return Arbitraries.oneOf(keys, instances);
  }

  /**
   * Public routes with bodies that are wrong, or keys that do not exist: 400, 404, 413, 415, 422.
   */
  private Arbitrary<Hostile> badPublic() {
    Arbitrary<Hostile> malformed =
        Combinators.combine(
                Arbitraries.of("/licenses/activate", "/licenses/deactivate", "/licenses/validate"),
                badBodies(),
                contentTypes())
            .as((path, body, type) -> new Hostile("POST", path, type, body));
    Arbitrary<Hostile> unknownKeys =
        Combinators.combine(
                Arbitraries.of("/licenses/activate", "/licenses/deactivate"),
                hostileText().filter(t -> !t.isBlank() && t.length() <= 255 && t.indexOf('\0') < 0))
            .as(
                (path, key) -> {
                  String body =
                      path.endsWith("activate") && !path.endsWith("deactivate")
                          ? "{\"license_key\":" + quote(key) + ",\"name\":\"m\"}"
                          : "{\"license_key\":"
                              + quote(key)
                              + ",\"license_key_instance_id\":\"lki_x\"}";
                  return new Hostile(
                      "POST",
                      path,
                      List.of(
                          "Content-Type", "application/json", "Authorization", "Bearer anything"),
                      body.getBytes(StandardCharsets.UTF_8));
                });
    return Arbitraries.oneOf(malformed, unknownKeys);
  }

  private Arbitrary<Hostile> unknownRoutes() {
    return Combinators.combine(
            Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH"), hostileText())
        .as(
            (method, text) ->
                new Hostile(method, "/" + encode(text) + "/x", List.of(), new byte[0]))
        .filter(
            request ->
                !request.path().startsWith("/license")
                    && !request.path().startsWith("/health")
                    && !request.path().startsWith("/metrics")
                    && !request.path().startsWith("/openapi"));
  }

  private static List<String> authed(List<String> more) {
    java.util.List<String> headers =
        new java.util.ArrayList<>(List.of("Authorization", "Bearer " + SECRET));
    headers.addAll(more);
    return headers;
  }

  private static List<String> withJson(List<String> headers) {
    java.util.List<String> all = new java.util.ArrayList<>(headers);
    all.addAll(List.of("Content-Type", "application/json"));
    return all;
  }

  private Arbitrary<List<String>> contentTypes() {
    return Arbitraries.of(
        List.of("Content-Type", "application/json"),
        List.of("Content-Type", "application/json; charset=utf-8"),
        List.of("Content-Type", "application/merge-patch+json"),
        List.of("Content-Type", "text/plain"),
        List.of("Content-Type", "application/x-www-form-urlencoded"),
        List.of("Content-Type", "application/json", "X-Request-Id", "../../etc/passwd"),
        List.of());
  }

  /** Any body, sometimes even a valid one: only for requests that fail for another reason. */
  private Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        badBodies(),
        Arbitraries.of("{}", "{\"disabled\":true}", "{\"name\":\"x\"}")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Bodies no route accepts. */
  private Arbitrary<byte[]> badBodies() {
    Arbitrary<String> fieldName =
        Arbitraries.of(
            "activations_limit",
            "disabled",
            "expires_at",
            "name",
            "license_key",
            "license_key_instance_id",
            "key",
            "customer_id");
    Arbitrary<String> wrongValue =
        Arbitraries.of(
            "\"5\"",
            "5.5",
            "1e3",
            "-1",
            "2147483648",
            "99999999999999999999999999999999",
            "true",
            "[]",
            "{}",
            "\"\"",
            "\"   \"",
            "\"2030-01-01T00:00:00\"",
            "\"\\u0000\"",
            "1.0E400",
            "-0.0");
    Arbitrary<String> wrongField =
        Combinators.combine(fieldName, wrongValue)
            .as((name, value) -> "{\"" + name + "\":" + value + ",\"unknown_" + name + "\":1}");
    Arbitrary<String> duplicate = fieldName.map(name -> "{\"" + name + "\":1,\"" + name + "\":2}");
    Arbitrary<String> nested =
        Arbitraries.integers()
            .between(1_001, 5_000)
            .map(depth -> "[".repeat(depth) + "]".repeat(depth));
    Arbitrary<String> nestedObject =
        Arbitraries.integers()
            .between(1_001, 3_000)
            .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    Arbitrary<String> longName =
        Arbitraries.integers()
            .between(256, 5_000)
            .map(
                n ->
                    "{\"name\":\""
                        + "n".repeat(n)
                        + "\",\"license_key\":\""
                        + "k".repeat(n)
                        + "\"}");
    Arbitrary<String> malformed =
        Arbitraries.of(
            "",
            "{",
            "}",
            "null",
            "[1,2",
            "{\"a\" 1}",
            "{'a':1}",
            "NaN",
            "{\"name\":\"x\"} trailing",
            "\u0000",
            "{\"name\":\"x\"}\u0000");
    Arbitrary<String> arbitrary =
        Arbitraries.strings().ofMaxLength(300).filter(s -> !s.strip().startsWith("{"));
    Arbitrary<byte[]> text =
        Arbitraries.oneOf(
                wrongField, duplicate, nested, nestedObject, longName, malformed, arbitrary)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> invalidUtf8 =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(200)
            .map(
                bytes -> {
                  byte[] body = new byte[bytes.length + 12];
                  System.arraycopy("{\"name\":\"".getBytes(StandardCharsets.UTF_8), 0, body, 0, 9);
                  System.arraycopy(bytes, 0, body, 9, bytes.length);
                  body[9] = (byte) 0xC3;
                  body[10] = (byte) 0x28;
                  body[body.length - 3] = '"';
                  body[body.length - 2] = '}';
                  body[body.length - 1] = ' ';
                  return body;
                });
    Arbitrary<byte[]> oversized =
        Arbitraries.integers()
            .between(64 * 1024 + 1, 200 * 1024)
            .map(n -> ("{\"name\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, text),
        net.jqwik.api.Tuple.of(2, invalidUtf8),
        net.jqwik.api.Tuple.of(1, oversized));
  }

  private Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "' OR '1'='1",
            "1; DROP TABLE license_keys;--",
            "\" OR \"\"=\"",
            "lic_' UNION SELECT * FROM api_keys--",
            "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "\u0000",
            "lic_\u0000",
            "${jndi:ldap://x/a}",
            "<script>alert(1)</script>",
            "lic_aaaaaaaaaaaaaaaaaaaaa",
            "lki_",
            " ",
            "null",
            "😀",
            "\\",
            "%",
            "{id}"),
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(300).ofMaxLength(3_000));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
