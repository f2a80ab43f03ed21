package dev.licensekeys.http;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.DeactivateLicenseCommand;
import dev.licensekeys.domain.port.in.ImportLicenseKeyCommand;
import dev.licensekeys.domain.port.in.RenameLicenseKeyInstanceCommand;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.domain.port.in.ValidateLicenseCommand;
import dev.licensekeys.domain.port.out.IdempotencyRecords;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The routes of SPEC section 5, over the domain's use cases. */
public final class HttpApi {

  private static final Logger LOG = Logger.getLogger(HttpApi.class.getName());

  // RFC 9110: a server answers HEAD wherever it answers GET; Exchange#send leaves out the body.
  private static final Predicate<Method> GET_OR_HEAD = Method.predicate(Method.GET, Method.HEAD);
  // No method named: Helidon's predicate for any method, as its any() routes use.
  private static final Predicate<Method> ANY_METHOD = Method.predicate();
  private static final PathMatcher LICENSE_KEY = IdPath.under("/license_keys/");
  private static final PathMatcher INSTANCE = IdPath.under("/license_key_instances/");

  private final UseCases useCases;
  private final Authenticator authenticator;
  private final RequestDecoder decoder;
  private final Clock clock;
  private final byte[] openApi;
  private final Operations operations;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean stopping =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final IdempotencyRecords idempotency;

  public HttpApi(
      UseCases useCases,
      Authenticator authenticator,
      Clock clock,
      Operations operations,
      IdempotencyRecords idempotency,
      RequestDecoder decoder) {
    this.idempotency = idempotency;
    this.decoder = decoder;
    this.useCases = useCases;
    this.authenticator = authenticator;
    this.clock = clock;
    this.operations = operations;
    this.openApi = loadOpenApi();
  }

  public void register(HttpRouting.Builder routing) {
    routing
        .addFilter(new AccessLog(operations, clock, inFlight, stopping::get))
        .route(
            GET_OR_HEAD,
            at("/health/live"),
            (req, res) -> new Exchange(req, res).json(200, health(true)))
        .any("/health/live", methodNotAllowed("GET, HEAD"))
        .route(
            GET_OR_HEAD,
            at("/health/ready"),
            (req, res) -> {
              boolean ready = operations.ready().getAsBoolean();
              new Exchange(req, res).json(ready ? 200 : 503, health(ready));
            })
        .any("/health/ready", methodNotAllowed("GET, HEAD"))
        .route(GET_OR_HEAD, at("/metrics"), this::serveMetrics)
        .any("/metrics", methodNotAllowed("GET, HEAD"))
        .route(Method.PATCH, LICENSE_KEY, authenticated(this::updateLicenseKey))
        .route(GET_OR_HEAD, LICENSE_KEY, authenticated(this::getLicenseKey))
        .route(GET_OR_HEAD, at("/license_keys"), authenticated(this::listLicenseKeys))
        .post("/license_keys", authenticated(this::importLicenseKey))
        .route(ANY_METHOD, LICENSE_KEY, methodNotAllowed("GET, HEAD, PATCH"))
        .any("/license_keys", methodNotAllowed("GET, HEAD, POST"))
        .route(GET_OR_HEAD, INSTANCE, authenticated(this::getInstance))
        .route(Method.PATCH, INSTANCE, authenticated(this::renameInstance))
        .route(GET_OR_HEAD, at("/license_key_instances"), authenticated(this::listInstances))
        .route(ANY_METHOD, INSTANCE, methodNotAllowed("GET, HEAD, PATCH"))
        .any("/license_key_instances", methodNotAllowed("GET, HEAD"))
        .post("/licenses/activate", open(this::activate))
        .post("/licenses/deactivate", open(this::deactivate))
        .post("/licenses/validate", open(this::validate))
        .any("/licenses/activate", methodNotAllowed("POST"))
        .any("/licenses/deactivate", methodNotAllowed("POST"))
        .any("/licenses/validate", methodNotAllowed("POST"))
        .route(GET_OR_HEAD, at("/openapi.yaml"), this::serveOpenApi)
        .any("/openapi.yaml", methodNotAllowed("GET, HEAD"))
        .any((req, res) -> new Exchange(req, res).fail(HttpError.notFound()))
        .error(Throwable.class, this::failed);
  }

