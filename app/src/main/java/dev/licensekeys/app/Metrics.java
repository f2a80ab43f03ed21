package dev.licensekeys.app;

import dev.licensekeys.http.Operations;
import dev.licensekeys.http.UseCases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's meters, in Micrometer's Prometheus registry: requests by route, method and status
 * (count and latency histogram), the connection pool (HikariCP reports into the same registry), and
 * what the business cares about: activations and patches by outcome. Public for the load benchmark,
 * whose service on in-memory adapters keeps the same meters.
 */
public final class Metrics implements Operations.RequestObserver {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Meters found by a key of their tags rather than by Micrometer's builders: registering looks a
  // meter up by building its id, and a key made of text was a new string to hash every request
  // (docs/BENCHMARKS.md, change 46).
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
  private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

  private record TimerKey(String route, String method, int status) {}

  private record CounterKey(String name, String outcome) {}

  PrometheusMeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void observed(String route, String method, int status, long nanos) {
    timers
        .computeIfAbsent(
            new TimerKey(route, method, status),
            key ->
                Timer.builder("http.server.requests")
                    .description("HTTP requests by route, method and status")
                    .tags("route", route, "method", method, "status", String.valueOf(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The same use cases, counting activations and patches by outcome. */
  public UseCases counting(UseCases useCases) {
    return new UseCases(
        command -> count("license_keys.patches", useCases.updateLicenseKey().update(command)),
        useCases.getLicenseKey(),
        useCases.listLicenseKeys(),
        useCases.importLicenseKey(),
        useCases.getInstance(),
        useCases.renameInstance(),
        useCases.listInstances(),
        command -> count("license_keys.activations", useCases.activate().activate(command)),
        command -> count("license_keys.deactivations", useCases.deactivate().deactivate(command)),
        useCases.validate());
  }

  private <L, R> Either<L, R> count(String name, Either<L, R> result) {
    String outcome = result.isRight() ? "done" : result.getLeft().getClass().getSimpleName();
    counters
        .computeIfAbsent(
            new CounterKey(name, outcome),
            key -> Counter.builder(key.name()).tag("outcome", key.outcome()).register(registry))
        .increment();
    return result;
  }
}
