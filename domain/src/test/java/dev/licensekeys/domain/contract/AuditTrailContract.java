package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@code AuditTrail} adapter must do: keep each event whole, in order, per subject. */
public abstract class AuditTrailContract extends OutPortsContract {

  @Test
  void eventsComeBackWholeAndOldestFirst() {
    LicenseKey key = stored(newKey());
    clock.advance(Duration.ofSeconds(1));
    update(key, LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(5)));
    clock.advance(Duration.ofSeconds(1));
    update(
        key,
        LicenseKeyPatch.KEEP_ALL
            .withActivationsLimit(Change.clear())
            .withExpiresAt(Change.set(Instant.parse("2031-01-01T00:00:00.000001Z"))));

    var events = ports.auditTrail().eventsOf(TestData.BUSINESS, key.id());

    assertThat(events.map(AuditEvent::operation))
        .containsExactly(AuditOperation.IMPORT, AuditOperation.UPDATE, AuditOperation.UPDATE);
    assertThat(events.get(1).changes())
        .containsExactly(new FieldChange("activations_limit", Option.none(), Option.some("5")));
    assertThat(events.get(2).changes())
        .containsExactly(
            new FieldChange("activations_limit", Option.some("5"), Option.none()),
            new FieldChange(
                "expires_at", Option.none(), Option.some("2031-01-01T00:00:00.000001Z")));
    assertThat(events.get(2).apiKeyId()).containsExactly(TestData.CALLER.apiKeyId());
    assertThat(events.get(2).at()).isEqualTo(clock.instant());
  }

  @Test
  void eachSubjectHasItsOwnEventsInItsOwnBusiness() {
    LicenseKey first = stored(newKey());
    LicenseKey second = stored(newKey());
    update(first, LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(true)));

    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, first.id())).hasSize(2);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, second.id())).hasSize(1);
    assertThat(ports.auditTrail().eventsOf(TestData.OTHER_BUSINESS, first.id())).isEmpty();
  }

  private void update(LicenseKey key, LicenseKeyPatch patch) {
    services
        .licenseKeys()
        .update(new UpdateLicenseKeyCommand(TestData.CALLER, key.id(), patch))
        .getOrElseThrow(error -> new AssertionError(error.message()));
  }
}