  private static PathMatcher at(String pathPattern) {
    return PathMatchers.create(pathPattern);
  }

  /**
   * Starts a graceful stop: from now on requests are answered 503 with Retry-After, while those
   * already running finish (see {@link #awaitIdle}); then the server can stop.
   */
  public void beginStop() {
    stopping.set(true);
  }

  /**
   * Waits until no request is being handled, or {@code timeout} has passed: after the server has
   * stopped taking connections, so that the requests it took finish before the database closes.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietChecks = 0;
    // Idle for 100 ms in a row: a request already read from a connection may not have reached
    // the routes yet when the first check runs.
    while (quietChecks < 10) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      quietChecks = inFlight.get() == 0 ? quietChecks + 1 : 0;
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * What a server needs from this API besides its routes: its own refusals answered like the API's
   * errors ({@link ServerRefusals}), HTTP/1.1 as {@link #http1} sets it, deadlines for a client to
   * send each request and take each answer ({@link SlowRequests}), and no more connections than the
   * process has files for ({@link ConnectionCap}).
   *
   * <p>HTTP/1.1 is the only protocol, not also found on the class path: with a second candidate
   * Helidon first sorts each connection by its first line, and closes one it cannot sort (HTTP/1.0,
   * a mangled version) without a word; with one, that line reaches the HTTP/1.1 parser, which
   * answers 505 or 400.
   */
  public WebServerConfig.Builder configure(WebServerConfig.Builder server) {
    return configure(server, SlowRequests.DEFAULT_DEADLINE);
  }

  WebServerConfig.Builder configure(WebServerConfig.Builder server, Duration requestDeadline) {
    SlowRequests slowRequests = new SlowRequests(requestDeadline, operations.observer());
    Http1ConnectionSelector http1 =
        Http1ConnectionSelector.builder().config(http1(slowRequests)).build();
    return server
        .directHandlers(directHandlers())
        // Lets ServerRefusals hear why Helidon refused a request, which it never repeats.
        .errorHandling(ErrorHandling.builder().includeEntity(true).build())
        .protocolsDiscoverServices(false)
        .addConnectionSelector(slowRequests.around(http1))
        .maxTcpConnections(ConnectionCap.ofThisProcess());
  }

  /**
   * HTTP/1.1 with requests' headers checked, as Helidon does by default, and responses' not: every
   * header value this API sets is its own (constants, numbers, and a request id that passed {@link
   * AccessLog}'s token check), and checking them cost each PATCH 0.37 µs of CPU, about 1%
   * (docs/BENCHMARKS.md, change 34). {@code slowRequests} hears where each request is.
   */
  private static Http1Config http1(SlowRequests slowRequests) {
    return Http1Config.builder()
        .maxHeadersSize(MAX_HEADERS_BYTES)
        .validateRequestHeaders(true)
        .validateResponseHeaders(false)
        .addReceiveListener(slowRequests.receiving())
        .addSendListener(slowRequests.sending())
        .build();
  }

