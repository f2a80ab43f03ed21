package dev.licensekeys.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the operators' endpoints and the access log need from the app: whether the database is
 * ready, the metrics in Prometheus text, a place for request measurements and for log lines, and
 * which failures mean "the database is unavailable" (503 with Retry-After, not 500).
 */
public record Operations(
    BooleanSupplier ready,
    Supplier<String> metrics,
    RequestObserver observer,
    Consumer<String> accessLog,
    Predicate<Throwable> unavailable,
    PublicRateLimit rateLimit) {

  public Operations {
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(unavailable, "unavailable");
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(accessLog, "accessLog");
  }

  /** For tests and embedders that watch nothing: always ready, no metrics, no log. */
  public static Operations none() {
    return new Operations(
        () -> true,
        () -> "",
        (route, method, status, nanos) -> {},
        line -> {},
        error -> false,
        PublicRateLimit.defaults());
  }

  /** Told of every request once it is answered. */
  @FunctionalInterface
  public interface RequestObserver {
    void observed(String route, String method, int status, long nanos);
  }
}
