package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.http.UseCases;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final LicenseKey KEY = TestData.key("lic_000000000000000000001").build();

  private final Metrics metrics = new Metrics();

  @Test
  void eachRouteMethodAndStatusHasItsOwnCountAndTime() {
    metrics.observed("/license_keys/{id}", "PATCH", 200, 1_000_000);
    metrics.observed("/license_keys/{id}", "PATCH", 200, 3_000_000);
    metrics.observed("/license_keys/{id}", "PATCH", 404, 2_000_000);
    metrics.observed("/license_keys/{id}", "GET", 200, 5_000_000);

    assertThat(timed("PATCH", "200").count()).isEqualTo(2);
    assertThat(timed("PATCH", "200").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4.0);
    assertThat(timed("PATCH", "404").count()).isEqualTo(1);
    assertThat(timed("GET", "200").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
    assertThat(metrics.scrape())
        .contains(
            "http_server_requests_seconds_count{method=\"PATCH\",route=\"/license_keys/{id}\",status=\"200\"} 2");
  }

  @Test
  void patchesAndActivationsAreCountedByOutcome() {
    UseCases counted = metrics.counting(useCasesAnswering());
    for (String id : new String[] {KEY.id(), KEY.id(), "lic_missing", KEY.id()}) {
      counted.updateLicenseKey().update(patchOf(id));
    }
    counted.activate().activate(new ActivateLicenseCommand("KEY", "laptop"));

    assertThat(counted("license_keys.patches", "done")).isEqualTo(3.0);
    assertThat(counted("license_keys.patches", "NotFound")).isEqualTo(1.0);
    assertThat(counted("license_keys.activations", "LimitReached")).isEqualTo(1.0);
    assertThat(metrics.scrape()).contains("license_keys_patches_total{outcome=\"done\"} 3.0");
  }

  private Timer timed(String method, String status) {
    return metrics
        .registry()
        .get("http.server.requests")
        .tags("route", "/license_keys/{id}", "method", method, "status", status)
        .timer();
  }

  private double counted(String name, String outcome) {
    return metrics.registry().get(name).tag("outcome", outcome).counter().count();
  }

  private static UpdateLicenseKeyCommand patchOf(String id) {
    return new UpdateLicenseKeyCommand(
        TestData.CALLER, id, LicenseKeyPatch.KEEP_ALL, Option.none());
  }

  /** Patches find only {@link #KEY}; every activation has reached its limit. */
  private static UseCases useCasesAnswering() {
    return new UseCases(
        command ->
            command.licenseKeyId().equals(KEY.id())
                ? Either.right(KEY)
                : Either.left(
                    LicenseKeyError.NotFound.of(
                        LicenseKeyError.Resource.LICENSE_KEY, command.licenseKeyId())),
        (caller, id) -> unused(),
        query -> unused(),
        command -> unused(),
        (caller, id) -> unused(),
        command -> unused(),
        query -> unused(),
        command -> Either.left(new LicenseKeyError.LimitReached(KEY.id(), 1)),
        command -> unused(),
        command -> unused());
  }

  private static <T> T unused() {
    throw new UnsupportedOperationException("not used by these tests");
  }
}
