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
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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
            route + ' ' + method + ' ' + status,
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
    Counter.builder(name)
        .tag("outcome", result.isRight() ? "done" : result.getLeft().getClass().getSimpleName())
        .register(registry)
        .increment();
    return result;
  }
}
