package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.Product;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real service on a random port, driven over HTTP as a Dodo client would drive it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndContract {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern ETAG_FREE = Pattern.compile("\"version\"");

  protected final HttpClient client = HttpClient.newHttpClient();
  protected Application application;
  protected OpenApiDocument openApi;
  protected String secret;
  protected String otherSecret;
  protected final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  protected final ByteArrayOutputStream accessLogged = new ByteArrayOutputStream();

  /** The configuration of a service on an empty database, on port 0. */
  protected abstract Configuration configuration();

  @BeforeAll
  void start() {
    application =
        Application.start(
            configuration(),
            Clock.systemUTC(),
            new PrintStream(printed, true),
            new PrintStream(accessLogged, true));
    secret = apiKey("bus_e2e", "key_e2e_" + System.nanoTime());
    otherSecret = apiKey("bus_other", "key_other_" + System.nanoTime());
    var adapters = application.adapters();
    adapters.customers().put(new Customer("cus_1", "bus_e2e", "Ada", "ada@example.com"));
    adapters.products().put(new Product("pdt_1", "bus_e2e", "brnd_1", Option.some("App")));
    try {
      HttpResponse<String> document =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + application.port() + "/openapi.yaml"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(document.statusCode()).isEqualTo(200);
      openApi = new OpenApiDocument(document.body());
    } catch (Exception e) {
      throw new IllegalStateException("could not read the served OpenAPI document", e);
    }
  }

  @AfterAll
  void stop() {
    application.close();
  }

  private String apiKey(String business, String id) {
    String value = "secret-" + id;
    application
        .adapters()
        .apiKeys()
        .add(
            ApiKey.issued(
                id, business, Option.none(), "e2e", ApiKey.hashSecret(value), Instant.now()));
    return value;
  }

  protected HttpResponse<String> call(
      String method, String path, String body, String bearer, String... headers) throws Exception {
    HttpResponse<String> response =
        new Client(client, application.port(), bearer).send(method, path, body, headers);
    openApi.check(method, path, response);
    return response;
  }

  protected String importKey(String keyString, String limit) throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/license_keys",
            "{\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"key\":\""
                + keyString
                + "\",\"activations_limit\":"
                + limit
                + "}",
            secret);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return id(created.body());
  }

  protected static String id(String json) {
    Matcher matcher = ID.matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return matcher.group(1);
  }

  /** A public activation of {@code keyString}, as a customer's software sends it. */
  protected HttpResponse<String> activate(String keyString, String name) throws Exception {
    return call(
        "POST",
        "/licenses/activate",
        "{\"license_key\":\"" + keyString + "\",\"name\":\"" + name + "\"}",
        null);
  }

  private String unique(String prefix) {
    return prefix + "-" + System.nanoTime();
  }

  @Test
  void importPatchInEveryStateAndGet() throws Exception {
    String keyString = unique("E2E");
    String id = importKey(keyString, "2");

    HttpResponse<String> setBoth =
        call(
            "PATCH",
            "/license_keys/" + id,
            "{\"activations_limit\":5,\"expires_at\":\"2031-02-03T04:05:06.789Z\"}",
            secret);
    assertThat(setBoth.statusCode()).isEqualTo(200);
    assertThat(setBoth.body())
        .contains("\"activations_limit\":5")
        .contains("\"expires_at\":\"2031-02-03T04:05:06.789Z\"")
        .contains("\"source\":\"import\"")
        .contains("\"payment_id\":null");
    assertThat(setBoth.headers().firstValue("ETag")).contains("\"2\"");

    HttpResponse<String> absent = call("PATCH", "/license_keys/" + id, "{}", secret);
    assertThat(absent.body()).isEqualTo(setBoth.body());
    assertThat(absent.headers().firstValue("ETag")).contains("\"2\"");

    HttpResponse<String> cleared =
        call(
            "PATCH",
            "/license_keys/" + id,
            "{\"activations_limit\":null,\"expires_at\":null,\"disabled\":null}",
            secret);
    assertThat(cleared.body())
        .contains("\"activations_limit\":null")
        .contains("\"expires_at\":null")
        .contains("\"status\":\"active\"");

    HttpResponse<String> disabled =
        call("PATCH", "/license_keys/" + id, "{\"disabled\":true}", secret);
    assertThat(disabled.body()).contains("\"status\":\"disabled\"");

    HttpResponse<String> got = call("GET", "/license_keys/" + id, null, secret);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(disabled.body());
    assertThat(ETAG_FREE.matcher(got.body()).find()).isFalse();
  }

  @Test
  void anExpiryOutsideTheYearsKeptIsRefusedAndChangesNothing() throws Exception {
    String id = importKey(unique("YEARS"), "null");
    String before = call("GET", "/license_keys/" + id, null, secret).body();

    // java.time reads these; PostgreSQL could not store the first (it answered 500).
    for (String expiry :
        new String[] {
          "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2031-01-01T00:00Z"
        }) {
      HttpResponse<String> patched =
          call("PATCH", "/license_keys/" + id, "{\"expires_at\":\"" + expiry + "\"}", secret);
      assertThat(patched.statusCode()).as(expiry).isEqualTo(422);
      assertThat(patched.body()).as(expiry).contains("expires_at: must be an RFC 3339 date-time");
    }
    HttpResponse<String> listed =
        call("GET", "/license_keys?created_at_gte=%2B999999999-01-01T00:00:00Z", null, secret);

    assertThat(listed.statusCode()).isEqualTo(422);
    assertThat(call("GET", "/license_keys/" + id, null, secret).body()).isEqualTo(before);
  }

  @Test
  void aLeapSecondIsRefusedAsOneAndChangesNothing() throws Exception {
    String id = importKey(unique("LEAP"), "null");
    String before = call("GET", "/license_keys/" + id, null, secret).body();

    HttpResponse<String> patched =
        call("PATCH", "/license_keys/" + id, "{\"expires_at\":\"2016-12-31T23:59:60Z\"}", secret);
    HttpResponse<String> listed =
        call("GET", "/license_keys?created_at_lte=2016-12-31T23:59:60Z", null, secret);

    assertThat(patched.statusCode()).isEqualTo(422);
    assertThat(patched.body())
        .contains("INVALID_REQUEST_BODY")
        .contains("expires_at: must not be a leap second (:60)");
    assertThat(listed.statusCode()).isEqualTo(422);
    assertThat(listed.body())
        .contains("INVALID_QUERY_PARAMS")
        .contains("created_at_lte: must not be a leap second (:60)");
    assertThat(call("GET", "/license_keys/" + id, null, secret).body()).isEqualTo(before);
  }

  @Test
  void theFirstAndLastExpiryOfTheYearsKeptAreStoredAsSent() throws Exception {
    String id = importKey(unique("EDGES"), "null");

    for (String expiry : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
      HttpResponse<String> patched =
          call("PATCH", "/license_keys/" + id, "{\"expires_at\":\"" + expiry + "\"}", secret);

      assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
      assertThat(call("GET", "/license_keys/" + id, null, secret).body())
          .contains("\"expires_at\":\"" + expiry + "\"");
    }
  }

  @Test
  void aStaleIfMatchIsRefusedAndChangesNothing() throws Exception {
    String id = importKey(unique("ETAG"), "null");
    call("PATCH", "/license_keys/" + id, "{\"disabled\":true}", secret);

    HttpResponse<String> stale =
        call("PATCH", "/license_keys/" + id, "{\"disabled\":false}", secret, "If-Match", "\"1\"");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(call("GET", "/license_keys/" + id, null, secret).body())
        .contains("\"status\":\"disabled\"");
  }

  @Test
  void aKeyStringIsImportedOnceAndNeedsItsCustomerAndProduct() throws Exception {
    String keyString = unique("ONCE");
    importKey(keyString, "1");

    HttpResponse<String> again =
        call(
            "POST",
            "/license_keys",
            "{\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"key\":\"" + keyString + "\"}",
            secret);
    HttpResponse<String> noCustomer =
        call(
            "POST",
            "/license_keys",
            "{\"customer_id\":\"cus_x\",\"product_id\":\"pdt_1\",\"key\":\"" + unique("X") + "\"}",
            secret);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("LICENSE_KEY_ALREADY_EXISTS").doesNotContain(keyString);
    assertThat(noCustomer.statusCode()).isEqualTo(404);
  }

  @Test
  void activateValidateDeactivateUpToTheLimit() throws Exception {
    String keyString = unique("SEATS");
    String id = importKey(keyString, "1");

    HttpResponse<String> first = activate(keyString, "laptop");
    HttpResponse<String> second = activate(keyString, "desktop");
    String instanceId = id(first.body());

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body())
        .contains(
            "\"customer\":{\"customer_id\":\"cus_1\",\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(second.body()).contains("LICENSE_KEY_LIMIT_REACHED");
    assertThat(
            call(
                    "POST",
                    "/licenses/validate",
                    "{\"license_key\":\""
                        + keyString
                        + "\",\"license_key_instance_id\":\""
                        + instanceId
                        + "\"}",
                    null)
                .body())
        .isEqualTo("{\"valid\":true}");
    assertThat(call("GET", "/license_keys/" + id, null, secret).body())
        .contains("\"instances_count\":1");

    HttpResponse<String> limitBelow =
        call("PATCH", "/license_keys/" + id, "{\"activations_limit\":0}", secret);
    assertThat(limitBelow.statusCode()).isEqualTo(422);
    assertThat(limitBelow.body()).contains("ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT");

    HttpResponse<String> released =
        call(
            "POST",
            "/licenses/deactivate",
            "{\"license_key\":\""
                + keyString
                + "\",\"license_key_instance_id\":\""
                + instanceId
                + "\"}",
            null);
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(released.body()).isEmpty();
    assertThat(
            call(
                    "POST",
                    "/licenses/validate",
                    "{\"license_key\":\""
                        + keyString
                        + "\",\"license_key_instance_id\":\""
                        + instanceId
                        + "\"}",
                    null)
                .body())
        .isEqualTo("{\"valid\":false}");
    HttpResponse<String> again =
        call(
            "POST",
            "/licenses/deactivate",
            "{\"license_key\":\""
                + keyString
                + "\",\"license_key_instance_id\":\""
                + instanceId
                + "\"}",
            null);
    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("LICENSE_KEY_NOT_FOUND");
  }

  @Test
  void instancesCanBeReadRenamedAndListed() throws Exception {
    String keyString = unique("INST");
    String keyId = importKey(keyString, "null");
    String instanceId = id(activate(keyString, "old").body());

    HttpResponse<String> renamed =
        call("PATCH", "/license_key_instances/" + instanceId, "{\"name\":\"new\"}", secret);
    HttpResponse<String> listed =
        call("GET", "/license_key_instances?license_key_id=" + keyId, null, secret);

    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(renamed.body()).contains("\"name\":\"new\"");
    assertThat(call("GET", "/license_key_instances/" + instanceId, null, secret).body())
        .isEqualTo(renamed.body());
    assertThat(listed.body()).isEqualTo("{\"items\":[" + renamed.body() + "]}");
  }

  @Test
  void aNameNoDatabaseCanStoreAsSentIsRefusedAndChangesNothing() throws Exception {
    String keyString = unique("TEXT");
    String keyId = importKey(keyString, "null");
    String instanceId = id(activate(keyString, "kept").body());
    String before = call("GET", "/license_key_instances/" + instanceId, null, secret).body();

    // An unpaired surrogate has no UTF-8 form: PostgreSQL stored it as '?' after answering 201.
    HttpResponse<String> activated = activate(keyString, "a\\ud800b");
    HttpResponse<String> renamed =
        call("PATCH", "/license_key_instances/" + instanceId, "{\"name\":\"a\\ud800b\"}", secret);

    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(422);
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(422);
    assertThat(call("GET", "/license_key_instances?license_key_id=" + keyId, null, secret).body())
        .isEqualTo("{\"items\":[" + before + "]}");
  }

  @Test
  void anIdNoKeyOrInstanceCanHaveIsNotFound() throws Exception {
    // NUL reached PostgreSQL, which refuses it in text: these answered 500.
    HttpResponse<String> key = call("GET", "/license_keys/lic%00abc", null, secret);
    HttpResponse<String> patched = call("PATCH", "/license_keys/lic%00abc", "{}", secret);
    HttpResponse<String> instance = call("GET", "/license_key_instances/lki%00abc", null, secret);
    HttpResponse<String> renamed =
        call("PATCH", "/license_key_instances/lki%00abc", "{\"name\":\"n\"}", secret);

    for (HttpResponse<String> response : List.of(key, patched, instance, renamed)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
      assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }
  }

  @Test
  void listsArePagedAndFilteredNewestFirst() throws Exception {
    String first = importKey(unique("PAGE"), "null");
    String second = importKey(unique("PAGE"), "null");
    call("PATCH", "/license_keys/" + first, "{\"disabled\":true}", secret);

    String page0 = call("GET", "/license_keys?page_size=1&page_number=0", null, secret).body();
    String disabled =
        call("GET", "/license_keys?status=disabled&page_size=100", null, secret).body();
    String tooBig = call("GET", "/license_keys?page_size=101", null, secret).body();
    String lastPage =
        call("GET", "/license_keys?page_size=100&page_number=2147483647", null, secret).body();

    assertThat(page0).contains(second).doesNotContain(first);
    assertThat(disabled).contains(first).doesNotContain(second);
    assertThat(tooBig).contains("INVALID_QUERY_PARAMS").contains("page_size");
    assertThat(lastPage).isEqualTo("{\"items\":[]}");
  }

  @Test
  void anotherBusinessSeesNothingAndNoKeySeesNothing() throws Exception {
    String keyString = unique("MINE");
    String id = importKey(keyString, "null");

    assertThat(call("GET", "/license_keys/" + id, null, otherSecret).statusCode()).isEqualTo(404);
    assertThat(
            call("PATCH", "/license_keys/" + id, "{\"disabled\":true}", otherSecret).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/license_keys?page_size=100", null, otherSecret).body())
        .doesNotContain(id);
    assertThat(call("GET", "/license_keys/" + id, null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/license_keys/" + id, null, "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void theAccessLogHasALinePerRequestAndNeverASecretOrKeyString() throws Exception {
    String keyString = unique("LOGGED");
    String id = importKey(keyString, "2");
    call("PATCH", "/license_keys/" + id, "{\"disabled\":false}", secret, "X-Request-Id", "patch-1");
    activate(keyString, "m");
    for (int wait = 0;
        wait < 100 && !accessLogged.toString().contains("/licenses/activate");
        wait++) {
      Thread.sleep(20);
    }

    String log = accessLogged.toString();
    assertThat(log)
        .contains(
            "\"request_id\":\"patch-1\",\"method\":\"PATCH\",\"route\":\"/license_keys/{id}\",\"status\":200");
    assertThat(log).contains("\"route\":\"/licenses/activate\",\"status\":201");
    assertThat(log).doesNotContain(secret).doesNotContain(keyString);
    assertThat(printed.toString()).doesNotContain(keyString);
  }

  @Test
  void healthAndMetricsAnswerWithoutAnApiKey() throws Exception {
    String keyString = unique("METRIC");
    importKey(keyString, "1");
    activate(keyString, "m");

    assertThat(call("GET", "/health/live", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(call("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
    String metrics = call("GET", "/metrics", null, null).body();
    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/licenses/activate\",status=\"201\"}")
        .contains("http_server_requests_seconds_bucket")
        .contains("license_keys_activations_total{outcome=\"done\"}")
        .contains("hikaricp_connections_active");
  }

  @Test
  void aRetriedActivationWithItsIdempotencyKeyTakesOneSeat() throws Exception {
    String keyString = unique("IDEM");
    String id = importKey(keyString, "5");
    String body = "{\"license_key\":\"" + keyString + "\",\"name\":\"m\"}";
    String idempotencyKey = unique("attempt");

    HttpResponse<String> first =
        call("POST", "/licenses/activate", body, null, "Idempotency-Key", idempotencyKey);
    HttpResponse<String> retry =
        call("POST", "/licenses/activate", body, null, "Idempotency-Key", idempotencyKey);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(call("GET", "/license_keys/" + id, null, secret).body())
        .contains("\"instances_count\":1");

    String importBody =
        "{\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"key\":\""
            + unique("IDEM-IMPORT")
            + "\"}";
    HttpResponse<String> created =
        call("POST", "/license_keys", importBody, secret, "Idempotency-Key", idempotencyKey);
    HttpResponse<String> again =
        call("POST", "/license_keys", importBody, secret, "Idempotency-Key", idempotencyKey);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(created.body());
  }
}