  private DirectHandlers directHandlers() {
    DirectHandler refusals = new ServerRefusals(stopping::get, operations.observer());
    DirectHandlers.Builder builder = DirectHandlers.builder();
    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
      builder.addHandler(type, refusals);
    }
    return builder.build();
  }

  /** All of a request's headers together, at most: Helidon's default, named for the refusal. */
  static final int MAX_HEADERS_BYTES = 16_384;

  /** Seconds a client should wait before retrying when the database is away. */
  static final String RETRY_AFTER_SECONDS = "2";

  private void failed(ServerRequest req, ServerResponse res, Throwable error) {
    Exchange exchange = new Exchange(req, res);
    if (operations.unavailable().test(error)) {
      LOG.warning(
          "database unavailable: " + req.prologue().method().text() + " " + RouteTemplates.of(req));
      exchange.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
      exchange.fail(HttpError.unavailable());
      return;
    }
    LOG.log(
        Level.SEVERE,
        "request failed: " + req.prologue().method().text() + " " + RouteTemplates.of(req),
        error);
    exchange.fail(HttpError.internal());
  }

  private void updateLicenseKey(Exchange exchange, Caller caller) {
    Option<Option<Long>> expected = IfMatch.parse(exchange.list(HeaderNames.IF_MATCH));
    if (expected.isEmpty()) {
      exchange.fail(
          new HttpError(412, "PRECONDITION_FAILED", "If-Match must be an ETag this API gave"));
      return;
    }
    Option<Long> expectedVersion = expected.get();
    respond(
        exchange,
        exchange
            .body(Exchange.JSON_OR_MERGE_PATCH)
            .flatMap(decoder::patch)
            .flatMap(
                patch ->
                    useCases
                        .updateLicenseKey()
                        .update(
                            new UpdateLicenseKeyCommand(
                                caller, exchange.pathParameter("id"), patch, expectedVersion))
                        .mapLeft(ErrorMapping::toHttp)),
        key -> sendKey(exchange, 200, key));
  }

  private void getLicenseKey(Exchange exchange, Caller caller) {
    respond(
        exchange,
        useCases
            .getLicenseKey()
            .get(caller, exchange.pathParameter("id"))
            .mapLeft(ErrorMapping::toHttp),
        key -> sendKey(exchange, 200, key));
  }

  private void listLicenseKeys(Exchange exchange, Caller caller) {
    respond(
        exchange,
        QueryParameters.licenseKeys(exchange::query, caller)
            .flatMap(query -> useCases.listLicenseKeys().list(query).mapLeft(ErrorMapping::toHttp)),
        keys -> exchange.json(200, Responses.licenseKeys(keys, clock.instant())));
  }

  private void importLicenseKey(Exchange exchange, Caller caller) {
    idempotent(
        exchange,
        decoder::importKey,
        request -> "business:" + caller.businessId(),
        request ->
            useCases
                .importLicenseKey()
                .importKey(
                    new ImportLicenseKeyCommand(
                        caller,
                        request.customerId(),
                        request.productId(),
                        request.key(),
                        Option.of(request.activationsLimit()),
                        Option.of(request.expiresAt()).map(OffsetDateTime::toInstant)))
                .mapLeft(ErrorMapping::toHttp)
                .map(
                    key ->
                        new Answer(
                            201,
                            Responses.licenseKey(key, clock.instant()),
                            Option.some(IfMatch.etag(key.version())))));
  }

  private void getInstance(Exchange exchange, Caller caller) {
    respond(
        exchange,
        useCases
            .getInstance()
            .get(caller, exchange.pathParameter("id"))
            .mapLeft(ErrorMapping::toHttp),
        instance -> exchange.json(200, Responses.instance(instance)));
  }

  private void renameInstance(Exchange exchange, Caller caller) {
    respond(
        exchange,
        exchange
            .body(Exchange.JSON_OR_MERGE_PATCH)
            .flatMap(decoder::rename)
            .flatMap(
                request ->
                    useCases
                        .renameInstance()
                        .rename(
                            new RenameLicenseKeyInstanceCommand(
                                caller, exchange.pathParameter("id"), request.name()))
                        .mapLeft(ErrorMapping::toHttp)),
        instance -> exchange.json(200, Responses.instance(instance)));
  }

  private void listInstances(Exchange exchange, Caller caller) {
    respond(
        exchange,
        QueryParameters.instances(exchange::query, caller)
            .flatMap(query -> useCases.listInstances().list(query).mapLeft(ErrorMapping::toHttp)),
        instances -> exchange.json(200, Responses.instances(instances)));
  }

  private void activate(Exchange exchange) {
    idempotent(
        exchange,
        decoder::activate,
        HttpApi::activationScope,
        request ->
            useCases
                .activate()
                .activate(new ActivateLicenseCommand(request.licenseKey(), request.name()))
                .mapLeft(ErrorMapping::toHttp)
                .map(
                    activation ->
                        new Answer(201, Responses.activation(activation), Option.none())));
  }

  /**
   * A public activation's Idempotency-Key counts within its license key, so that clients of
   * different keys (and businesses) cannot meet on one, and no one can learn whether a key was used
   * without the license key it was used with. Stored as the license key's hash: the key is a
   * secret. A body without a license key fails the same way each time, under one scope.
   */
  private static String activationScope(Either<HttpError, Requests.Activate> request) {
    return request
        .map(
            activate ->
                "license:" + dev.licensekeys.domain.model.ApiKey.hashSecret(activate.licenseKey()))
        .getOrElse("public");
  }

  /** A success to send: status, body, and an ETag when it is a license key. */
  private record Answer(int status, byte[] body, Option<String> etag) {}

  /**
   * Runs a POST once per {@code Idempotency-Key}: a retry with the same key and body gets the first
   * answer again (errors included, server failures excepted), the same key with another body is
   * refused, and without the header the request simply runs. The body is decoded once; {@code
   * scopeOf} names where its key counts, from the decoded request or the refusal.
   */
  private <R> void idempotent(
      Exchange exchange,
      Function<byte[], Either<HttpError, R>> decode,
      Function<Either<HttpError, R>, String> scopeOf,
      Function<R, Either<HttpError, Answer>> handle) {
    respond(
        exchange,
        exchange.body(Exchange.JSON),
        body -> {
          Either<HttpError, R> request = decode.apply(body);
          java.util.function.Supplier<Either<HttpError, Answer>> answer =
              () -> request.flatMap(handle);
          exchange
              .header(IDEMPOTENCY_KEY)
              .fold(
                  () -> {
                    send(exchange, answer.get());
                    return null;
                  },
                  key -> {
                    once(exchange, scopeOf.apply(request), key, body, answer);
                    return null;
                  });
        });
  }

  private void once(
      Exchange exchange,
      String scope,
      String key,
      byte[] body,
      java.util.function.Supplier<Either<HttpError, Answer>> answer) {
    if (!key.matches("[\\x21-\\x7e]{1,255}")) {
      exchange.fail(
          HttpError.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters"));
      return;
    }
    String fingerprint =
        dev.licensekeys.domain.model.ApiKey.hashSecret(
            exchange.request().path().path()
                + "\n"
                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    switch (idempotency.claim(scope, key, fingerprint, clock.instant())) {
      case IdempotencyRecords.Claim.Replay replay -> {
        exchange.header(IDEMPOTENT_REPLAYED, "true");
        exchange.json(replay.status(), replay.body());
      }
      case IdempotencyRecords.Claim.Mismatch mismatch ->
          exchange.fail(
              new HttpError(
                  422,
                  "IDEMPOTENCY_KEY_REUSED",
                  "this Idempotency-Key was used with a different request"));
      case IdempotencyRecords.Claim.InProgress inProgress ->
          exchange.fail(
              new HttpError(
                  409, "CONFLICT", "a request with this Idempotency-Key is in progress; retry"));
      case IdempotencyRecords.Claim.Claimed claimed -> {
        Either<HttpError, Answer> result;
        try {
          result = answer.get();
        } catch (RuntimeException e) {
          idempotency.release(scope, key);
          throw e;
        }
        idempotency.complete(
            scope,
            key,
            result.fold(HttpError::status, Answer::status),
            result.fold(Responses::error, Answer::body));
        send(exchange, result);
      }
    }
  }

  private static void send(Exchange exchange, Either<HttpError, Answer> result) {
    respond(
        exchange,
        result,
        answer -> {
          answer.etag().forEach(etag -> exchange.header(HeaderNames.ETAG, etag));
          exchange.json(answer.status(), answer.body());
        });
  }

  static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
  static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");

  private void deactivate(Exchange exchange) {
    respond(
        exchange,
        exchange
            .body(Exchange.JSON)
            .flatMap(decoder::deactivate)
            .flatMap(
                request ->
                    useCases
                        .deactivate()
                        .deactivate(
                            new DeactivateLicenseCommand(
                                request.licenseKey(), request.licenseKeyInstanceId()))
                        .mapLeft(ErrorMapping::toHttp)),
        key -> exchange.empty(200));
  }

  private void validate(Exchange exchange) {
    respond(
        exchange,
        exchange
            .body(Exchange.JSON)
            .flatMap(decoder::validate)
            .flatMap(
                request ->
                    useCases
                        .validate()
                        .validate(
                            new ValidateLicenseCommand(
                                request.licenseKey(), Option.of(request.licenseKeyInstanceId())))
                        .mapLeft(ErrorMapping::toHttp)),
        valid -> exchange.json(200, Responses.validity(valid)));
  }

  private void sendKey(Exchange exchange, int status, LicenseKey key) {
    exchange.header(HeaderNames.ETAG, IfMatch.etag(key.version()));
    exchange.json(status, Responses.licenseKey(key, clock.instant()));
  }

  private static <T> void respond(
      Exchange exchange, Either<HttpError, T> result, java.util.function.Consumer<T> success) {
    result.fold(
        error -> {
          exchange.fail(error);
          return null;
        },
        value -> {
          success.accept(value);
          return null;
        });
  }

  private Handler authenticated(BiConsumer<Exchange, Caller> route) {
    return (req, res) -> {
      Exchange exchange = new Exchange(req, res);
      if (refusedForRepeating(
          exchange, HeaderNames.AUTHORIZATION, HeaderNames.CONTENT_TYPE, IDEMPOTENCY_KEY)) {
        return;
      }
      authenticator
          .authenticate(exchange.header(HeaderNames.AUTHORIZATION))
          .peek(caller -> route.accept(exchange, caller))
          .onEmpty(
              () -> {
                // RFC 9110 asks a 401 for a challenge; one for every 401, so none tells more.
                exchange.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"license-keys\"");
                exchange.fail(HttpError.unauthorized());
              });
    };
  }

  /**
   * The public {@code /licenses/*} routes ignore any Authorization header, and are rate limited per
   * client address.
   */
  private Handler open(java.util.function.Consumer<Exchange> route) {
    return (req, res) -> {
      Exchange exchange = new Exchange(req, res);
      if (refusedForRepeating(exchange, HeaderNames.CONTENT_TYPE, IDEMPOTENCY_KEY)) {
        return;
      }
      Option<Duration> wait = operations.rateLimit().admit(exchange.peer());
      if (wait.isDefined()) {
        exchange.header(
            HeaderNames.RETRY_AFTER,
            String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
        exchange.fail(
            new HttpError(
                429, "TOO_MANY_REQUESTS", "too many requests from this address; retry later"));
        return;
      }
      route.accept(exchange);
    };
  }

  /** Refuses the request, and says so, when it sends one of {@code names} on two lines. */
  private static boolean refusedForRepeating(Exchange exchange, HeaderName... names) {
    Option<HttpError> repeated = SingleHeaders.repeated(exchange.request().headers(), names);
    repeated.forEach(exchange::fail);
    return repeated.isDefined();
  }

  /** A 405 for a route's other methods, with the Allow header RFC 9110 asks of one. */
  private static Handler methodNotAllowed(String allowed) {
    return (req, res) -> {
      Exchange exchange = new Exchange(req, res);
      exchange.header(HeaderNames.ALLOW, allowed);
      exchange.fail(HttpError.methodNotAllowed(req.prologue().method().text()));
    };
  }

  private static byte[] health(boolean up) {
    return Responses.json(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", up ? "UP" : "DOWN");
          json.writeEndObject();
        });
  }

  private void serveMetrics(ServerRequest req, ServerResponse res) {
    byte[] text = operations.metrics().get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    new Exchange(req, res).send(200, "text/plain; version=0.0.4; charset=utf-8", text);
  }

  private void serveOpenApi(ServerRequest req, ServerResponse res) {
    new Exchange(req, res).send(200, "application/yaml", openApi);
  }

  private static byte[] loadOpenApi() {
    try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
