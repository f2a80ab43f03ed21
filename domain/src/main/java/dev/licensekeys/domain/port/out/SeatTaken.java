package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import java.util.Objects;

/** What an activation writes: the key with one more seat taken, its new instance, the event. */
public record SeatTaken(LicenseKey key, LicenseKeyInstance instance, AuditEvent event) {
  public SeatTaken {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(event, "event");
    if (!instance.licenseKeyId().equals(key.id())) {
      throw new IllegalArgumentException("the instance must belong to the key");
    }
  }
}
