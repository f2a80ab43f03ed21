package dev.licensekeys.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One JSON line per request: time, request id, method, route (never the raw path or query), status
 * and duration. The request id comes from {@code X-Request-Id} when it is a plain token, else a new
 * one, and is echoed in the response. Headers and bodies are never logged, so neither an API key
 * nor a license key string can reach the log.
 *
 * <p>As the one filter every request passes, it also answers 503 while the service stops, refuses a
 * target without a path before Helidon's routing fails on it, and ends a connection whose response
 * said {@code Connection: close} ({@link ClosingConnections}): a filter more would cost every
 * request its pass through the chain.
 */
final class AccessLog implements Filter {

  static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Operations operations;
  private final Clock clock;
  private final AtomicInteger inFlight;
  private final java.util.function.BooleanSupplier stopping;

  AccessLog(
      Operations operations,
      Clock clock,
      AtomicInteger inFlight,
      java.util.function.BooleanSupplier stopping) {
    this.operations = operations;
    this.clock = clock;
    this.inFlight = inFlight;
    this.stopping = stopping;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
    long start = System.nanoTime();
    String requestId =
        request
            .headers()
            .first(REQUEST_ID)
            .filter(value -> TOKEN.matcher(value).matches())
            .orElseGet(AccessLog::newRequestId);
    response.header(REQUEST_ID, requestId);
    inFlight.incrementAndGet();
    try {
      if (stopping.getAsBoolean()) {
        // Draining before the stop: no new work, and the client knows to retry elsewhere.
        Exchange exchange = new Exchange(request, response);
        exchange.header(HeaderNames.RETRY_AFTER, HttpApi.RETRY_AFTER_SECONDS);
        exchange.header(HeaderNames.CONNECTION, "close");
        exchange.fail(HttpError.stopping());
      } else if (request.path().path() == null) {
        // A target Helidon 4.5.0 parses without a path (a host with a dot and a port, as CONNECT
        // sends it: "example.com:443") makes its routing fail on a null: a 500 and two warnings
        // with stack traces per request.
        new Exchange(request, response)
            .fail(HttpError.badRequest("the request target must be a path, such as /license_keys"));
      } else {
        chain.proceed();
      }
    } finally {
      inFlight.decrementAndGet();
      long nanos = System.nanoTime() - start;
      String route = RouteTemplates.of(request);
      String method = request.prologue().method().text();
      int status = response.status().code();
      operations.observer().observed(route, RouteTemplates.methodLabel(method), status, nanos);
      operations
          .accessLog()
          .accept(
              "{\"time\":\""
                  + DateTimes.format(clock.instant())
                  + "\",\"request_id\":\""
                  + requestId
                  + "\",\"method\":\""
                  + method
                  + "\",\"route\":\""
                  + route
                  + "\",\"status\":"
                  + status
                  + ",\"duration_ms\":"
                  + milliseconds(nanos)
                  + "}");
    }
    ClosingConnections.closeIfSaid(request, response);
  }

  /**
   * A version 4 UUID from a fast generator: a request id must be unique, not secret, and {@code
   * UUID.randomUUID()} costs every request a read of the system's secure random source.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** {@code 12.345}: milliseconds with three decimals. */
  static String milliseconds(long nanos) {
    long micros = Math.max(0, nanos) / 1_000;
    String fraction = Long.toString(1_000 + micros % 1_000).substring(1);
    return micros / 1_000 + "." + fraction;
  }
}
